package vn.situationroom.intake;

import java.util.UUID;

/**
 * The citizen named by an accepted event: the value of records on {@code reception-event-persons}, keyed by event id.
 *
 * @param eventId the event that names the person
 * @param communeCode the event's commune, so that access can later be scoped by commune
 * @param person the personal data
 */
public record PersonRecorded(UUID eventId, String communeCode, Person person) {

    @Override
    public String toString() {
        return "PersonRecorded[eventId=" + eventId + ", communeCode=" + communeCode + ", person=redacted]";
    }
}

package vn.situationroom.intake;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Valid reception events for tests, with only what a test is about spelled out. */
public final class TestEvents {

    private TestEvents() {}

    /** A land complaint brought by {@code headcount} citizens to the district office. */
    public static ReceptionEvent visit(String communeCode, OffsetDateTime at, int headcount) {
        return new ReceptionEvent(
                UUID.randomUUID(),
                at,
                null,
                communeCode,
                ReceptionPoint.DISTRICT_OFFICE,
                EventType.VISIT,
                Content.COMPLAINT,
                Field.LAND,
                headcount,
                false,
                false,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The same event under another id. */
    public static ReceptionEvent withId(ReceptionEvent event, UUID id) {
        return new ReceptionEvent(
                id,
                event.occurredAt(),
                event.recordedAt(),
                event.communeCode(),
                event.receptionPoint(),
                event.type(),
                event.content(),
                event.field(),
                event.headcount(),
                event.complex(),
                event.candidateRelated(),
                event.caseRef(),
                event.summary(),
                event.severity(),
                event.destination(),
                event.status(),
                event.personHash());
    }
}

package vn.situationroom.simulator;

import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.situationroom.intake.CaseStatus;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.Destination;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.intake.Person;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.intake.Severity;

/**
 * One simulated event as the JSON a client would offer, so that it passes through intake's checks like any other.
 *
 * @param occurredAt when it happens
 * @param json the offered event
 */
record SimulatedEvent(OffsetDateTime occurredAt, ObjectNode json) {

    /** Builds the offered JSON of one event field by field. */
    static final class Builder {

        private final ObjectNode json = JsonNodeFactory.instance.objectNode();
        private final OffsetDateTime occurredAt;
        private final EventType type;

        Builder(UUID id, OffsetDateTime occurredAt, String communeCode, EventType type) {
            this.occurredAt = occurredAt;
            this.type = type;
            json.put("eventId", id.toString());
            json.put("occurredAt", occurredAt.toString());
            json.put("communeCode", communeCode);
            json.put("type", type.name());
        }

        EventType type() {
            return type;
        }

        Builder receptionPoint(ReceptionPoint value) {
            json.put("receptionPoint", value.name());
            return this;
        }

        Builder content(Content value) {
            json.put("content", value.name());
            return this;
        }

        Builder field(Field value) {
            json.put("field", value.name());
            return this;
        }

        Builder severity(Severity value) {
            json.put("severity", value.name());
            return this;
        }

        Builder destination(Destination value) {
            json.put("destination", value.name());
            return this;
        }

        Builder status(CaseStatus value) {
            json.put("status", value.name());
            return this;
        }

        Builder headcount(int value) {
            json.put("headcount", value);
            return this;
        }

        Builder complex(boolean value) {
            json.put("complex", value);
            return this;
        }

        Builder candidateRelated(boolean value) {
            json.put("candidateRelated", value);
            return this;
        }

        Builder caseRef(String value) {
            json.put("caseRef", value);
            return this;
        }

        Builder summary(String value) {
            if (value != null) {
                json.put("summary", value);
            }
            return this;
        }

        Builder person(Person person) {
            ObjectNode node = json.putObject("person");
            node.put("name", person.name());
            node.put("idNumber", person.idNumber());
            node.put("phone", person.phone());
            node.put("address", person.address());
            return this;
        }

        SimulatedEvent build() {
            return new SimulatedEvent(occurredAt, json);
        }
    }
}

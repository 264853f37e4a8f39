package vn.situationroom.intake;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads the optional {@code person} of an offered event: personal data, so checked strictly and never echoed. */
final class PersonFields {

    private PersonFields() {}

    static Person read(JsonFields event, ReceptionEventReader.Source source, List<Violation> violations) {
        if (!event.has("person")) {
            return null;
        }
        if (source == ReceptionEventReader.Source.TOPIC) {
            event.violate(
                    "person",
                    "personal-data-on-topic",
                    "personal data must not be written to reception-events, "
                            + "where every consumer reads it; send the event with its person to POST /api/v1/events");
            return null;
        }
        JsonNode node = event.node("person");
        if (!node.isObject()) {
            event.violate("person", "not-an-object", "must be an object with " + ReceptionEventReader.PERSON_FIELDS);
            return null;
        }
        int before = violations.size();
        JsonFields fields = new JsonFields(node, "person.", violations, false);
        fields.refuseUnknown(ReceptionEventReader.PERSON_FIELDS, "a person");
        String name = fields.text("name", 200);
        String idNumber = fields.text("idNumber", 12);
        String phone = fields.text("phone", 20);
        String address = fields.text("address", 500);
        // Messages name the rule, never the value: this is personal data and error answers end up in logs.
        if (idNumber != null && !idNumber.matches("\\d{9}|\\d{12}")) {
            fields.violate("idNumber", "invalid-format", "must be 9 digits (CMND) or 12 digits (CCCD)");
        }
        if (phone != null && !phone.matches("\\+?[0-9 .\\-]{8,20}")) {
            fields.violate("phone", "invalid-format", "must be a phone number of 8 to 15 digits");
        }
        Person person = new Person(name, idNumber, phone, address);
        if (violations.size() == before && person.isEmpty()) {
            event.violate("person", "required", "names no one: give at least a name, an id number or a phone");
        }
        return violations.size() == before ? person : null;
    }
}

package vn.situationroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.situationroom.intake.ReceptionEventReader.Source;
import vn.situationroom.platform.Json;

class ReceptionEventReaderTests {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-15T01:00:00Z"), ZoneOffset.UTC);
    private static final PersonHasher HASHER = new PersonHasher("a test salt of 32 characters....".getBytes());
    private final ReceptionEventReader reader =
            new ReceptionEventReader(Set.of("10001")::contains, HASHER, NOW, ReceptionEventReader.MAX_AGE);

    /** A visit with every field a visit may have, valid as it is. */
    private static final String VISIT = """
            {"eventId":"0b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e10","occurredAt":"2026-03-15T08:00:00+07:00",
             "communeCode":"10001","receptionPoint":"DISTRICT_OFFICE","type":"VISIT","content":"COMPLAINT",
             "field":"LAND","headcount":7,"complex":true,"candidateRelated":false,"caseRef":"KN-2026-014",
             "summary":"Tranh chấp ranh giới đất","person":{"name":"Nguyễn Văn A","idNumber":"084012345678",
             "phone":"0912 345 678","address":"Ấp 1"}}""";

    @Test
    void a_complete_visit_is_read_with_every_field() {
        EventCheck.Valid valid = valid(reader.read(node(VISIT), Source.CLIENT));

        ReceptionEvent event = valid.event();
        assertThat(event.occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(7));
        assertThat(event.receptionPoint()).isEqualTo(ReceptionPoint.DISTRICT_OFFICE);
        assertThat(event.content()).isEqualTo(Content.COMPLAINT);
        assertThat(event.field()).isEqualTo(Field.LAND);
        assertThat(event.headcount()).isEqualTo(7);
        assertThat(event.complex()).isTrue();
        assertThat(event.caseRef()).isEqualTo("KN-2026-014");
        assertThat(event.summary()).isEqualTo("Tranh chấp ranh giới đất");
        assertThat(valid.person().name()).isEqualTo("Nguyễn Văn A");
        assertThat(event.personHash()).hasSize(64).isEqualTo(HASHER.hash(valid.person()));
    }

    @Test
    void the_event_that_goes_on_the_topic_never_holds_the_person() {
        EventCheck.Valid valid = valid(reader.read(node(VISIT), Source.CLIENT));

        String onTopic = new String(Json.MAPPER.writeValueAsBytes(valid.event()), StandardCharsets.UTF_8);

        assertThat(onTopic).doesNotContain("Nguyễn", "084012345678", "0912", "Ấp 1", "person\"");
        assertThat(onTopic).contains("\"personHash\":\"" + valid.event().personHash() + "\"");
    }

    @Test
    void a_missing_headcount_means_one_person_and_missing_flags_mean_false() {
        ReceptionEvent event = valid(offer(VISIT, "headcount", null, "complex", null, "person", null))
                .event();

        assertThat(event.headcount()).isEqualTo(1);
        assertThat(event.complex()).isFalse();
        assertThat(event.personHash()).isNull();
    }

    @ParameterizedTest(name = "{0} = {1} → {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "<absent>", textBlock = """
            eventId          | <absent>                    | eventId          | required        | is required: a UUID
            eventId          | 42                          | eventId          | invalid-format  | must be a UUID
            eventId          | "1-2-3-4-5"                 | eventId          | invalid-format  | must be a UUID
            occurredAt       | <absent>                    | occurredAt       | required        | is required: an ISO-8601 time
            occurredAt       | "yesterday"                 | occurredAt       | invalid-format  | must be an ISO-8601 time with offset
            occurredAt       | "2026-03-15T08:00:00"       | occurredAt       | invalid-format  | must be an ISO-8601 time with offset
            occurredAt       | "2026-03-15T01:06:00Z"      | occurredAt       | future          | lies in the future
            occurredAt       | "2016-03-16T01:00:00Z"      | occurredAt       | too-old         | lies more than 3650 days in the past
            recordedAt       | "2026-03-15T01:00:00Z"      | recordedAt       | set-by-intake   | is set by intake
            communeCode      | <absent>                    | communeCode      | required        | is required: the code of a commune
            communeCode      | "99999"                     | communeCode      | unknown-commune | is not a commune of the loaded region
            receptionPoint   | <absent>                    | receptionPoint   | required        | is required: one of [DISTRICT_OFFICE
            receptionPoint   | "HOME"                      | receptionPoint   | unknown-value   | must be one of [DISTRICT_OFFICE
            type             | <absent>                    | type             | required        | is required: one of [VISIT
            type             | "visit"                     | type             | unknown-value   | must be one of [VISIT
            content          | <absent>                    | content          | required        | is required: one of [COMPLAINT
            content          | "ANGER"                     | content          | unknown-value   | must be one of [COMPLAINT
            field            | <absent>                    | field            | required        | is required: one of [LAND
            field            | 3                           | field            | unknown-value   | must be one of [LAND
            headcount        | 0                           | headcount        | out-of-range    | must be a whole number from 1 to 100000
            headcount        | 2.5                         | headcount        | out-of-range    | must be a whole number from 1 to 100000
            headcount        | "five"                      | headcount        | out-of-range    | must be a whole number from 1 to 100000
            headcount        | 100001                      | headcount        | out-of-range    | must be a whole number from 1 to 100000
            complex          | "yes"                       | complex          | invalid-format  | must be true or false
            candidateRelated | 1                           | candidateRelated | invalid-format  | must be true or false
            caseRef          | 17                          | caseRef          | invalid-format  | must be text
            summary          | "a\\u0000b"                  | summary          | invalid-format  | must not contain control characters
            summary          | "a\\uD800b"                  | summary          | invalid-format  | must be valid Unicode text
            severity         | "GRAVE"                     | severity         | not-applicable  | applies to INCIDENT events only
            destination      | "PROVINCE"                  | destination      | not-applicable  | applies to ESCALATION events only
            status           | "RESOLVED"                  | status           | not-applicable  | applies to CASE_UPDATE events only
            personHash       | "00"                        | personHash       | set-by-intake   | is set by intake from the person
            headcont         | 5                           | headcont         | unknown-field   | is not a field of a reception event
            person           | "Nguyễn Văn A"              | person           | not-an-object   | must be an object
            person           | {}                          | person           | required        | names no one
            person           | {"idNumber":"12345"}        | person.idNumber  | invalid-format  | must be 9 digits (CMND) or 12 digits (CCCD)
            person           | {"phone":"call me"}         | person.phone     | invalid-format  | must be a phone number
            person           | {"name":"A","age":40}       | person.age       | unknown-field   | is not a field of a person
            """)
    void every_rule_names_its_field_with_a_code_and_a_message(
            String field, String json, String path, String code, String message) {
        EventCheck check = offer(VISIT, field, json);

        assertThat(check)
                .isInstanceOfSatisfying(
                        EventCheck.Invalid.class,
                        invalid -> assertThat(invalid.violations())
                                .singleElement()
                                .satisfies(v -> {
                                    assertThat(v.field()).isEqualTo(path);
                                    assertThat(v.code()).isEqualTo(code);
                                    assertThat(v.message()).startsWith(message);
                                }));
    }

    @Test
    void a_summary_of_2000_characters_is_taken_and_2001_is_not() {
        assertThat(offer(VISIT, "summary", "\"" + "đ".repeat(2000) + "\"")).isInstanceOf(EventCheck.Valid.class);
        assertThat(offer(VISIT, "summary", "\"" + "đ".repeat(2001) + "\""))
                .isInstanceOfSatisfying(
                        EventCheck.Invalid.class,
                        invalid -> assertThat(invalid.summary())
                                .isEqualTo("summary: must be at most 2000 characters, not 2001"));
    }

    @Test
    void an_incident_needs_a_severity_an_escalation_a_destination_and_a_case_update_a_case_and_status() {
        assertThat(fields(offer(VISIT, "type", "\"INCIDENT\""))).containsExactly("severity");
        assertThat(fields(offer(VISIT, "type", "\"ESCALATION\""))).containsExactly("destination");
        assertThat(fields(offer(VISIT, "type", "\"CASE_UPDATE\"", "caseRef", null)))
                .containsExactly("status", "caseRef");

        ReceptionEvent incident = valid(
                        offer(VISIT, "type", "\"INCIDENT\"", "severity", "\"GRAVE\"", "content", null, "field", null))
                .event();
        assertThat(incident.severity()).isEqualTo(Severity.GRAVE);
        ReceptionEvent escalation = valid(offer(VISIT, "type", "\"ESCALATION\"", "destination", "\"CENTRAL_HANOI\""))
                .event();
        assertThat(escalation.destination().isCentral()).isTrue();
    }

    @Test
    void messages_about_the_person_never_repeat_what_was_typed() {
        EventCheck check = offer(VISIT, "person", "{\"idNumber\":\"0840123\",\"phone\":12345,\"name\":\"Trần Thị B\"}");

        assertThat(check)
                .isInstanceOfSatisfying(
                        EventCheck.Invalid.class,
                        invalid -> assertThat(invalid.summary()).doesNotContain("0840123", "12345", "Trần"));
    }

    @Test
    void every_bad_field_is_named_at_once() {
        EventCheck check = reader.read(node("""
                {"eventId":42,"occurredAt":"yesterday","communeCode":"99999","receptionPoint":"X","type":"RIOT",
                 "headcount":-3}"""), Source.CLIENT);

        assertThat(fields(check))
                .containsExactly("eventId", "occurredAt", "communeCode", "receptionPoint", "type", "headcount");
    }

    @Test
    void a_record_on_the_topic_may_carry_what_intake_set_but_never_the_person() {
        ObjectNode accepted = (ObjectNode) node(VISIT);
        accepted.remove("person");
        accepted.put("recordedAt", "2026-03-15T01:00:00Z");
        accepted.put("personHash", "ab".repeat(32));
        byte[] bytes = Json.MAPPER.writeValueAsBytes(accepted);

        assertThat(valid(reader.readRecord("10001", bytes)).event().recordedAt())
                .isEqualTo(Instant.parse("2026-03-15T01:00:00Z"));
        assertThat(reader.readRecord("10002", bytes))
                .isInstanceOfSatisfying(
                        EventCheck.Invalid.class,
                        invalid -> assertThat(invalid.summary())
                                .isEqualTo("key: the record key must be the commune code 10001, not 10002"));
        assertThat(fields(reader.readRecord("10001", VISIT.getBytes(StandardCharsets.UTF_8))))
                .containsExactly("person");
    }

    @Test
    void malformed_json_and_non_objects_get_a_message_for_the_whole_input() {
        assertThat(reader.read("{\"eventId\":".getBytes(), Source.TOPIC))
                .isInstanceOfSatisfying(
                        EventCheck.Invalid.class,
                        invalid -> assertThat(invalid.summary()).startsWith("$: malformed JSON"));
        assertThat(reader.read("[1,2]".getBytes(), Source.TOPIC))
                .isInstanceOfSatisfying(
                        EventCheck.Invalid.class,
                        invalid -> assertThat(invalid.summary()).isEqualTo("$: an event must be a JSON object"));
        assertThat(reader.read(new byte[0], Source.TOPIC))
                .isInstanceOfSatisfying(
                        EventCheck.Invalid.class,
                        invalid -> assertThat(invalid.summary()).startsWith("$: the event is empty"));
    }

    /** The base event with each named field set to a JSON value, or removed where the value is null. */
    private EventCheck offer(String base, String... fieldsAndValues) {
        ObjectNode event = (ObjectNode) node(base);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] == null) {
                event.remove(fieldsAndValues[i]);
            } else {
                event.set(fieldsAndValues[i], node(fieldsAndValues[i + 1]));
            }
        }
        return reader.read(event, Source.CLIENT);
    }

    private static JsonNode node(String json) {
        return Json.MAPPER.readTree(json);
    }

    private static EventCheck.Valid valid(EventCheck check) {
        assertThat(check).isInstanceOf(EventCheck.Valid.class);
        return (EventCheck.Valid) check;
    }

    private static java.util.List<String> fields(EventCheck check) {
        assertThat(check).isInstanceOf(EventCheck.Invalid.class);
        return ((EventCheck.Invalid) check)
                .violations().stream().map(Violation::field).toList();
    }
}

package vn.situationroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.situationroom.platform.Json;

/** The event's JSON is a contract with outside producers and consumers: written and read back, nothing changes. */
class ReceptionEventJsonTests {

    private static final ReceptionEventReader READER = ReceptionEventReader.forTopic(
            Set.of("10001"),
            Clock.fixed(Instant.parse("2026-03-20T00:00:00Z"), ZoneOffset.UTC),
            ReceptionEventReader.MAX_AGE);

    private static final ReceptionEvent ESCALATION = new ReceptionEvent(
            UUID.fromString("0b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e10"),
            OffsetDateTime.parse("2026-03-12T09:15:00+07:00"),
            Instant.parse("2026-03-12T02:16:01.5Z"),
            "10001",
            ReceptionPoint.CENTRAL_HANOI,
            EventType.ESCALATION,
            Content.COMPLAINT,
            Field.COMPENSATION,
            6,
            true,
            false,
            "KN-2603-01-04",
            "Đoàn 6 người ra Hà Nội",
            null,
            Destination.CENTRAL_HANOI,
            null,
            "ab".repeat(32));

    @Test
    void an_event_written_by_intake_is_read_back_equal_by_the_stream_and_by_data_binding() {
        byte[] json = IntakeTopics.RECEPTION_EVENTS.valueSerde().serializer().serialize("t", ESCALATION);

        assertThat(READER.readRecord("10001", json)).isEqualTo(new EventCheck.Valid(ESCALATION, null));
        assertThat(IntakeTopics.RECEPTION_EVENTS.valueSerde().deserializer().deserialize("t", json))
                .isEqualTo(ESCALATION);
    }

    @Test
    void the_json_uses_the_documented_names_keeps_the_offset_and_leaves_out_what_is_absent() {
        JsonNode json = Json.MAPPER.readTree(
                IntakeTopics.RECEPTION_EVENTS.valueSerde().serializer().serialize("t", ESCALATION));

        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-03-12T09:15:00+07:00");
        assertThat(json.get("recordedAt").asString()).isEqualTo("2026-03-12T02:16:01.500Z");
        assertThat(json.get("destination").asString()).isEqualTo("CENTRAL_HANOI");
        assertThat(json.get("summary").asString()).isEqualTo("Đoàn 6 người ra Hà Nội");
        assertThat(json.has("severity")).isFalse();
        assertThat(json.has("status")).isFalse();
        assertThat(json.has("person")).isFalse();
        assertThat(json.propertyNames()).allMatch(ReceptionEventReader.FIELDS::contains);
    }

    @Test
    void a_person_record_round_trips_and_never_prints_the_person() {
        var topic = IntakeTopics.RECEPTION_EVENT_PERSONS;
        var recorded = new PersonRecorded(
                ESCALATION.eventId(), "10001", new Person("Lê Thị C", "084012345678", "+84 912 345 678", "Ấp Chợ"));

        byte[] json = topic.valueSerde().serializer().serialize("t", recorded);

        assertThat(topic.valueSerde().deserializer().deserialize("t", json)).isEqualTo(recorded);
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("empty");
        assertThat(recorded.toString()).doesNotContain("Lê Thị C", "084012345678");
    }

    @Test
    void a_field_given_twice_is_refused_rather_than_guessed() {
        byte[] twice = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"headcount\":1,\"headcount\":50}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(READER.read(twice, ReceptionEventReader.Source.TOPIC))
                .isInstanceOfSatisfying(
                        EventCheck.Invalid.class,
                        invalid -> assertThat(invalid.summary()).contains("Duplicate Object property \"headcount\""));
    }
}

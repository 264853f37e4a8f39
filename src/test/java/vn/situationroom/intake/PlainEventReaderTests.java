package vn.situationroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;
import vn.situationroom.intake.ReceptionEventReader.Source;
import vn.situationroom.platform.Json;

/**
 * The fast reader of plain events beside the full reader: on every plain valid event it gives the same event, and on
 * thousands of events with one field changed (a null, a blank, padding, another type, a wrong or missing value, a
 * person, a field twice) it either gives what the full reader gives or leaves the event to it.
 */
class PlainEventReaderTests {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-15T01:00:00Z"), ZoneOffset.UTC);
    private final ReceptionEventReader reader = new ReceptionEventReader(
            Set.of("10001", "10002")::contains,
            new PersonHasher("a test salt of 32 characters....".getBytes()),
            NOW,
            ReceptionEventReader.MAX_AGE);
    private final PlainEventReader plain = new PlainEventReader(Set.of("10001", "10002")::contains, reader);

    private static final List<String> PLAIN = List.of("""
            {"eventId":"0b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e10","occurredAt":"2026-03-15T08:00:00+07:00",
             "communeCode":"10001","receptionPoint":"DISTRICT_OFFICE","type":"VISIT","content":"COMPLAINT",
             "field":"LAND","headcount":7,"complex":true,"candidateRelated":false,"caseRef":"KN-2026-014",
             "summary":"Tranh chấp ranh giới đất\\nhai hộ"}""", """
            {"eventId":"1b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e10","occurredAt":"2026-03-15T00:59:59.123456Z",
             "recordedAt":"2026-03-15T01:00:00.5Z","communeCode":"10002","receptionPoint":"COMMUNE_OFFICE",
             "type":"PETITION","content":"DENUNCIATION","field":"ELECTION_CANDIDATE","candidateRelated":true,
             "personHash":"%s"}""".formatted("ab".repeat(32)), """
            {"type":"INCIDENT","severity":"GRAVE","eventId":"2b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e10",
             "occurredAt":"2026-03-14T20:00-05:00","communeCode":"10001","receptionPoint":"POLICE","headcount":40}""", """
            {"eventId":"3B6C3F0E-8F5D-4A59-9A51-3C1F2B7D9E10","occurredAt":"2026-03-01T08:00:00+07:00",
             "communeCode":"10001","receptionPoint":"PROVINCE","type":"ESCALATION","destination":"CENTRAL_HANOI"}""", """
            {"eventId":"4b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e10","occurredAt":"2026-03-15T08:00:00+07:00",
             "communeCode":"10001","receptionPoint":"DISTRICT_OFFICE","type":"CASE_UPDATE","status":"ACCEPTED",
             "caseRef":"KN-2026-014"}""");

    @Test
    void a_plain_valid_event_is_read_fast_as_the_full_reader_reads_it() {
        for (String json : PLAIN) {
            ReceptionEvent fast = plain.read(bytes(json), Source.TOPIC);
            assertThat(fast).as(json).isNotNull();
            assertThat(fast)
                    .isEqualTo(((EventCheck.Valid) reader.read(Json.MAPPER.readTree(json), Source.TOPIC)).event());
        }
    }

    @Test
    void an_event_with_one_field_changed_is_read_as_the_full_reader_reads_it_or_left_to_it() {
        Random random = new Random(11);
        Object[] values = {
            null,
            "",
            " ",
            "  VISIT",
            "VISIT ",
            0,
            -1,
            7,
            100_001,
            2.5,
            true,
            "true",
            "7",
            "2026-03-15T08:00:00+07:00",
            "2026-03-15T08:00:00",
            "2026-03-15T09:10:00+07:00",
            "2020-01-01T00:00:00Z",
            "0b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e1",
            "10001",
            "99999",
            "GRAVE",
            "COMPLAINT",
            "LAND",
            "ACCEPTED",
            "CENTRAL_HCMC",
            "x".repeat(65),
            "a\u0001b",
            "\uD800",
            "\uD83D\uDE00",
            "ab".repeat(32),
            "AB".repeat(32)
        };
        String[] fields = {
            "eventId",
            "occurredAt",
            "recordedAt",
            "communeCode",
            "receptionPoint",
            "type",
            "content",
            "field",
            "headcount",
            "complex",
            "candidateRelated",
            "caseRef",
            "summary",
            "severity",
            "destination",
            "status",
            "personHash",
            "person",
            "unknown"
        };
        int fast = 0;
        for (int i = 0; i < 4000; i++) {
            ObjectNode event = (ObjectNode) Json.MAPPER.readTree(PLAIN.get(random.nextInt(PLAIN.size())));
            String field = fields[random.nextInt(fields.length)];
            switch (random.nextInt(4)) {
                case 0 -> event.remove(field);
                case 1 -> event.putPOJO(field, values[random.nextInt(values.length)]);
                case 2 -> event.putObject(field).put("name", "Lê Văn C");
                default -> event.putArray(field).add(1);
            }
            String json = event.toString();
            for (Source source : Source.values()) {
                byte[] bytes = bytes(json);
                ReceptionEvent read = plain.read(bytes, source);
                EventCheck full = reader.read(Json.MAPPER.readTree(bytes), source);
                if (read != null) {
                    fast++;
                    assertThat(full).as(json).isInstanceOf(EventCheck.Valid.class);
                    assertThat(((EventCheck.Valid) full).person()).as(json).isNull();
                    assertThat(read).as(json).isEqualTo(((EventCheck.Valid) full).event());
                }
                assertThat(reader.read(bytes, source)).as(json).isEqualTo(full);
            }
        }
        assertThat(fast)
                .as("the fast reader reads most of the changed events that are still plain")
                .isGreaterThan(1000);
        // A field given twice is for the full reader, which refuses it.
        String twice = PLAIN.getFirst().replace("\"headcount\":7", "\"headcount\":7,\"headcount\":8");
        assertThat(plain.read(bytes(twice), Source.TOPIC)).isNull();
        assertThat(reader.read(bytes(twice), Source.TOPIC)).isInstanceOf(EventCheck.Invalid.class);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}

package vn.situationroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceptionEventReaderTests {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-15T01:00:00Z"), ZoneOffset.UTC);
    private final ReceptionEventReader reader = ReceptionEventReader.forCodes(Set.of("10001"), NOW);

    @Test
    void a_complete_event_is_read_with_its_offset_and_headcount() {
        EventCheck check = read("""
                {"eventId":"0b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e10","occurredAt":"2026-03-15T08:00:00+07:00",
                 "communeCode":"10001","type":"VISIT","headcount":7,"somethingNew":true}""");

        assertThat(check).isInstanceOfSatisfying(EventCheck.Valid.class, valid -> {
            assertThat(valid.event().communeCode()).isEqualTo("10001");
            assertThat(valid.event().occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(7));
            assertThat(valid.event().headcount()).isEqualTo(7);
            assertThat(valid.event().type()).isEqualTo(EventType.VISIT);
        });
    }

    @Test
    void a_missing_headcount_means_one_person() {
        EventCheck check = read("""
                {"eventId":"0b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e10","occurredAt":"2026-03-15T08:00:00+07:00",
                 "communeCode":"10001","type":"PETITION"}""");

        assertThat(check).isInstanceOfSatisfying(EventCheck.Valid.class,
                valid -> assertThat(valid.event().headcount()).isEqualTo(1));
    }

    @Test
    void every_bad_field_is_named_at_once() {
        EventCheck check = read("""
                {"eventId":42,"occurredAt":"yesterday","communeCode":"99999","type":"RIOT","headcount":-3}""");

        assertThat(check).isInstanceOfSatisfying(EventCheck.Invalid.class, invalid -> assertThat(invalid.violations())
                .extracting(Violation::field)
                .containsExactly("eventId", "occurredAt", "communeCode", "type", "headcount"));
    }

    @Test
    void missing_required_fields_are_named() {
        EventCheck check = read("{}");

        assertThat(check).isInstanceOfSatisfying(EventCheck.Invalid.class, invalid -> assertThat(invalid.violations())
                .extracting(Violation::field)
                .containsExactly("eventId", "occurredAt", "communeCode", "type"));
    }

    @Test
    void a_time_more_than_five_minutes_ahead_is_refused_and_four_minutes_is_not() {
        String template = """
                {"eventId":"0b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e10","occurredAt":"%s","communeCode":"10001","type":"VISIT"}""";

        assertThat(read(template.formatted("2026-03-15T01:06:00Z"))).isInstanceOfSatisfying(EventCheck.Invalid.class,
                invalid -> assertThat(invalid.summary()).startsWith("occurredAt: lies in the future"));
        assertThat(read(template.formatted("2026-03-15T08:04:00+07:00"))).isInstanceOf(EventCheck.Valid.class);
    }

    @Test
    void malformed_json_and_non_objects_get_a_message_for_the_whole_input() {
        assertThat(read("{\"eventId\":")).isInstanceOfSatisfying(EventCheck.Invalid.class,
                invalid -> assertThat(invalid.summary()).startsWith("$: malformed JSON"));
        assertThat(read("[1,2]")).isInstanceOfSatisfying(EventCheck.Invalid.class,
                invalid -> assertThat(invalid.summary()).isEqualTo("$: an event must be a JSON object"));
        assertThat(reader.read(new byte[0])).isInstanceOf(EventCheck.Invalid.class);
    }

    private EventCheck read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }
}

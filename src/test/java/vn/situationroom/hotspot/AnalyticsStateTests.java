package vn.situationroom.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionPoint;

/**
 * The analytics' state in its compact form: each kind written and read back the same, a damaged value refused with a
 * message, and the rules of a case's visits and a commune's series at their edges.
 */
class AnalyticsStateTests {

    private static final long DAY = 86_400;

    @Test
    void a_windows_counts_are_read_back_as_written_and_become_its_indicators() {
        WindowCounts counts = WindowCounts.empty();
        counts.add(event(EventType.VISIT, Content.COMPLAINT, Field.LAND, 12, true), true);
        counts.add(event(EventType.PETITION, Content.DENUNCIATION, Field.ELECTION_CANDIDATE, 1, false), false);
        counts.add(event(EventType.INCIDENT, null, null, 300, false), true);
        counts.addRepeatCase();

        Indicators read = WindowCounts.decode(counts.encode()).indicators();
        assertThat(read).isEqualTo(counts.indicators());
        assertThat(read.events()).isEqualTo(3);
        assertThat(read.people()).isEqualTo(313);
        assertThat(read.crowds()).isEqualTo(2);
        assertThat(read.complex()).isEqualTo(1);
        assertThat(read.repeatCases()).isEqualTo(1);
        assertThat(read.content())
                .containsEntry(Content.COMPLAINT, 1L)
                .containsEntry(Content.DENUNCIATION, 1L)
                .hasSize(2);
        assertThat(read.field()).containsEntry(Field.ELECTION_CANDIDATE, 1L).hasSize(2);
        assertThat(counts.encode().length)
                .as("a busy window in a few dozen bytes")
                .isLessThan(40);
    }

    @Test
    void a_damaged_value_is_refused_with_what_it_was() {
        byte[] bytes = WindowCounts.empty().encode();
        assertThatThrownBy(() -> WindowCounts.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("damaged window")
                .hasMessageContaining("ends early");
        assertThatThrownBy(() -> AlertCodec.decode(new byte[] {9}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("version 9");
    }

    @Test
    void an_alert_is_read_back_as_written_with_every_field() {
        Reason reason = new Reason(
                "CASE_OVERDUE",
                HotspotLevel.WATCH,
                2.5,
                null,
                1.0,
                "a-1",
                "KN-7",
                "RESOLVE",
                LocalDate.of(2026, 2, 27));
        Alert alert = new Alert(
                "a-1",
                "29416",
                AlertRule.CASE_OVERDUE,
                HotspotLevel.WATCH,
                AlertState.ACKNOWLEDGED,
                Instant.parse("2026-03-01T01:00:00Z"),
                Instant.parse("2026-03-01T01:05:00.123456789Z"),
                4,
                List.of(reason),
                "Đại úy Trần Văn B",
                Instant.parse("2026-03-01T01:06:00Z"),
                "đã cử tổ tuần tra",
                null,
                null,
                null);

        assertThat(AlertCodec.decode(AlertCodec.encode(alert))).isEqualTo(alert);
        Alert quiet = alert.resolve(Alert.SYSTEM, Alert.QUIET, Instant.parse("2026-03-02T01:05:00Z"));
        assertThat(AlertCodec.decode(AlertCodec.encode(quiet))).isEqualTo(quiet);
    }

    @Test
    void a_case_counts_the_visits_within_the_span_ending_with_each_and_comes_back_where_two_are_close() {
        CaseVisits visits = new CaseVisits();
        long span = 30 * DAY;
        assertThat(visits.add(100 * DAY, span)).isEqualTo(1);
        assertThat(visits.add(140 * DAY, span))
                .as("the first one is 40 days before")
                .isEqualTo(1);
        assertThat(visits.add(128 * DAY, span))
                .as("late: counts the one 28 days before it")
                .isEqualTo(2);
        assertThat(visits.add(128 * DAY, span)).as("twice in the same second").isEqualTo(3);

        assertThat(visits.cameBackIn(100 * DAY, 101 * DAY, span)).isFalse();
        assertThat(visits.cameBackIn(128 * DAY, 129 * DAY, span)).isTrue();
        assertThat(visits.cameBackIn(140 * DAY, 141 * DAY, span))
                .as("12 days after the two of day 128")
                .isTrue();
        assertThat(visits.between(100 * DAY, 140 * DAY)).containsExactly(128 * DAY, 128 * DAY);

        CaseVisits read = CaseVisits.decode(visits.encode());
        assertThat(read.size()).isEqualTo(4);
        read.forgetBefore(128 * DAY);
        assertThat(read.size()).isEqualTo(3);
    }

    @Test
    void a_case_keeps_its_latest_visits_only_so_that_its_entry_stays_small() {
        CaseVisits visits = new CaseVisits();
        for (int i = 0; i < 2000; i++) {
            visits.add(1_700_000_000L + i * 3600L, 30 * DAY);
        }
        assertThat(visits.size()).isEqualTo(CaseVisits.MAX_KEPT);
        assertThat(visits.encode().length).isLessThan(2048);
        assertThat(visits.between(1_700_000_000L + 1999 * 3600L - 1, Long.MAX_VALUE))
                .hasSize(1);
    }

    @Test
    void a_communes_series_moves_forward_with_the_days_and_forgets_what_it_moves_past() {
        CommuneSeries series = new CommuneSeries(43, 192, CommuneSeries.NEVER);
        assertThat(series.knownDays(20_000)).isZero();
        assertThat(series.watched(19_990)).isTrue();
        assertThat(series.watched(19_995)).as("not earlier than the first").isFalse();
        series.count(19_990, 19_990 * 24 + 9);
        series.count(20_000, 20_000 * 24 + 9);
        series.count(20_000, 20_000 * 24 + 9);

        assertThat(series.knownDays(20_000)).isEqualTo(11);
        double[] days = series.daysUntil(20_000);
        assertThat(days[42]).isEqualTo(2);
        assertThat(days[32]).isEqualTo(1);
        assertThat(series.hour(20_000 * 24 + 9)).isEqualTo(2);

        series.count(20_050, 20_050 * 24 + 9);
        assertThat(series.daysUntil(20_050)[42]).isEqualTo(1);
        assertThat(Arrays.stream(series.daysUntil(20_050)).sum())
                .as("the days 50 days back: forgotten")
                .isEqualTo(1);
        assertThat(series.hour(20_000 * 24 + 9))
                .as("more than 8 days of hours ago")
                .isZero();
    }

    private static ReceptionEvent event(EventType type, Content content, Field field, int headcount, boolean complex) {
        return new ReceptionEvent(
                UUID.randomUUID(),
                OffsetDateTime.parse("2026-03-01T08:00:00+07:00"),
                null,
                "29416",
                ReceptionPoint.DISTRICT_OFFICE,
                type,
                content,
                field,
                headcount,
                complex,
                false,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}

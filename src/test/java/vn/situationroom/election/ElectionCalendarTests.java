package vn.situationroom.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a day stands in the election period, as the wall and the report say it; long after it, no election. */
class ElectionCalendarTests {

    private static final ElectionCalendar CALENDAR =
            new ElectionCalendar(LocalDate.of(2026, 3, 15), ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-05 | wall.phase.BEFORE       | 10,15/03/2026
            2026-03-15 | wall.phase.ELECTION_DAY |
            2026-03-17 | wall.phase.AFTER        | 2,15/03/2026
            2026-05-14 | wall.phase.AFTER        | 60,15/03/2026
            2026-05-15 | wall.phase.NONE         | 15/03/2026
            2026-12-06 | wall.phase.NONE         | 15/03/2026
            """)
    void a_day_is_before_on_or_after_election_day_and_long_after_it_no_election_is_scheduled(
            LocalDate day, String key, String params) {
        ElectionCalendar.PhaseText text = CALENDAR.phaseText(day, DATE);
        assertThat(text.key()).isEqualTo(key);
        assertThat(text.params())
                .extracting(String::valueOf)
                .containsExactly(params == null ? new String[0] : params.split(","));
    }
}

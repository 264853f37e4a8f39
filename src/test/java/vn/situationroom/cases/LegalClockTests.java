package vn.situationroom.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegalClockTests {

    /** Tết 2026 (14 to 22 February) and 30 April, 1 May 2026, as the government gave them. */
    private static final WorkingDays DAYS = new WorkingDays(Set.of(
            LocalDate.of(2026, 2, 14),
            LocalDate.of(2026, 2, 15),
            LocalDate.of(2026, 2, 16),
            LocalDate.of(2026, 2, 17),
            LocalDate.of(2026, 2, 18),
            LocalDate.of(2026, 2, 19),
            LocalDate.of(2026, 2, 20),
            LocalDate.of(2026, 2, 21),
            LocalDate.of(2026, 2, 22),
            LocalDate.of(2026, 4, 30),
            LocalDate.of(2026, 5, 1)));

    private final LegalClock clock = new LegalClock(DAYS, 10, 3);

    @ParameterizedTest(name = "received {0}: accept by {1}")
    @CsvSource({
        // Counted from the next day: 10 days after Monday 2 March is Thursday 12 March.
        "2026-03-02, 2026-03-12",
        // Ends on Saturday 14 March: moves to Monday 16 March.
        "2026-03-04, 2026-03-16",
        // Ends in Tết (Tuesday 17 February): moves to the first working day after it, Monday 23 February.
        "2026-02-07, 2026-02-23",
        // Ends on 30 April: 1 May is a holiday and 2, 3 May a weekend, so Monday 4 May.
        "2026-04-20, 2026-05-04"
    })
    void a_complaint_is_accepted_or_refused_within_ten_days(LocalDate received, LocalDate due) {
        assertThat(clock.acceptBy(LegalClock.Kind.COMPLAINT, received)).isEqualTo(due);
    }

    @ParameterizedTest(name = "denunciation received {0}: accept by {1}")
    @CsvSource({
        // Seven working days after Monday 2 March: the 3rd to the 6th, then the 9th to the 11th.
        "2026-03-02, 2026-03-11",
        // Received on Saturday 7 March: the working days start on Monday 9 March; the 7th is the 17th.
        "2026-03-07, 2026-03-17",
        // Received Wednesday 11 February: the 12th, 13th, then after Tết the 23rd to the 27th.
        "2026-02-11, 2026-02-27",
        // Received Tuesday 28 April: the 29th, then 4 to 8 May (30 April, 1 May off), and 11 May.
        "2026-04-28, 2026-05-11"
    })
    void a_denunciation_is_accepted_or_refused_within_seven_working_days(LocalDate received, LocalDate due) {
        assertThat(clock.acceptBy(LegalClock.Kind.DENUNCIATION, received)).isEqualTo(due);
    }

    @ParameterizedTest(name = "{0} {2} accepted {1}, remote {3}, {4} extension(s): resolve by {5}")
    @CsvSource({
        "COMPLAINT,    2026-03-02, ORDINARY,           false, 0, 2026-04-01",
        "COMPLAINT,    2026-03-02, COMPLEX,            false, 0, 2026-04-16",
        "COMPLAINT,    2026-03-02, ORDINARY,           true,  0, 2026-04-16",
        // 60 days after 2 March is Friday 1 May, a holiday; then the weekend: Monday 4 May.
        "COMPLAINT,    2026-03-02, COMPLEX,            true,  0, 2026-05-04",
        "DENUNCIATION, 2026-03-02, ORDINARY,           false, 0, 2026-04-01",
        // One extension: 60 days, 1 May again, so Monday 4 May.
        "DENUNCIATION, 2026-03-02, COMPLEX,            false, 1, 2026-05-04",
        "DENUNCIATION, 2026-03-02, COMPLEX,            false, 0, 2026-04-01",
        // Two extensions: 90 days, Sunday 31 May, so Monday 1 June.
        "DENUNCIATION, 2026-03-02, ESPECIALLY_COMPLEX, false, 2, 2026-06-01"
    })
    void a_case_is_resolved_within_its_term(
            LegalClock.Kind kind,
            LocalDate accepted,
            LegalClock.Complexity complexity,
            boolean remote,
            int extensions,
            LocalDate due) {
        assertThat(clock.resolveBy(kind, accepted, complexity, remote, extensions))
                .isEqualTo(due);
    }

    @Test
    void an_extension_the_law_does_not_allow_is_refused_with_the_reason() {
        assertThatThrownBy(() -> clock.resolveBy(
                        LegalClock.Kind.DENUNCIATION,
                        LocalDate.of(2026, 3, 2),
                        LegalClock.Complexity.ORDINARY,
                        false,
                        1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a denunciation of complexity ORDINARY may be extended at most 0 time(s), not 1");
        assertThatThrownBy(() -> clock.resolveBy(
                        LegalClock.Kind.DENUNCIATION,
                        LocalDate.of(2026, 3, 2),
                        LegalClock.Complexity.COMPLEX,
                        false,
                        2))
                .hasMessage("a denunciation of complexity COMPLEX may be extended at most 1 time(s), not 2");
        assertThatThrownBy(() -> clock.resolveBy(
                        LegalClock.Kind.COMPLAINT, LocalDate.of(2026, 3, 2), LegalClock.Complexity.COMPLEX, false, 1))
                .hasMessage("a complaint's term is not extended: its complexity sets it");
    }

    @Test
    void the_parties_of_a_denunciation_are_told_within_five_working_days() {
        // Accepted Thursday 12 February: the working days after it are the 13th, then (after Tết) the 23rd to 26th.
        assertThat(clock.notifyBy(LocalDate.of(2026, 2, 12))).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(clock.notifyBy(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @ParameterizedTest(name = "deadline {0}, today {1}: {2}")
    @CsvSource({
        "2026-03-20, 2026-03-10, ON_TIME",
        "2026-03-20, 2026-03-17, DUE_SOON",
        "2026-03-20, 2026-03-20, DUE_SOON",
        "2026-03-20, 2026-03-21, OVERDUE"
    })
    void a_deadline_is_due_soon_three_days_before_and_overdue_the_day_after(
            LocalDate deadline, LocalDate today, LegalClock.Standing standing) {
        assertThat(clock.standing(deadline, today)).isEqualTo(standing);
    }
}

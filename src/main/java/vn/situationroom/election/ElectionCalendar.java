package vn.situationroom.election;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The election calendar ({@code situationroom.election.*}).
 *
 * @param day election day; the default is the election of the 16th National Assembly and People's Councils
 * @param zone the time zone in which the country's days begin and end
 * @param dutyDaysBefore the days before election day on which the district office must have an officer on duty
 * @param dutyDaysAfter the days after it on which it must too
 */
@ConfigurationProperties("situationroom.election")
public record ElectionCalendar(LocalDate day, ZoneId zone, Integer dutyDaysBefore, Integer dutyDaysAfter) {

    @ConstructorBinding
    public ElectionCalendar {
        day = day == null ? LocalDate.of(2026, 3, 15) : day;
        zone = zone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : zone;
        dutyDaysBefore = dutyDaysBefore == null ? 7 : dutyDaysBefore;
        dutyDaysAfter = dutyDaysAfter == null ? 2 : dutyDaysAfter;
        if (dutyDaysBefore < 0 || dutyDaysAfter < 0) {
            throw new IllegalArgumentException(
                    "situationroom.election.duty-days-before and duty-days-after must not be negative");
        }
    }

    /** A calendar with the default days of duty around election day. */
    public ElectionCalendar(LocalDate day, ZoneId zone) {
        this(day, zone, null, null);
    }

    /** Whether the district office must have an officer on duty on {@code date} (the days around election day). */
    public boolean isDutyDay(LocalDate date) {
        long until = daysUntilElection(date);
        return until <= dutyDaysBefore && -until <= dutyDaysAfter;
    }

    /** The phase of the election period a date falls in. */
    public enum Phase {
        BEFORE,
        ELECTION_DAY,
        AFTER
    }

    /** The phase of {@code date}. */
    public Phase phaseOf(LocalDate date) {
        int order = date.compareTo(day);
        return order < 0 ? Phase.BEFORE : order == 0 ? Phase.ELECTION_DAY : Phase.AFTER;
    }

    /**
     * How long after election day it is still the election's aftermath (complaints about the count, the duty days
     * after it); later than this, no election is scheduled until a new day is set.
     */
    public static final int AFTERMATH_DAYS = 60;

    /** What a screen says of where a date stands: an i18n key and its parameters. */
    public record PhaseText(String key, Object... params) {}

    /**
     * Where {@code date} stands, in words: the days until election day, election day, the days after it; or, long
     * after it, that no new election is scheduled (a wall that counted "266 days after the election" said nothing).
     * The days are formatted with {@code dates}.
     */
    public PhaseText phaseText(LocalDate date, DateTimeFormatter dates) {
        long days = daysUntilElection(date);
        String when = dates.format(day);
        return switch (phaseOf(date)) {
            case BEFORE -> new PhaseText("wall.phase.BEFORE", days, when);
            case ELECTION_DAY -> new PhaseText("wall.phase.ELECTION_DAY");
            case AFTER ->
                -days <= AFTERMATH_DAYS
                        ? new PhaseText("wall.phase.AFTER", -days, when)
                        : new PhaseText("wall.phase.NONE", when);
        };
    }

    /** Days from {@code date} to election day: positive before it, 0 on it, negative after it. */
    public long daysUntilElection(LocalDate date) {
        return ChronoUnit.DAYS.between(date, day);
    }
}

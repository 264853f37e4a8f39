package vn.situationroom.election;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The election calendar ({@code situationroom.election.*}).
 *
 * @param day election day; the default is the election of the 16th National Assembly and People's Councils
 * @param zone the time zone in which the country's days begin and end
 */
@ConfigurationProperties("situationroom.election")
public record ElectionCalendar(LocalDate day, ZoneId zone) {

    public ElectionCalendar {
        day = day == null ? LocalDate.of(2026, 3, 15) : day;
        zone = zone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : zone;
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

    /** Days from {@code date} to election day: positive before it, 0 on it, negative after it. */
    public long daysUntilElection(LocalDate date) {
        return ChronoUnit.DAYS.between(date, day);
    }
}

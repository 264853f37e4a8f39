package vn.situationroom.history;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** The bucket of a trend: an hour, a day, a week (from Monday) or a month, in the country's time zone. */
public enum Granularity {
    HOUR,
    DAY,
    WEEK,
    MONTH;

    /** The start of the bucket holding the start of {@code day}. */
    public ZonedDateTime bucketOf(LocalDate day, ZoneId zone) {
        return switch (this) {
            case HOUR, DAY -> day.atStartOfDay(zone);
            case WEEK ->
                day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
            case MONTH -> day.withDayOfMonth(1).atStartOfDay(zone);
        };
    }

    /** The start of the bucket after the one starting at {@code start}. */
    public ZonedDateTime next(ZonedDateTime start) {
        return switch (this) {
            case HOUR -> start.plusHours(1);
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}

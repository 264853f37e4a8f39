package vn.situationroom.cases;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * The country's working days: Monday to Friday except public holidays. A term counted in days that ends on a day off
 * ends instead at the end of the next working day (Civil Code 2015, art. 148.5).
 *
 * @param holidays the public holidays (and the days off the government moves around them); lunar ones change every
 *     year, so they come from configuration
 */
public record WorkingDays(Set<LocalDate> holidays) {

    public WorkingDays {
        holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** The last day of a term that would end on {@code day}: that day, or the next working day if it is a day off. */
    public LocalDate endOfTerm(LocalDate day) {
        LocalDate end = day;
        while (!isWorkingDay(end)) {
            end = end.plusDays(1);
        }
        return end;
    }

    /** The day {@code count} working days after {@code day} (the day itself not counted). */
    public LocalDate plusWorkingDays(LocalDate day, int count) {
        LocalDate end = day;
        for (int left = count; left > 0; ) {
            end = end.plusDays(1);
            if (isWorkingDay(end)) {
                left--;
            }
        }
        return end;
    }
}

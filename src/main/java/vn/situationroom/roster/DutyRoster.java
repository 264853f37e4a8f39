package vn.situationroom.roster;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.region.Region;
import vn.situationroom.security.Callers;
import vn.situationroom.security.Roles;

/** The roster's shifts in PostgreSQL: added and removed by the office, read by the screens. */
@Service
public class DutyRoster {

    /** The longest officer's name or phone kept. */
    static final int MAX_TEXT = 200;

    /**
     * One officer's shift.
     *
     * @param id the shift's id (0 before it is stored)
     * @param day the day, in the country's calendar
     * @param starts the local time it starts
     * @param ends the local time it ends: on the same day when after {@code starts}, otherwise on the next day (a
     *     night shift, 22:00–06:00)
     * @param point where the officer is on duty
     * @param officer the officer's name and title
     * @param phone how to reach the officer, if given
     * @param unitCode the unit the officer serves (a province, a former district, a commune of the region), or null
     *     for the whole region
     */
    public record Shift(
            long id,
            LocalDate day,
            LocalTime starts,
            LocalTime ends,
            ReceptionPoint point,
            String officer,
            String phone,
            String unitCode) {

        /** Whether it runs past midnight into the next day. */
        public boolean overnight() {
            return !ends.isAfter(starts);
        }

        /** Whether the officer is on duty at a local time. */
        boolean covers(LocalDateTime at) {
            LocalDateTime from = day.atTime(starts);
            LocalDateTime to = overnight() ? day.plusDays(1).atTime(ends) : day.atTime(ends);
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    private final JdbcClient jdbc;
    private final Region region;

    DutyRoster(JdbcClient jdbc, Region region) {
        this.jdbc = jdbc;
        this.region = region;
    }

    /**
     * Adds a shift.
     *
     * @return the problems that keep it out, each naming the field (empty when it was stored)
     */
    public List<String> add(Shift shift) {
        Callers.requireRoleOrApp("change the duty roster", Roles.OFFICE);
        List<String> problems = new ArrayList<>();
        if (shift.day() == null) {
            problems.add("day");
        }
        if (shift.starts() == null || shift.ends() == null || shift.ends().equals(shift.starts())) {
            problems.add("ends");
        }
        if (shift.point() == null) {
            problems.add("point");
        }
        if (shift.officer() == null
                || shift.officer().isBlank()
                || shift.officer().length() > MAX_TEXT) {
            problems.add("officer");
        }
        if (shift.phone() != null && shift.phone().length() > MAX_TEXT) {
            problems.add("phone");
        }
        String unit = shift.unitCode() == null || shift.unitCode().isBlank()
                ? null
                : shift.unitCode().strip();
        if (unit != null && region.unit(unit).isEmpty()) {
            problems.add("unit");
        }
        if (problems.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO duty_shift (day, starts, ends, reception_point, officer, phone, unit_code)
                    VALUES (:day, :starts, :ends, :point, :officer, :phone, :unit)""")
                    .param("day", shift.day())
                    .param("starts", shift.starts())
                    .param("ends", shift.ends())
                    .param("point", shift.point().name())
                    .param("officer", shift.officer().strip())
                    .param(
                            "phone",
                            shift.phone() == null || shift.phone().isBlank()
                                    ? null
                                    : shift.phone().strip())
                    .param("unit", unit)
                    .update();
        }
        return problems;
    }

    /** Removes a shift; true if there was one. */
    public boolean remove(long id) {
        Callers.requireRoleOrApp("change the duty roster", Roles.OFFICE);
        return jdbc.sql("DELETE FROM duty_shift WHERE shift_id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The shifts of the days {@code from} to {@code to}, in order. */
    public List<Shift> between(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT shift_id, day, starts, ends, reception_point, officer, phone, unit_code FROM duty_shift
                WHERE day BETWEEN :from AND :to ORDER BY day, starts, reception_point, officer""")
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> new Shift(
                        rs.getLong("shift_id"),
                        rs.getObject("day", LocalDate.class),
                        rs.getObject("starts", LocalTime.class),
                        rs.getObject("ends", LocalTime.class),
                        ReceptionPoint.valueOf(rs.getString("reception_point")),
                        rs.getString("officer"),
                        rs.getString("phone"),
                        rs.getString("unit_code")))
                .list();
    }

    /** Who is on duty at a local time, a night shift of the day before included. */
    public List<Shift> onDutyAt(LocalDateTime at) {
        return between(at.toLocalDate().minusDays(1), at.toLocalDate()).stream()
                .filter(s -> s.covers(at))
                .toList();
    }

    /**
     * Who is on duty at a local time for a unit's screen: the officers of the whole region, of the unit, of the units
     * above it and of those below it (a province's wall shows its office and its communes' officers, not another
     * province's). For the whole region (a null unit), every shift.
     */
    public List<Shift> onDutyAt(LocalDateTime at, String unitCode) {
        return onDutyAt(at).stream()
                .filter(s -> unitCode == null || servesWholeRegion(s) || region.nested(unitCode, s.unitCode()))
                .toList();
    }

    /** The officers on duty at a local time who serve a commune: those of the whole region and of the units holding it. */
    public List<Shift> servingAt(LocalDateTime at, String communeCode) {
        return onDutyAt(at).stream()
                .filter(s -> servesWholeRegion(s) || region.holds(s.unitCode(), communeCode))
                .toList();
    }

    /**
     * Whether a shift counts for the whole region: it names no unit, or one the region no longer has (its file was
     * replaced); such an officer is rather told of too much than of nothing.
     */
    private boolean servesWholeRegion(Shift shift) {
        return shift.unitCode() == null || region.unit(shift.unitCode()).isEmpty();
    }
}

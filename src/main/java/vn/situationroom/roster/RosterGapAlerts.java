package vn.situationroom.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.situationroom.alerts.StandingAlerts;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.hotspot.AlertCommand;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.intake.ReceptionPoint;

/**
 * The roster-gap alert: a day of the election period (the duty days around election day) without any shift at the
 * district office raises a WATCH alert about the district from the day before, and it ends once a shift is added or
 * the day is over.
 */
@Component
public class RosterGapAlerts implements StandingAlerts.Check {

    private final DutyRoster roster;
    private final StandingAlerts standing;
    private final ElectionCalendar calendar;
    private final Clock clock;

    RosterGapAlerts(DutyRoster roster, StandingAlerts standing, ElectionCalendar calendar, Clock clock) {
        this.roster = roster;
        this.standing = standing;
        this.calendar = calendar;
        this.clock = clock.withZone(calendar.zone());
    }

    /** Checks today and tomorrow (in the clock's zone) for a duty day without a shift at the district office. */
    @Override
    public StandingAlerts.Outcome check() {
        LocalDate today = LocalDate.now(clock);
        List<StandingAlerts.Condition> found = new ArrayList<>();
        for (LocalDate day = today; !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
            if (calendar.isDutyDay(day)
                    && roster.between(day, day).stream()
                            .noneMatch(shift -> shift.point() == ReceptionPoint.DISTRICT_OFFICE)) {
                found.add(new StandingAlerts.Condition(
                        StandingAlerts.idOf(AlertRule.ROSTER_GAP, day),
                        AlertCommand.DISTRICT,
                        AlertRule.ROSTER_GAP,
                        HotspotLevel.WATCH,
                        new Reason(
                                AlertRule.ROSTER_GAP.name(),
                                HotspotLevel.WATCH,
                                (double) calendar.daysUntilElection(day),
                                null,
                                null,
                                null,
                                null,
                                null,
                                day)));
            }
        }
        return standing.sync(Set.of(AlertRule.ROSTER_GAP), List.of(), found, clock.instant());
    }
}

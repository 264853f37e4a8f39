package vn.situationroom.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.situationroom.alerts.StandingAlerts;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.Reason;

/**
 * The alerts of the cases' deadlines: a case whose next deadline is days away raises CASE_DUE_SOON, one whose
 * deadline has passed CASE_OVERDUE, each once for that deadline; the alert ends by itself once the case takes the
 * step (accepted, resolved). Both are WATCH: a late case is a reason to look at a commune, not a crowd at its door.
 */
@Component
public class DeadlineAlerts implements StandingAlerts.Check {

    static final Set<AlertRule> RULES = Set.of(AlertRule.CASE_DUE_SOON, AlertRule.CASE_OVERDUE);

    private final Cases cases;
    private final StandingAlerts standing;
    private final Clock clock;

    @Autowired
    DeadlineAlerts(Cases cases, StandingAlerts standing, ElectionCalendar calendar, Clock clock) {
        this(cases, standing, clock.withZone(calendar.zone()));
    }

    DeadlineAlerts(Cases cases, StandingAlerts standing, Clock clock) {
        this.cases = cases;
        this.standing = standing;
        this.clock = clock;
    }

    /** Checks every open case's next deadline today (in the clock's zone) and raises or ends their alerts. */
    @Override
    public StandingAlerts.Outcome check() {
        return check(List.of());
    }

    /** Checks the cases of some communes only (all when empty). */
    StandingAlerts.Outcome check(List<String> communes) {
        LocalDate today = LocalDate.now(clock);
        List<StandingAlerts.Condition> found = cases.open(communes, today).stream()
                .filter(c ->
                        c.standing() == LegalClock.Standing.DUE_SOON || c.standing() == LegalClock.Standing.OVERDUE)
                .map(c -> condition(c, today))
                .toList();
        return standing.sync(RULES, communes, found, clock.instant());
    }

    private static StandingAlerts.Condition condition(Cases.CaseSummary summary, LocalDate today) {
        AlertRule rule =
                summary.standing() == LegalClock.Standing.OVERDUE ? AlertRule.CASE_OVERDUE : AlertRule.CASE_DUE_SOON;
        // Days late for an overdue case, days left for one due soon.
        double days = Math.abs(ChronoUnit.DAYS.between(summary.deadline(), today));
        Reason reason = new Reason(
                rule.name(),
                HotspotLevel.WATCH,
                days,
                null,
                null,
                null,
                summary.caseRef(),
                summary.next().name(),
                summary.deadline());
        return new StandingAlerts.Condition(
                StandingAlerts.idOf(rule, summary.caseRef(), summary.next(), summary.deadline()),
                summary.communeCode(),
                rule,
                HotspotLevel.WATCH,
                reason);
    }
}

package vn.situationroom.hotspot;

import java.util.ArrayList;
import java.util.List;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.intake.ReceptionEvent;

/** The rules that turn one event into alerts; pure, so each rule is tested on its own. */
final class Rules {

    private final DetectorSettings settings;
    private final ElectionCalendar calendar;

    Rules(DetectorSettings settings, ElectionCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    /** Whether the event is a crowd: a visit or a gathering of at least the crowd threshold. */
    boolean isCrowd(ReceptionEvent event) {
        return (event.type() == EventType.VISIT || event.type() == EventType.INCIDENT)
                && event.headcount() >= settings.crowdThreshold();
    }

    /** Whether the event counts as a visit of its case for the repeat rule (a case update is not a citizen coming). */
    static boolean isCaseVisit(ReceptionEvent event) {
        return event.caseRef() != null && event.type() != EventType.CASE_UPDATE;
    }

    /**
     * The triggers of one event.
     *
     * @param caseVisits the visits of the event's case within the repeat span, this one included
     */
    List<Trigger> evaluate(ReceptionEvent event, int caseVisits) {
        List<Trigger> triggers = new ArrayList<>();
        int threshold = settings.crowdThreshold();
        if (isCrowd(event)) {
            boolean critical = event.headcount() >= 2 * threshold;
            triggers.add(trigger(
                    AlertRule.CROWD,
                    critical ? HotspotLevel.CRITICAL : HotspotLevel.WARNING,
                    event.headcount(),
                    critical ? 2 * threshold : threshold));
        }
        if (event.type() == EventType.INCIDENT) {
            triggers.add(trigger(AlertRule.INCIDENT, HotspotLevel.CRITICAL, event.headcount(), null));
        }
        if (event.content() == Content.DENUNCIATION
                && (event.candidateRelated() || event.field() == Field.ELECTION_CANDIDATE)) {
            long days = calendar.daysUntilElection(
                    event.occurredAt().atZoneSameInstant(calendar.zone()).toLocalDate());
            boolean close = days >= 0 && days <= settings.candidateCriticalDays();
            triggers.add(trigger(
                    AlertRule.CANDIDATE, close ? HotspotLevel.CRITICAL : HotspotLevel.WARNING, (double) days, (double)
                            settings.candidateCriticalDays()));
        }
        if (event.type() == EventType.ESCALATION && event.destination() != null) {
            triggers.add(trigger(
                    AlertRule.ESCALATION,
                    event.destination().isCentral() ? HotspotLevel.CRITICAL : HotspotLevel.WARNING,
                    event.headcount(),
                    null));
        }
        if (isCaseVisit(event) && caseVisits >= settings.repeatCount()) {
            triggers.add(trigger(AlertRule.REPEAT, HotspotLevel.WATCH, caseVisits, settings.repeatCount()));
        }
        return triggers;
    }

    private static Trigger trigger(AlertRule rule, HotspotLevel severity, double observed, Number threshold) {
        return new Trigger(
                rule,
                severity,
                new Reason(
                        rule.name(),
                        severity,
                        observed,
                        null,
                        threshold == null ? null : threshold.doubleValue(),
                        null));
    }
}

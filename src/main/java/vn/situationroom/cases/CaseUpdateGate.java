package vn.situationroom.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.intake.CaseUpdateRules;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.Violation;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Scopes;
import vn.situationroom.security.Viewer;

/**
 * A case update through any channel keeps the rules of the cases screen ({@link CaseSteps}): it is recorded by the
 * district office or a commune's officer (a machine client needs the {@code cases:write} scope), for a case that is
 * known, in the law's order; and it is audited with who recorded it. So an overdue denunciation cannot be made to
 * disappear from the wall, the alerts and the report by a reception officer, an {@code events:write} token or another
 * commune's officer.
 */
@Component
class CaseUpdateGate implements CaseUpdateRules {

    private final Cases cases;
    private final CaseSteps steps;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;

    @Autowired
    CaseUpdateGate(Cases cases, CaseSteps steps, AuditLog audit, ElectionCalendar calendar, Clock clock) {
        this.cases = cases;
        this.steps = steps;
        this.audit = audit;
        this.zone = calendar.zone();
        this.clock = clock.withZone(zone);
    }

    @Override
    public Map<Integer, Violation> refusals(List<ReceptionEvent> offered) {
        Viewer viewer = Viewer.current();
        boolean mayRecord = viewer.hasAny(Roles.OFFICE, Roles.COMMUNE)
                || viewer.roles().contains(Scopes.authority(Scopes.CASES_WRITE));
        LocalDate today = LocalDate.now(clock);
        Map<String, Optional<CaseSteps.Standing>> standings = new HashMap<>();
        Map<String, CaseSteps.Standing> openedHere = new HashMap<>();
        Map<Integer, Violation> refused = new LinkedHashMap<>();
        for (int i = 0; i < offered.size(); i++) {
            ReceptionEvent event = offered.get(i);
            String caseRef = event.caseRef();
            if (caseRef == null) {
                continue;
            }
            LocalDate day = event.occurredAt().atZoneSameInstant(zone).toLocalDate();
            if (event.type() != EventType.CASE_UPDATE) {
                // A citizen's visit or petition of the offer opens the case, if the history does not know it yet.
                if (event.type() == EventType.VISIT || event.type() == EventType.PETITION) {
                    openedHere.putIfAbsent(
                            caseRef, CaseSteps.Standing.opened(event.communeCode(), kindOf(event.content()), day));
                }
                continue;
            }
            if (!mayRecord) {
                refused.put(
                        i,
                        new Violation(
                                "type",
                                "case-step-not-allowed",
                                "only the district office and the communes' officers (or a token with the cases:write"
                                        + " scope) record a case's steps"));
                continue;
            }
            Optional<CaseSteps.Standing> standing = standings.computeIfAbsent(
                    caseRef, ref -> stored(ref).or(() -> Optional.ofNullable(openedHere.get(ref))));
            String note = event.summary() == null ? "" : event.summary().strip();
            CaseSteps.Problem problem = standing.isEmpty()
                    ? CaseSteps.Problem.UNKNOWN_CASE
                    : CaseSteps.problem(standing.get(), event.status(), day, today, note);
            if (problem == null && !standing.get().communeCode().equals(event.communeCode())) {
                problem = CaseSteps.Problem.UNKNOWN_CASE;
            }
            if (problem != null) {
                refused.put(i, violation(problem));
                continue;
            }
            standings.put(caseRef, Optional.of(standing.get().after(event.status(), day, event.complex())));
        }
        return refused;
    }

    @Override
    public void written(List<ReceptionEvent> updates) {
        for (ReceptionEvent update : updates) {
            LocalDate day = update.occurredAt().atZoneSameInstant(zone).toLocalDate();
            String note = update.summary() == null ? "" : update.summary().strip();
            audit.record(
                    AuditLog.Action.CASE_STEP,
                    update.caseRef(),
                    update.status() + " " + day + (note.isEmpty() ? "" : ": " + note));
        }
    }

    /** Where a stored case stands, if the viewer may see it. */
    private Optional<CaseSteps.Standing> stored(String caseRef) {
        return cases.one(caseRef, LocalDate.now(clock))
                .map(summary -> CaseSteps.Standing.of(summary, steps.lastStep(caseRef)));
    }

    private static LegalClock.Kind kindOf(Content content) {
        return content == Content.COMPLAINT
                ? LegalClock.Kind.COMPLAINT
                : content == Content.DENUNCIATION ? LegalClock.Kind.DENUNCIATION : null;
    }

    /** The problem as intake names it: {@code case-step-not-accepted} and so on, with the cases screen's words. */
    static Violation violation(CaseSteps.Problem problem) {
        String code = "case-step-" + problem.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String field = switch (problem) {
            case UNKNOWN_CASE -> "caseRef";
            case REASON_REQUIRED, NOTE_TOO_LONG -> "summary";
            case DAY_IN_FUTURE, DAY_BEFORE_RECEIPT, DAY_BEFORE_LAST_STEP -> "occurredAt";
            default -> "status";
        };
        return new Violation(field, code, MESSAGES.get(problem));
    }

    private static final Map<CaseSteps.Problem, String> MESSAGES = Map.ofEntries(
            Map.entry(
                    CaseSteps.Problem.UNKNOWN_CASE,
                    "no such case is known (yet), or it is outside your commune: record"
                            + " its first visit or petition first"),
            Map.entry(CaseSteps.Problem.CLOSED, "the case has ended; this step cannot be recorded"),
            Map.entry(CaseSteps.Problem.NOT_ACCEPTED, "the case is not accepted yet: record its acceptance first"),
            Map.entry(CaseSteps.Problem.ALREADY_ACCEPTED, "the case was accepted (or refused) already"),
            Map.entry(CaseSteps.Problem.NOT_A_DENUNCIATION, "only a denunciation's term is extended"),
            Map.entry(CaseSteps.Problem.NOT_COMPLEX, "only a case accepted as complex may be extended"),
            Map.entry(CaseSteps.Problem.NO_MORE_EXTENSIONS, "a denunciation is extended twice at most"),
            Map.entry(CaseSteps.Problem.NOT_RESOLVED, "the case has no resolution yet"),
            Map.entry(CaseSteps.Problem.REASON_REQUIRED, "a refusal or an extension needs its reason in summary"),
            Map.entry(CaseSteps.Problem.NOTE_TOO_LONG, "summary is longer than 2000 characters"),
            Map.entry(CaseSteps.Problem.DAY_IN_FUTURE, "the step's day cannot be after today"),
            Map.entry(CaseSteps.Problem.DAY_BEFORE_RECEIPT, "the step's day cannot be before the case was received"),
            Map.entry(
                    CaseSteps.Problem.DAY_BEFORE_LAST_STEP, "the step's day cannot be before the case's latest step"));
}

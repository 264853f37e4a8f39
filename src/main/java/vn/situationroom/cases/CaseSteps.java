package vn.situationroom.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.intake.CaseStatus;
import vn.situationroom.intake.EventCheck;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.IntakeService;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Viewer;

/**
 * The office records a case's steps by hand: accepted (complex or not) or refused, in progress, a dialogue, a
 * denunciation's term extended with its reason, resolved, the decision in force. Each step is checked against where
 * the case stands and the law's order, then written as a case update through intake, like every other fact, and
 * audited with who recorded it.
 */
@Service
public class CaseSteps {

    /** The longest reason or note kept with a step. */
    public static final int MAX_NOTE = 2000;

    /** Why a step cannot be recorded; each has its words in the bundles ({@code cases.steps.problem.*}). */
    public enum Problem {
        UNKNOWN_CASE,
        CLOSED,
        NOT_ACCEPTED,
        ALREADY_ACCEPTED,
        NOT_A_DENUNCIATION,
        NOT_COMPLEX,
        NO_MORE_EXTENSIONS,
        NOT_RESOLVED,
        REASON_REQUIRED,
        NOTE_TOO_LONG,
        DAY_IN_FUTURE,
        DAY_BEFORE_RECEIPT,
        DAY_BEFORE_LAST_STEP
    }

    /** What became of a step. */
    public sealed interface Outcome {}

    /** Written, as the case update with this id. */
    public record Recorded(UUID eventId) implements Outcome {}

    /** Refused, for this reason; nothing was written. */
    public record Refused(Problem problem) implements Outcome {}

    private final Cases cases;
    private final IntakeService intake;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;

    @Autowired
    CaseSteps(Cases cases, IntakeService intake, AuditLog audit, ElectionCalendar calendar) {
        this(cases, intake, audit, calendar.zone(), Clock.system(calendar.zone()));
    }

    CaseSteps(Cases cases, IntakeService intake, AuditLog audit, ZoneId zone, Clock clock) {
        this.cases = cases;
        this.intake = intake;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * Records a step of a case on a day.
     *
     * @param complex for an acceptance: whether the case was found complex (longer terms, an extension allowed)
     * @param note the reason of a refusal or an extension (required), or what was done
     * @throws AccessDeniedException for anyone but the district office and the communes' officers
     */
    public Outcome record(String caseRef, CaseStatus status, LocalDate day, boolean complex, String note) {
        if (!Viewer.current().hasAny(Roles.OFFICE, Roles.COMMUNE)) {
            throw new AccessDeniedException("Only the district office and the communes record a case's steps");
        }
        LocalDate today = LocalDate.now(clock);
        Cases.CaseSummary summary = cases.one(caseRef, today).orElse(null);
        String text = note == null ? "" : note.strip();
        Problem problem = summary == null ? Problem.UNKNOWN_CASE : problem(summary, status, day, today, text);
        if (problem == null && day.isBefore(lastStep(caseRef))) {
            // Steps keep their order: the case's standing is read from its latest step.
            problem = Problem.DAY_BEFORE_LAST_STEP;
        }
        if (problem != null) {
            return new Refused(problem);
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        UUID eventId = UUID.randomUUID();
        event.put("eventId", eventId.toString());
        OffsetDateTime at = day.equals(today)
                ? OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)
                : day.atTime(12, 0).atZone(zone).toOffsetDateTime();
        event.put("occurredAt", at.toString());
        event.put("communeCode", summary.communeCode());
        // Recorded where the one who handles it works: the district's office, or the commune's.
        event.put(
                "receptionPoint",
                (Viewer.current().limitedToCommune() ? ReceptionPoint.COMMUNE_OFFICE : ReceptionPoint.DISTRICT_OFFICE)
                        .name());
        event.put("type", EventType.CASE_UPDATE.name());
        event.put("caseRef", caseRef);
        event.put("status", status.name());
        if (status == CaseStatus.ACCEPTED && complex) {
            event.put("complex", true);
        }
        if (!text.isEmpty()) {
            event.put("summary", text);
        }
        if (!(intake.check(event) instanceof EventCheck.Valid valid)) {
            throw new IllegalStateException("a case update built here did not pass intake's check: " + event);
        }
        intake.submit(List.of(valid));
        audit.record(AuditLog.Action.CASE_STEP, caseRef, status + " " + day + (text.isEmpty() ? "" : ": " + text));
        return new Recorded(eventId);
    }

    /** The day of the case's latest recorded step; the first day there is when it has none. */
    private LocalDate lastStep(String caseRef) {
        return cases.timeline(caseRef).stream()
                .filter(e -> e.status() != null)
                .map(e -> e.at().atZoneSameInstant(zone).toLocalDate())
                .max(LocalDate::compareTo)
                .orElse(LocalDate.MIN);
    }

    private static Problem problem(
            Cases.CaseSummary summary, CaseStatus status, LocalDate day, LocalDate today, String note) {
        if (day.isAfter(today)) {
            return Problem.DAY_IN_FUTURE;
        }
        if (day.isBefore(summary.received())) {
            return Problem.DAY_BEFORE_RECEIPT;
        }
        if (note.length() > MAX_NOTE) {
            return Problem.NOTE_TOO_LONG;
        }
        if (summary.finished() || summary.closed() && status != CaseStatus.DECISION_IN_FORCE) {
            return Problem.CLOSED;
        }
        // Recommendations and reflections run no legal clock: they need no acceptance before the other steps.
        boolean accepted = summary.accepted() != null || summary.kind() == null;
        return switch (status) {
            case ACCEPTED -> summary.accepted() != null ? Problem.ALREADY_ACCEPTED : null;
            case REJECTED ->
                summary.accepted() != null ? Problem.ALREADY_ACCEPTED : note.isEmpty() ? Problem.REASON_REQUIRED : null;
            case IN_PROGRESS, DIALOGUE, RESOLVED -> accepted ? null : Problem.NOT_ACCEPTED;
            case EXTENDED ->
                summary.kind() != LegalClock.Kind.DENUNCIATION
                        ? Problem.NOT_A_DENUNCIATION
                        : summary.accepted() == null
                                ? Problem.NOT_ACCEPTED
                                : !summary.complex()
                                        ? Problem.NOT_COMPLEX
                                        : summary.extensions() >= 2
                                                ? Problem.NO_MORE_EXTENSIONS
                                                : note.isEmpty() ? Problem.REASON_REQUIRED : null;
            case DECISION_IN_FORCE -> summary.closed() ? null : Problem.NOT_RESOLVED;
        };
    }
}

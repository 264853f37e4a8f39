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
    private final ZoneId zone;
    private final Clock clock;

    @Autowired
    CaseSteps(Cases cases, IntakeService intake, ElectionCalendar calendar, Clock clock) {
        this(cases, intake, calendar.zone(), clock.withZone(calendar.zone()));
    }

    CaseSteps(Cases cases, IntakeService intake, ZoneId zone, Clock clock) {
        this.cases = cases;
        this.intake = intake;
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
        Problem problem = summary == null
                ? Problem.UNKNOWN_CASE
                : problem(Standing.of(summary, lastStep(caseRef)), status, day, today, text);
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
        // Intake audits it, as it does a case update of any channel (CaseUpdateGate).
        intake.submit(List.of(valid));
        return new Recorded(eventId);
    }

    /** The day of the case's latest recorded step; the first day there is when it has none. */
    LocalDate lastStep(String caseRef) {
        return cases.timeline(caseRef).stream()
                .filter(e -> e.status() != null)
                .map(e -> e.at().atZoneSameInstant(zone).toLocalDate())
                .max(LocalDate::compareTo)
                .orElse(LocalDate.MIN);
    }

    /**
     * Where a case stands, as far as its next step is concerned: from the history, or as an offer's earlier events
     * leave it ({@link #after}).
     *
     * @param kind its legal kind; null where no legal clock applies (recommendations, reflections)
     * @param lastStep the day of its latest step; {@link LocalDate#MIN} while it has none
     */
    record Standing(
            String communeCode,
            LegalClock.Kind kind,
            LocalDate received,
            LocalDate accepted,
            boolean complex,
            int extensions,
            boolean closed,
            boolean finished,
            LocalDate lastStep) {

        static Standing of(Cases.CaseSummary summary, LocalDate lastStep) {
            return new Standing(
                    summary.communeCode(),
                    summary.kind(),
                    summary.received(),
                    summary.accepted(),
                    summary.complex(),
                    summary.extensions(),
                    summary.closed(),
                    summary.finished(),
                    lastStep);
        }

        /** A case opened by a citizen's visit or petition on a day. */
        static Standing opened(String communeCode, LegalClock.Kind kind, LocalDate received) {
            return new Standing(communeCode, kind, received, null, false, 0, false, false, LocalDate.MIN);
        }

        /** Where the case stands once a step of a day is recorded. */
        Standing after(CaseStatus status, LocalDate day, boolean complexFound) {
            LocalDate last = day.isAfter(lastStep) ? day : lastStep;
            return switch (status) {
                case ACCEPTED ->
                    new Standing(communeCode, kind, received, day, complexFound, extensions, closed, finished, last);
                case EXTENDED ->
                    new Standing(
                            communeCode, kind, received, accepted, complex, extensions + 1, closed, finished, last);
                case RESOLVED ->
                    new Standing(communeCode, kind, received, accepted, complex, extensions, true, false, last);
                case REJECTED, DECISION_IN_FORCE ->
                    new Standing(communeCode, kind, received, accepted, complex, extensions, true, true, last);
                case IN_PROGRESS, DIALOGUE ->
                    new Standing(communeCode, kind, received, accepted, complex, extensions, closed, finished, last);
            };
        }
    }

    /** Why a step may not be recorded where the case stands, or null when it may. */
    static Problem problem(Standing standing, CaseStatus status, LocalDate day, LocalDate today, String note) {
        if (day.isAfter(today)) {
            return Problem.DAY_IN_FUTURE;
        }
        if (day.isBefore(standing.received())) {
            return Problem.DAY_BEFORE_RECEIPT;
        }
        if (note.length() > MAX_NOTE) {
            return Problem.NOTE_TOO_LONG;
        }
        if (standing.finished() || standing.closed() && status != CaseStatus.DECISION_IN_FORCE) {
            return Problem.CLOSED;
        }
        // Recommendations and reflections run no legal clock: they need no acceptance before the other steps.
        boolean accepted = standing.accepted() != null || standing.kind() == null;
        Problem problem = switch (status) {
            case ACCEPTED -> standing.accepted() != null ? Problem.ALREADY_ACCEPTED : null;
            case REJECTED ->
                standing.accepted() != null
                        ? Problem.ALREADY_ACCEPTED
                        : note.isEmpty() ? Problem.REASON_REQUIRED : null;
            case IN_PROGRESS, DIALOGUE, RESOLVED -> accepted ? null : Problem.NOT_ACCEPTED;
            case EXTENDED ->
                standing.kind() != LegalClock.Kind.DENUNCIATION
                        ? Problem.NOT_A_DENUNCIATION
                        : standing.accepted() == null
                                ? Problem.NOT_ACCEPTED
                                : !standing.complex()
                                        ? Problem.NOT_COMPLEX
                                        : standing.extensions() >= 2
                                                ? Problem.NO_MORE_EXTENSIONS
                                                : note.isEmpty() ? Problem.REASON_REQUIRED : null;
            case DECISION_IN_FORCE -> standing.closed() ? null : Problem.NOT_RESOLVED;
        };
        // Steps keep their order: the case's standing is read from its latest step.
        return problem == null && day.isBefore(standing.lastStep()) ? Problem.DAY_BEFORE_LAST_STEP : problem;
    }
}

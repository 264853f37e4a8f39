package vn.situationroom.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.intake.CaseStatus;
import vn.situationroom.security.Viewer;

/**
 * The cases (vụ việc) as their events tell them: every event with the same {@code caseRef} belongs to one case; its
 * first visit or petition is its receipt, a case update ACCEPTED its acceptance, RESOLVED or DECISION_IN_FORCE its
 * resolution. Each open case's next legal deadline comes from the {@link LegalClock}.
 */
@Service
public class Cases {

    /** The most cases listed at once. */
    public static final int MAX = 2000;

    /** The updates that end a case: resolved, its decision in force, or acceptance refused. */
    private static final String CLOSING = "('RESOLVED', 'DECISION_IN_FORCE', 'REJECTED')";

    private static final String CASES = """
            SELECT case_ref,
                   (array_agg(commune_code ORDER BY occurred_at))[1] AS commune_code,
                   (array_agg(content ORDER BY occurred_at) FILTER (WHERE content IS NOT NULL))[1] AS content,
                   (array_agg(field ORDER BY occurred_at) FILTER (WHERE field IS NOT NULL))[1] AS field,
                   coalesce(min(occurred_at) FILTER (WHERE contact), min(occurred_at))
                       AS received_at,
                   min(occurred_at) FILTER (WHERE status = 'ACCEPTED') AS accepted_at,
                   min(occurred_at) FILTER (WHERE status IN CLOSING) AS resolved_at,
                   (array_agg(status ORDER BY occurred_at DESC) FILTER (WHERE status IS NOT NULL))[1] AS status,
                   bool_or(complex) AS complex,
                   count(*) FILTER (WHERE status = 'EXTENDED') AS extensions,
                   count(*) FILTER (WHERE contact) AS contacts,
                   max(occurred_at) AS last_event_at,
                   (SELECT agency FROM case_agency a WHERE a.case_ref = case_event.case_ref) AS agency
            FROM case_event
            WHERE true %s
            GROUP BY case_ref
            -- Active since the day, or a complaint or denunciation still open, however long it has been quiet:
            -- those are the ones that fall overdue. The open ones come first, so that the limit never drops them.
            HAVING max(occurred_at) >= :since
                OR (count(*) FILTER (WHERE status IN CLOSING) = 0
                    AND bool_or(content IN ('COMPLAINT', 'DENUNCIATION')))
            ORDER BY count(*) FILTER (WHERE status IN CLOSING) > 0, max(occurred_at) DESC
            LIMIT :limit
            """.replace("CLOSING", CLOSING);

    private static final String TIMELINE = """
            SELECT event_id, occurred_at, type, status, summary, headcount, complex FROM case_event
            WHERE case_ref = :caseRef %s ORDER BY occurred_at, recorded_at""";

    /** The deadline a case waits for next. */
    public enum Step {
        ACCEPT,
        RESOLVE
    }

    /**
     * A case with its dates and its next deadline.
     *
     * @param kind its legal kind, from its content; null where no legal clock applies (recommendations, reflections)
     * @param resolved the day it ended: resolved, or acceptance refused ({@code status} REJECTED)
     * @param extensions how many times a denunciation's term was extended (at most two count)
     * @param complexity how complex it was found: flagged complex, or extended twice (especially complex)
     * @param agency the agency the office gave it to ({@link CaseAgencies}): a department's name, or
     *     {@code commune:<code>}; null until then
     * @param next what it waits for next; null once resolved or where no clock applies
     * @param deadline the last day for {@code next}
     * @param standing how {@code deadline} stands today
     */
    public record CaseSummary(
            String caseRef,
            String communeCode,
            LegalClock.Kind kind,
            String content,
            String field,
            LocalDate received,
            LocalDate accepted,
            LocalDate resolved,
            String status,
            boolean complex,
            int extensions,
            LegalClock.Complexity complexity,
            String agency,
            long contacts,
            Instant lastEventAt,
            Step next,
            LocalDate deadline,
            LegalClock.Standing standing) {

        /** Whether it has ended: resolved, its decision in force, or acceptance refused. */
        public boolean closed() {
            return resolved != null;
        }

        /** Whether accepting it was refused. */
        public boolean rejected() {
            return CaseStatus.REJECTED.name().equals(status);
        }

        /** Whether no step follows any more: refused, or its decision in force. */
        public boolean finished() {
            return rejected() || CaseStatus.DECISION_IN_FORCE.name().equals(status);
        }
    }

    /**
     * One of a case's deadlines.
     *
     * @param step what must be done by then
     * @param due the last day
     * @param done the day it was done; null while it is not
     * @param standing how it stands today; null once done
     */
    public record Deadline(Step step, LocalDate due, LocalDate done, LegalClock.Standing standing) {}

    /**
     * One event of a case, as its timeline shows it.
     *
     * @param status the status a case update reported; null for visits and petitions
     * @param summary what was said: the content of a visit, the reason of an extension or refusal
     */
    public record TimelineEntry(
            UUID eventId,
            OffsetDateTime at,
            String type,
            String status,
            String summary,
            int headcount,
            boolean complex) {}

    private final JdbcClient jdbc;
    private final CasesProperties settings;
    private final LegalClock clock;
    private final java.time.Clock appClock;
    private final ZoneId zone;

    Cases(JdbcClient jdbc, CasesProperties settings, ElectionCalendar calendar, java.time.Clock appClock) {
        this.appClock = appClock;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = settings.clock();
        this.zone = calendar.zone();
    }

    /**
     * The cases with an event since {@code since}, and every complaint or denunciation still open, of the given
     * communes (all when empty): the late and nearly late first, then by deadline.
     */
    public List<CaseSummary> active(LocalDate since, List<String> asked, LocalDate today) {
        return cases("", Viewer.current().communes(asked))
                .param("since", since.atStartOfDay(zone).toOffsetDateTime())
                .param("limit", MAX)
                .query((rs, row) -> summary(rs, today))
                .list()
                .stream()
                .sorted(Comparator.comparing((CaseSummary c) -> c.standing() == null
                                ? 3
                                : switch (c.standing()) {
                                    case OVERDUE -> 0;
                                    case DUE_SOON -> 1;
                                    case ON_TIME -> 2;
                                })
                        .thenComparing(CaseSummary::deadline, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * The complaints and denunciations that were overdue at the end of {@code day}, as their events until then tell
     * them (a case accepted later was still late that day), the longest overdue first.
     */
    public List<CaseSummary> overdueAt(LocalDate day) {
        return openUntil(day.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), List.of(), day).stream()
                .filter(c -> c.standing() == LegalClock.Standing.OVERDUE)
                .sorted(Comparator.comparing(CaseSummary::deadline).thenComparing(CaseSummary::caseRef))
                .toList();
    }

    /** Whether any event has this case reference, whoever asks (for the office's assignments). */
    boolean exists(String caseRef) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM case_event WHERE case_ref = :ref)")
                .param("ref", caseRef)
                .query(Boolean.class)
                .single();
    }

    /**
     * Every complaint and denunciation still open in the given communes (all when empty), however many and however
     * long quiet, with its next deadline as it stands {@code today}: what the deadline alerts watch.
     */
    public List<CaseSummary> open(List<String> asked, LocalDate today) {
        return openUntil(OffsetDateTime.parse("9999-12-31T00:00:00Z"), asked, today);
    }

    /** Every complaint and denunciation open before {@code end}, by its events until then, however many. */
    private List<CaseSummary> openUntil(OffsetDateTime end, List<String> asked, LocalDate asOf) {
        // No event is at or after the end: only the open complaints and denunciations pass the HAVING.
        return cases("AND occurred_at < :end", Viewer.current().communes(asked))
                .param("end", end)
                .param("since", end)
                .param("limit", Integer.MAX_VALUE)
                .query((rs, row) -> summary(rs, asOf))
                .list();
    }

    /** One case, open or ended, if the viewer may see its commune. */
    public Optional<CaseSummary> one(String caseRef, LocalDate today) {
        return cases("AND case_ref = :caseRef", Viewer.current().communes(List.of()))
                .param("caseRef", caseRef)
                .param("since", OffsetDateTime.parse("1900-01-01T00:00:00Z"))
                .param("limit", 1)
                .query((rs, row) -> summary(rs, today))
                .optional();
    }

    /** Every event of a case, in order, if the viewer may see its commune. */
    public List<TimelineEntry> timeline(String caseRef) {
        return scoped(TIMELINE, "", Viewer.current().communes(List.of()))
                .param("caseRef", caseRef)
                .query((rs, row) -> new TimelineEntry(
                        rs.getObject("event_id", UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("type"),
                        rs.getString("status"),
                        rs.getString("summary"),
                        rs.getInt("headcount"),
                        rs.getBoolean("complex")))
                .list();
    }

    /** The cases query with a condition on the events, limited to some communes (all when empty). */
    private JdbcClient.StatementSpec cases(String condition, List<String> communes) {
        return scoped(CASES, condition, communes);
    }

    /** A query on the events with a condition, limited to some communes (all when empty). */
    private JdbcClient.StatementSpec scoped(String template, String condition, List<String> communes) {
        var statement = jdbc.sql(
                template.formatted(condition + (communes.isEmpty() ? "" : " AND commune_code IN (:communes)")));
        return communes.isEmpty() ? statement : statement.param("communes", communes);
    }

    /**
     * Every deadline of a case: to accept or refuse it, then to resolve it (with its extensions), each with the day it
     * was done or how it stands.
     */
    public List<Deadline> deadlines(CaseSummary summary, LocalDate today) {
        if (summary.kind() == null) {
            return List.of();
        }
        List<Deadline> deadlines = new ArrayList<>();
        LocalDate acceptBy = clock.acceptBy(summary.kind(), summary.received());
        LocalDate answered =
                summary.accepted() != null ? summary.accepted() : summary.rejected() ? summary.resolved() : null;
        deadlines.add(new Deadline(
                Step.ACCEPT, acceptBy, answered, answered == null ? clock.standing(acceptBy, today) : null));
        if (summary.accepted() != null) {
            LocalDate resolveBy = resolveBy(
                    summary.kind(),
                    summary.accepted(),
                    summary.complexity(),
                    summary.communeCode(),
                    summary.extensions());
            deadlines.add(new Deadline(
                    Step.RESOLVE,
                    resolveBy,
                    summary.resolved(),
                    summary.resolved() == null ? clock.standing(resolveBy, today) : null));
        }
        return deadlines;
    }

    private LocalDate resolveBy(
            LegalClock.Kind kind,
            LocalDate accepted,
            LegalClock.Complexity complexity,
            String commune,
            int extensions) {
        return clock.resolveBy(
                kind, accepted, complexity, settings.remoteCommunes().contains(commune), extensions);
    }

    private CaseSummary summary(ResultSet rs, LocalDate today) throws SQLException {
        String content = rs.getString("content");
        LegalClock.Kind kind = "COMPLAINT".equals(content)
                ? LegalClock.Kind.COMPLAINT
                : "DENUNCIATION".equals(content) ? LegalClock.Kind.DENUNCIATION : null;
        LocalDate received = day(rs, "received_at");
        LocalDate accepted = day(rs, "accepted_at");
        LocalDate resolved = day(rs, "resolved_at");
        boolean complex = rs.getBoolean("complex");
        String commune = rs.getString("commune_code");
        // Only a denunciation is extended, twice at most (intake of a step refuses more; another channel's extra
        // updates do not stretch the law). Extended twice, it was found especially complex; once, complex.
        int extensions = kind == LegalClock.Kind.DENUNCIATION ? (int) Math.min(rs.getLong("extensions"), 2) : 0;
        LegalClock.Complexity complexity = extensions == 2
                ? LegalClock.Complexity.ESPECIALLY_COMPLEX
                : complex || extensions == 1 ? LegalClock.Complexity.COMPLEX : LegalClock.Complexity.ORDINARY;
        Step next = null;
        LocalDate deadline = null;
        if (kind != null && resolved == null) {
            if (accepted == null) {
                next = Step.ACCEPT;
                deadline = clock.acceptBy(kind, received);
            } else {
                next = Step.RESOLVE;
                deadline = resolveBy(kind, accepted, complexity, commune, extensions);
            }
        }
        return new CaseSummary(
                rs.getString("case_ref"),
                commune,
                kind,
                content,
                rs.getString("field"),
                received,
                accepted,
                resolved,
                rs.getString("status"),
                complex,
                extensions,
                complexity,
                rs.getString("agency"),
                rs.getLong("contacts"),
                rs.getObject("last_event_at", OffsetDateTime.class).toInstant(),
                next,
                deadline,
                deadline == null ? null : clock.standing(deadline, today));
    }

    private LocalDate day(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant().atZone(zone).toLocalDate();
    }

    /** Today in the country. */
    public LocalDate today() {
        return appClock.instant().atZone(zone).toLocalDate();
    }
}

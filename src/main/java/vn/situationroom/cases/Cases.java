package vn.situationroom.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.situationroom.election.ElectionCalendar;
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

    private static final String CASES = """
            SELECT case_ref,
                   (array_agg(commune_code ORDER BY occurred_at))[1] AS commune_code,
                   (array_agg(content ORDER BY occurred_at) FILTER (WHERE content IS NOT NULL))[1] AS content,
                   (array_agg(field ORDER BY occurred_at) FILTER (WHERE field IS NOT NULL))[1] AS field,
                   coalesce(min(occurred_at) FILTER (WHERE type IN ('VISIT', 'PETITION')), min(occurred_at))
                       AS received_at,
                   min(occurred_at) FILTER (WHERE status = 'ACCEPTED') AS accepted_at,
                   min(occurred_at) FILTER (WHERE status IN ('RESOLVED', 'DECISION_IN_FORCE')) AS resolved_at,
                   (array_agg(status ORDER BY occurred_at DESC) FILTER (WHERE status IS NOT NULL))[1] AS status,
                   bool_or(complex) AS complex,
                   count(*) FILTER (WHERE type IN ('VISIT', 'PETITION')) AS contacts,
                   max(occurred_at) AS last_event_at
            FROM reception_event
            WHERE case_ref IS NOT NULL %s
            GROUP BY case_ref
            -- Active since the day, or a complaint or denunciation still open, however long it has been quiet:
            -- those are the ones that fall overdue. The open ones come first, so that the limit never drops them.
            HAVING max(occurred_at) >= :since
                OR (count(*) FILTER (WHERE status IN ('RESOLVED', 'DECISION_IN_FORCE')) = 0
                    AND bool_or(content IN ('COMPLAINT', 'DENUNCIATION')))
            ORDER BY count(*) FILTER (WHERE status IN ('RESOLVED', 'DECISION_IN_FORCE')) > 0, max(occurred_at) DESC
            LIMIT :limit
            """;

    /** The deadline a case waits for next. */
    public enum Step {
        ACCEPT,
        RESOLVE
    }

    /**
     * A case with its dates and its next deadline.
     *
     * @param kind its legal kind, from its content; null where no legal clock applies (recommendations, reflections)
     * @param next what it waits for next; null once resolved or where no clock applies
     * @param deadline the last day for {@code next}
     * @param standing how {@code deadline} stands today
     */
    public record CaseSummary(String caseRef, String communeCode, LegalClock.Kind kind, String content, String field,
            LocalDate received, LocalDate accepted, LocalDate resolved, String status, boolean complex, long contacts,
            Instant lastEventAt, Step next, LocalDate deadline, LegalClock.Standing standing) {}

    private final JdbcClient jdbc;
    private final CasesProperties settings;
    private final LegalClock clock;
    private final ZoneId zone;

    Cases(JdbcClient jdbc, CasesProperties settings, ElectionCalendar calendar) {
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
        List<String> communes = Viewer.current().communes(asked);
        var statement = jdbc.sql(CASES.formatted(communes.isEmpty() ? "" : "AND commune_code IN (:communes)"))
                .param("since", since.atStartOfDay(zone).toOffsetDateTime()).param("limit", MAX);
        if (!communes.isEmpty()) {
            statement = statement.param("communes", communes);
        }
        return statement.query((rs, row) -> summary(rs, today)).list().stream()
                .sorted(Comparator.comparing((CaseSummary c) -> c.standing() == null ? 3 : switch (c.standing()) {
                    case OVERDUE -> 0;
                    case DUE_SOON -> 1;
                    case ON_TIME -> 2;
                }).thenComparing(CaseSummary::deadline, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private CaseSummary summary(ResultSet rs, LocalDate today) throws SQLException {
        String content = rs.getString("content");
        LegalClock.Kind kind = "COMPLAINT".equals(content) ? LegalClock.Kind.COMPLAINT
                : "DENUNCIATION".equals(content) ? LegalClock.Kind.DENUNCIATION : null;
        LocalDate received = day(rs, "received_at");
        LocalDate accepted = day(rs, "accepted_at");
        LocalDate resolved = day(rs, "resolved_at");
        boolean complex = rs.getBoolean("complex");
        String commune = rs.getString("commune_code");
        Step next = null;
        LocalDate deadline = null;
        if (kind != null && resolved == null) {
            if (accepted == null) {
                next = Step.ACCEPT;
                deadline = clock.acceptBy(received);
            } else {
                next = Step.RESOLVE;
                deadline = clock.resolveBy(kind, accepted,
                        complex ? LegalClock.Complexity.COMPLEX : LegalClock.Complexity.ORDINARY,
                        settings.remoteCommunes().contains(commune), 0);
            }
        }
        return new CaseSummary(rs.getString("case_ref"), commune, kind, content, rs.getString("field"), received,
                accepted, resolved, rs.getString("status"), complex, rs.getLong("contacts"),
                rs.getObject("last_event_at", OffsetDateTime.class).toInstant(), next, deadline,
                deadline == null ? null : clock.standing(deadline, today));
    }

    private LocalDate day(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant().atZone(zone).toLocalDate();
    }

    /** Today in the country. */
    public LocalDate today() {
        return Instant.now().atZone(zone).toLocalDate();
    }

}

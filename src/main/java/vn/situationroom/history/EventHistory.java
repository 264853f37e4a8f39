package vn.situationroom.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.security.Viewer;

/**
 * History's answers about the events: the events of a period with the analysts' filters, paged, and the notable ones a
 * command map draws. Dates are days of the country's calendar, both ends included. A service, not a repository: every
 * answer is limited to what the viewer may see.
 */
@Service
public class EventHistory {

    private static final String EVENTS = """
            SELECT event_id, occurred_at, recorded_at, commune_code, reception_point, type, content, field, headcount,
                   complex, candidate_related, case_ref, summary, severity, destination, status
            FROM reception_event
            WHERE occurred_at >= :start AND occurred_at < :end %s
            ORDER BY occurred_at DESC, event_id
            LIMIT :limit OFFSET :offset
            """;

    private static final String EVENT_COUNT = """
            SELECT count(*) FROM reception_event WHERE occurred_at >= :start AND occurred_at < :end %s
            """;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    EventHistory(JdbcClient jdbc, ElectionCalendar calendar) {
        this.jdbc = jdbc;
        this.zone = calendar.zone();
    }

    /** Which events to list; null or empty for no condition. */
    public record EventFilter(
            List<String> communes,
            String type,
            String content,
            String field,
            Boolean complex,
            Boolean candidateRelated,
            String caseRef,
            Integer minHeadcount) {}

    /** A stored event, without its person. */
    public record StoredEvent(
            UUID eventId,
            OffsetDateTime occurredAt,
            Instant recordedAt,
            String communeCode,
            String receptionPoint,
            String type,
            String content,
            String field,
            int headcount,
            boolean complex,
            boolean candidateRelated,
            String caseRef,
            String summary,
            String severity,
            String destination,
            String status) {}

    /** The events of the days {@code from} to {@code to} that pass the filter, newest first. */
    public Page<StoredEvent> events(LocalDate from, LocalDate to, EventFilter filter, int page, int size) {
        StringBuilder conditions = new StringBuilder();
        Map<String, Object> params =
                Periods.of(from, to, zone, Viewer.current().communes(filter.communes()), conditions);
        Periods.condition(conditions, params, "type", filter.type());
        Periods.condition(conditions, params, "content", filter.content());
        Periods.condition(conditions, params, "field", filter.field());
        Periods.condition(conditions, params, "complex", filter.complex());
        Periods.condition(conditions, params, "candidate_related", filter.candidateRelated());
        Periods.condition(conditions, params, "case_ref", filter.caseRef());
        if (filter.minHeadcount() != null) {
            conditions.append(" AND headcount >= :min_headcount");
            params.put("min_headcount", filter.minHeadcount());
        }
        return Periods.page(
                jdbc,
                EVENT_COUNT.formatted(conditions),
                EVENTS.formatted(conditions),
                params,
                page,
                size,
                this::storedEvent);
    }

    private static final String NOTABLE = """
            SELECT event_id, occurred_at, recorded_at, commune_code, reception_point, type, content, field, headcount,
                   complex, candidate_related, case_ref, summary, severity, destination, status
            FROM reception_event
            WHERE occurred_at > :start AND occurred_at <= :end
              AND (type IN ('INCIDENT', 'ESCALATION') OR (type = 'VISIT' AND headcount >= :crowd))
            ORDER BY occurred_at DESC, event_id
            LIMIT :limit
            """;

    /**
     * The events a command map draws, newest first, in the instants {@code (start, end]}: incidents, escalations and
     * crowds (visits of at least {@code crowd} people); at most {@code limit}.
     */
    public List<StoredEvent> notable(Instant start, Instant end, int crowd, int limit) {
        Viewer.current().requireDistrictWide();
        return jdbc.sql(NOTABLE)
                .param("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .param("end", OffsetDateTime.ofInstant(end, ZoneOffset.UTC))
                .param("crowd", crowd)
                .param("limit", limit)
                .query(this::storedEvent)
                .list();
    }

    private StoredEvent storedEvent(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(
                rs.getObject("event_id", UUID.class),
                offsetDateTime(rs, "occurred_at"),
                Periods.instant(rs, "recorded_at"),
                rs.getString("commune_code"),
                rs.getString("reception_point"),
                rs.getString("type"),
                rs.getString("content"),
                rs.getString("field"),
                rs.getInt("headcount"),
                rs.getBoolean("complex"),
                rs.getBoolean("candidate_related"),
                rs.getString("case_ref"),
                rs.getString("summary"),
                rs.getString("severity"),
                rs.getString("destination"),
                rs.getString("status"));
    }

    private OffsetDateTime offsetDateTime(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(zone).toOffsetDateTime();
    }
}

package vn.situationroom.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.platform.Json;
import vn.situationroom.security.Viewer;

/**
 * The history of the alerts: those active in a period, each with every change of its state (raised, acknowledged,
 * resolved; who, when, with what note), for the analysts, the report and the alerts API. A commune's officer sees their
 * own commune's only: a service over the alert tables, which the sink's {@link AlertRepository} writes.
 */
@Service
public class AlertHistory {

    private static final String ALERTS = """
            SELECT alert_id, commune_code, rule, severity, state, first_seen, last_seen, trigger_count, reasons,
                   acknowledged_by, acknowledged_at, acknowledge_note, resolved_by, resolved_at, resolve_note
            FROM alert
            WHERE first_seen < :end AND (resolved_at IS NULL OR resolved_at >= :start) %s
            ORDER BY first_seen DESC, alert_id
            LIMIT :limit OFFSET :offset
            """;

    private static final String ALERT_COUNT = """
            SELECT count(*) FROM alert WHERE first_seen < :end AND (resolved_at IS NULL OR resolved_at >= :start) %s
            """;

    private static final String ALERT_BY_ID = """
            SELECT alert_id, commune_code, rule, severity, state, first_seen, last_seen, trigger_count, reasons,
                   acknowledged_by, acknowledged_at, acknowledge_note, resolved_by, resolved_at, resolve_note
            FROM alert
            WHERE alert_id = :id
            """;

    private static final String TRANSITIONS = """
            SELECT alert_id, state, at, by_whom, note FROM alert_transition WHERE alert_id IN (:ids) ORDER BY at, state
            """;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    AlertHistory(JdbcClient jdbc, ElectionCalendar calendar) {
        this.jdbc = jdbc;
        this.zone = calendar.zone();
    }

    /** A change of an alert's state. */
    public record Transition(String state, Instant at, String by, String note) {}

    /** A stored alert with every change of its state. */
    public record StoredAlert(
            String alertId,
            String communeCode,
            String rule,
            String severity,
            String state,
            Instant firstSeen,
            Instant lastSeen,
            long count,
            List<Reason> reasons,
            String acknowledgedBy,
            Instant acknowledgedAt,
            String acknowledgeNote,
            String resolvedBy,
            Instant resolvedAt,
            String resolveNote,
            List<Transition> transitions) {}

    /**
     * Which alerts to list; null or empty for no condition.
     *
     * @param rules any of these rules (with {@code rule}, both must hold)
     */
    public record AlertFilter(List<String> communes, String state, String rule, List<String> rules) {

        public AlertFilter(List<String> communes, String state, String rule) {
            this(communes, state, rule, List.of());
        }
    }

    /**
     * The alerts active at some time in the days {@code from} to {@code to}, newest first. The alerts and their
     * transitions are read in one snapshot, so that an alert never shows a state its transitions do not.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page<StoredAlert> alerts(LocalDate from, LocalDate to, AlertFilter filter, int page, int size) {
        StringBuilder conditions = new StringBuilder();
        Map<String, Object> params =
                Periods.of(from, to, zone, Viewer.current().communes(filter.communes()), conditions);
        Periods.condition(conditions, params, "state", filter.state());
        Periods.condition(conditions, params, "rule", filter.rule());
        if (filter.rules() != null && !filter.rules().isEmpty()) {
            conditions.append(" AND rule IN (:rules)");
            params.put("rules", filter.rules());
        }
        Page<StoredAlert> alerts = Periods.page(
                jdbc,
                ALERT_COUNT.formatted(conditions),
                ALERTS.formatted(conditions),
                params,
                page,
                size,
                AlertHistory::alert);
        return new Page<>(page, size, alerts.total(), withTransitions(alerts.items()));
    }

    /** One alert with its history, if stored, read in one snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<StoredAlert> alert(String alertId) {
        List<StoredAlert> found = jdbc.sql(ALERT_BY_ID)
                .param("id", alertId)
                .query(AlertHistory::alert)
                .list();
        return withTransitions(found).stream()
                .filter(a -> Viewer.current().canSee(a.communeCode()))
                .findFirst();
    }

    private List<StoredAlert> withTransitions(List<StoredAlert> alerts) {
        if (alerts.isEmpty()) {
            return alerts;
        }
        Map<String, List<Transition>> transitions = new HashMap<>();
        jdbc.sql(TRANSITIONS)
                .param("ids", alerts.stream().map(StoredAlert::alertId).toList())
                .query((rs, row) -> transitions
                        .computeIfAbsent(rs.getString("alert_id"), id -> new ArrayList<>())
                        .add(new Transition(
                                rs.getString("state"),
                                Periods.instant(rs, "at"),
                                rs.getString("by_whom"),
                                rs.getString("note"))))
                .list();
        return alerts.stream()
                .map(a -> new StoredAlert(
                        a.alertId(),
                        a.communeCode(),
                        a.rule(),
                        a.severity(),
                        a.state(),
                        a.firstSeen(),
                        a.lastSeen(),
                        a.count(),
                        a.reasons(),
                        a.acknowledgedBy(),
                        a.acknowledgedAt(),
                        a.acknowledgeNote(),
                        a.resolvedBy(),
                        a.resolvedAt(),
                        a.resolveNote(),
                        transitions.getOrDefault(a.alertId(), List.of())))
                .toList();
    }

    private static StoredAlert alert(ResultSet rs, int row) throws SQLException {
        return new StoredAlert(
                rs.getString("alert_id"),
                rs.getString("commune_code"),
                rs.getString("rule"),
                rs.getString("severity"),
                rs.getString("state"),
                Periods.instant(rs, "first_seen"),
                Periods.instant(rs, "last_seen"),
                rs.getLong("trigger_count"),
                Json.MAPPER.readValue(rs.getString("reasons"), new TypeReference<List<Reason>>() {}),
                rs.getString("acknowledged_by"),
                Periods.instant(rs, "acknowledged_at"),
                rs.getString("acknowledge_note"),
                rs.getString("resolved_by"),
                Periods.instant(rs, "resolved_at"),
                rs.getString("resolve_note"),
                List.of());
    }
}

package vn.situationroom.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.platform.Json;

/** The {@code alert} and {@code alert_transition} tables: each alert's latest state and every change of its state. */
@Repository
class AlertRepository {

    private static final String UPSERT_ALERT = """
            INSERT INTO alert (alert_id, commune_code, rule, severity, state, first_seen, last_seen, trigger_count,
                               reasons, acknowledged_by, acknowledged_at, acknowledge_note, resolved_by, resolved_at,
                               resolve_note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (alert_id) DO UPDATE
            SET severity = excluded.severity, state = excluded.state, last_seen = excluded.last_seen,
                trigger_count = excluded.trigger_count, reasons = excluded.reasons,
                acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at,
                acknowledge_note = excluded.acknowledge_note, resolved_by = excluded.resolved_by,
                resolved_at = excluded.resolved_at, resolve_note = excluded.resolve_note, stored_at = now()
            """;

    private static final String INSERT_TRANSITION = """
            INSERT INTO alert_transition (alert_id, state, at, by_whom, note)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (alert_id, state) DO NOTHING
            """;

    private final JdbcTemplate jdbc;

    AlertRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores alerts in their latest state, with every state change each has been through, in one transaction. */
    @Transactional
    public void saveAll(List<Alert> alerts) {
        jdbc.batchUpdate(UPSERT_ALERT, alerts, alerts.size(), (statement, alert) -> {
            statement.setString(1, alert.alertId());
            statement.setString(2, alert.communeCode());
            statement.setString(3, alert.rule().name());
            statement.setString(4, alert.severity().name());
            statement.setString(5, alert.state().name());
            statement.setTimestamp(6, Timestamp.from(alert.firstSeen()));
            statement.setTimestamp(7, Timestamp.from(alert.lastSeen()));
            statement.setLong(8, alert.count());
            statement.setString(9, Json.MAPPER.writeValueAsString(alert.reasons()));
            statement.setString(10, alert.acknowledgedBy());
            statement.setTimestamp(11, timestamp(alert.acknowledgedAt()));
            statement.setString(12, alert.acknowledgeNote());
            statement.setString(13, alert.resolvedBy());
            statement.setTimestamp(14, timestamp(alert.resolvedAt()));
            statement.setString(15, alert.resolveNote());
        });
        List<Transition> transitions = new ArrayList<>();
        for (Alert alert : alerts) {
            transitions.add(new Transition(alert.alertId(), AlertState.OPEN, alert.firstSeen(), null, null));
            if (alert.acknowledgedAt() != null) {
                transitions.add(new Transition(
                        alert.alertId(),
                        AlertState.ACKNOWLEDGED,
                        alert.acknowledgedAt(),
                        alert.acknowledgedBy(),
                        alert.acknowledgeNote()));
            }
            if (alert.state() == AlertState.RESOLVED && alert.resolvedAt() != null) {
                transitions.add(new Transition(
                        alert.alertId(),
                        AlertState.RESOLVED,
                        alert.resolvedAt(),
                        alert.resolvedBy(),
                        alert.resolveNote()));
            }
        }
        jdbc.batchUpdate(INSERT_TRANSITION, transitions, transitions.size(), (statement, transition) -> {
            statement.setString(1, transition.alertId());
            statement.setString(2, transition.state().name());
            statement.setTimestamp(3, Timestamp.from(transition.at()));
            statement.setString(4, transition.by());
            statement.setString(5, transition.note());
        });
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private record Transition(String alertId, AlertState state, Instant at, String by, String note) {}
}

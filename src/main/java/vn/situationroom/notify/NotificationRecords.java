package vn.situationroom.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.situationroom.live.NotifiedAlerts;
import vn.situationroom.notify.Subscriptions.Channel;

/** What became of each notification: to whom, by which channel, at which step, sent, failed or retried, and when. */
@Service
public class NotificationRecords implements NotifiedAlerts {

    /**
     * One notification.
     *
     * @param state PENDING, SENDING, SENT, RETRY (failed, tried again later), FAILED (given up) or CANCELLED (the
     *     alert was acknowledged before this step went out)
     * @param lastError why the latest attempt failed, if it did
     */
    public record Sent(
            long id,
            String alertId,
            String communeCode,
            int step,
            String severity,
            Channel channel,
            String recipient,
            String recipientName,
            String state,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant sentAt) {}

    private static final RowMapper<Sent> ROW = (rs, n) -> new Sent(
            rs.getLong("id"),
            rs.getString("alert_id"),
            rs.getString("commune_code"),
            rs.getInt("step"),
            rs.getString("severity"),
            Channel.valueOf(rs.getString("channel")),
            rs.getString("recipient"),
            rs.getString("recipient_name"),
            rs.getString("state"),
            rs.getInt("attempts"),
            rs.getString("last_error"),
            rs.getTimestamp("created_at").toInstant(),
            instant(rs.getTimestamp("sent_at")));

    private static final String COLUMNS = "SELECT id, alert_id, commune_code, step, severity, channel, recipient, "
            + "recipient_name, state, attempts, last_error, created_at, sent_at FROM notification";

    private final JdbcClient jdbc;

    NotificationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The notifications of an alert, in the order they were queued. */
    public List<Sent> ofAlert(String alertId) {
        return jdbc.sql(COLUMNS + " WHERE alert_id = :alert ORDER BY id")
                .param("alert", alertId)
                .query(ROW)
                .list();
    }

    /** The notifications of each of the alerts, in the order they were queued (alerts without any left out). */
    public Map<String, List<Sent>> ofAlerts(Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(COLUMNS + " WHERE alert_id IN (:alerts) ORDER BY id")
                .param("alerts", List.copyOf(alertIds))
                .query(ROW)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Sent::alertId, LinkedHashMap::new, Collectors.toList()));
    }

    @Override
    public Map<String, List<Notice>> of(Collection<String> alertIds) {
        Map<String, List<Notice>> notices = new LinkedHashMap<>();
        ofAlerts(alertIds)
                .forEach((alert, sent) -> notices.put(
                        alert,
                        sent.stream()
                                .map(n -> new Notice(n.channel().name(), n.state()))
                                .toList()));
        return notices;
    }

    /** The newest notifications first, optionally only those in a state. */
    public List<Sent> recent(String state, int offset, int limit) {
        return jdbc.sql(COLUMNS + " WHERE (:state::text IS NULL OR state = :state) ORDER BY id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("state", state)
                .param("limit", limit)
                .param("offset", offset)
                .query(ROW)
                .list();
    }

    /** How many notifications {@link #recent} pages through. */
    public int count(String state) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE (:state::text IS NULL OR state = :state)")
                .param("state", state)
                .query(Integer.class)
                .single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

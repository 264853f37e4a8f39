package vn.situationroom.history;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.ReceptionEvent;

/** The {@code reception_event} table: idempotent inserts by the sink, and look-ups by id. */
@Repository
public class ReceptionEventRepository {

    private static final String INSERT = """
            INSERT INTO reception_event (event_id, occurred_at, commune_code, type, headcount)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING
            """;

    private static final String FIND = """
            SELECT event_id, occurred_at, commune_code, type, headcount
            FROM reception_event
            WHERE event_id = :eventId
            """;

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    ReceptionEventRepository(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** Stores the events in one transaction; ids already stored are left as they are. */
    @Transactional
    public void saveAll(List<ReceptionEvent> events) {
        jdbc.batchUpdate(INSERT, events, events.size(), (statement, event) -> {
            statement.setObject(1, event.eventId());
            statement.setTimestamp(2, Timestamp.from(event.occurredAt().toInstant()));
            statement.setString(3, event.communeCode());
            statement.setString(4, event.type().name());
            statement.setInt(5, event.headcount());
        });
    }

    /** The stored event with this id, with its time in UTC. */
    public Optional<ReceptionEvent> find(UUID eventId) {
        return client.sql(FIND)
                .param("eventId", eventId)
                .query((rs, row) -> new ReceptionEvent(
                        rs.getObject("event_id", UUID.class),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class),
                        rs.getString("commune_code"),
                        EventType.valueOf(rs.getString("type")),
                        rs.getInt("headcount")))
                .optional();
    }
}

package vn.situationroom.history;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.situationroom.intake.ReceptionEvent;

/** The {@code reception_event} table: idempotent inserts by the sink. */
@Repository
public class ReceptionEventRepository {

    private static final String INSERT = """
            INSERT INTO reception_event (event_id, occurred_at, commune_code, type, headcount)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING
            """;

    private final JdbcTemplate jdbc;

    ReceptionEventRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
}

package vn.situationroom.history;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.platform.Json;

/** The {@code commune_level} table: every published state of each commune's hotspot level, for replays. */
@Repository
class CommuneLevelRepository {

    private static final String INSERT = """
            INSERT INTO commune_level (commune_code, as_of, level, hotspot) VALUES (?, ?, ?, ?::jsonb)
            ON CONFLICT (commune_code, as_of) DO UPDATE SET level = excluded.level, hotspot = excluded.hotspot
            """;

    private final JdbcTemplate jdbc;

    CommuneLevelRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores states in one transaction. The stream's clock can give two states of a commune the same moment; read in
     * order by one consumer, the later one wins, as it does in the batch and on the topic.
     */
    @Transactional
    public void saveAll(List<CommuneHotspot> states) {
        // One row per commune and moment: the topic may repeat a state.
        Map<String, CommuneHotspot> unique = new LinkedHashMap<>();
        states.forEach(s -> unique.put(s.communeCode() + '|' + s.asOf(), s));
        List<CommuneHotspot> rows = List.copyOf(unique.values());
        jdbc.batchUpdate(INSERT, rows, rows.size(), (statement, state) -> {
            statement.setString(1, state.communeCode());
            statement.setTimestamp(2, Timestamp.from(state.asOf()));
            statement.setString(3, state.level().name());
            statement.setString(4, Json.MAPPER.writeValueAsString(state));
        });
    }
}

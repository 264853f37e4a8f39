package vn.situationroom.history;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.situationroom.hotspot.CommuneIndicators;

/**
 * The {@code commune_indicator} table: each window's latest counts, then its final counts, upserted by the sink. The
 * region's sums follow through {@link RegionRollup} once the transaction has committed.
 */
@Repository
class CommuneIndicatorRepository {

    /**
     * Upserts a batch given as one array per column, in one statement: the rows are read once from the arrays and
     * written once into the table (a staging table would write them twice). A final window's counts are never replaced
     * by an open one's.
     */
    private static final String UPSERT = """
            INSERT INTO commune_indicator (commune_code, window_size, window_start, window_end, is_final, %s)
            SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::boolean[], %s)
            ON CONFLICT (commune_code, window_size, window_start) DO UPDATE
            SET window_end = excluded.window_end, is_final = excluded.is_final, stored_at = now(), %s
            WHERE NOT commune_indicator.is_final OR excluded.is_final
            """.formatted(
                    Counter.columns(),
                    Arrays.stream(Counter.values()).map(c -> "?::bigint[]").collect(Collectors.joining(", ")),
                    Arrays.stream(Counter.values())
                            .map(c -> c.column() + " = excluded." + c.column())
                            .collect(Collectors.joining(", ")));

    private final JdbcTemplate jdbc;
    private final RegionRollup region;

    CommuneIndicatorRepository(JdbcTemplate jdbc, RegionRollup region) {
        this.jdbc = jdbc;
        this.region = region;
    }

    /**
     * Stores windows in one transaction, in order: an open window's counts replace the ones stored before, and a final
     * window's counts are never replaced by an open one's (a replay from an earlier offset changes nothing).
     */
    @Transactional
    public void saveAll(List<CommuneIndicators> windows) {
        // One row per window: its latest counts in the batch, a final one winning over an open one.
        Map<String, CommuneIndicators> latest = new LinkedHashMap<>();
        for (CommuneIndicators window : windows) {
            latest.merge(
                    window.communeCode() + '|' + window.window() + '|' + window.windowStart(),
                    window,
                    (before, after) -> before.isFinal() && !after.isFinal() ? before : after);
        }
        List<CommuneIndicators> rows = List.copyOf(latest.values());
        jdbc.execute((ConnectionCallback<Integer>) connection -> upsert(connection, rows));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                region.touched(rows);
            }
        });
    }

    private static int upsert(Connection connection, List<CommuneIndicators> rows) throws SQLException {
        int n = rows.size();
        String[] codes = new String[n];
        String[] sizes = new String[n];
        String[] starts = new String[n];
        String[] ends = new String[n];
        Boolean[] finals = new Boolean[n];
        long[][] counts = new long[Counter.values().length][n];
        for (int i = 0; i < n; i++) {
            CommuneIndicators window = rows.get(i);
            codes[i] = window.communeCode();
            sizes[i] = window.window().name();
            starts[i] = window.windowStart().toString();
            ends[i] = window.windowEnd().toString();
            finals[i] = window.isFinal();
            for (Counter counter : Counter.values()) {
                counts[counter.ordinal()][i] = counter.of(window.counts());
            }
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setArray(1, postgres.createArrayOf("text", codes));
            statement.setArray(2, postgres.createArrayOf("text", sizes));
            statement.setArray(3, postgres.createArrayOf("text", starts));
            statement.setArray(4, postgres.createArrayOf("text", ends));
            statement.setArray(5, postgres.createArrayOf("bool", finals));
            for (Counter counter : Counter.values()) {
                Array column = postgres.createArrayOf("int8", counts[counter.ordinal()]);
                statement.setArray(6 + counter.ordinal(), column);
            }
            return statement.executeUpdate();
        }
    }
}

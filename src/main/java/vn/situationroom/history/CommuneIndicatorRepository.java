package vn.situationroom.history;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.situationroom.hotspot.CommuneIndicators;

/**
 * The {@code commune_indicator} table (each window's latest counts, then its final counts, upserted by the sink) and
 * {@code region_indicator} (the same windows summed over the region's communes, refreshed in the same transaction).
 */
@Repository
class CommuneIndicatorRepository {

    private static final String COLUMNS =
            "commune_code, window_size, window_start, window_end, is_final, " + Counter.columns();

    /** Upserts the staged windows; a final window's counts are never replaced by an open one's. */
    private static final String UPSERT_FROM_STAGING = """
            INSERT INTO commune_indicator (%1$s)
            SELECT %1$s FROM commune_indicator_staging
            ON CONFLICT (commune_code, window_size, window_start) DO UPDATE
            SET window_end = excluded.window_end, is_final = excluded.is_final, stored_at = now(), %2$s
            WHERE NOT commune_indicator.is_final OR excluded.is_final
            """.formatted(COLUMNS, Arrays.stream(Counter.values())
                    .map(c -> c.column() + " = excluded." + c.column())
                    .collect(Collectors.joining(", ")));

    /** One region window recomputed from its communes' rows. */
    private static final String REFRESH_REGION = """
            INSERT INTO region_indicator (window_size, window_start, %s)
            SELECT window_size, window_start, %s
            FROM commune_indicator
            WHERE window_size = ? AND window_start = ?
            GROUP BY window_size, window_start
            ON CONFLICT (window_size, window_start) DO UPDATE SET %s
            """.formatted(
                    Counter.columns(),
                    Arrays.stream(Counter.values()).map(c -> "sum(" + c.column() + ")")
                            .collect(Collectors.joining(", ")),
                    Arrays.stream(Counter.values())
                            .map(c -> c.column() + " = excluded." + c.column())
                            .collect(Collectors.joining(", ")));

    /**
     * Sinks of several app instances may refresh the same region window at once; this lock, held to the end of the
     * transaction, makes each refresh see the communes' rows the others committed.
     */
    private static final String LOCK_REGION = "SELECT pg_advisory_xact_lock(hashtext('region_indicator'))";

    private final JdbcTemplate jdbc;
    private final StagingWriter staging;

    CommuneIndicatorRepository(JdbcTemplate jdbc, StagingWriter staging) {
        this.jdbc = jdbc;
        this.staging = staging;
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
            latest.merge(window.communeCode() + '|' + window.window() + '|' + window.windowStart(), window,
                    (before, after) -> before.isFinal() && !after.isFinal() ? before : after);
        }
        staging.stage("commune_indicator_staging", "commune_indicator", COLUMNS, List.copyOf(latest.values()),
                CommuneIndicatorRepository::values);
        jdbc.update(UPSERT_FROM_STAGING);

        Map<String, CommuneIndicators> byRegionWindow = new LinkedHashMap<>();
        windows.forEach(w -> byRegionWindow.putIfAbsent(w.window() + "|" + w.windowStart(), w));
        List<CommuneIndicators> regionWindows = List.copyOf(byRegionWindow.values());
        jdbc.query(LOCK_REGION, rs -> {});
        jdbc.batchUpdate(REFRESH_REGION, regionWindows, regionWindows.size(), (statement, window) -> {
            statement.setString(1, window.window().name());
            statement.setTimestamp(2, Timestamp.from(window.windowStart()));
        });
    }

    private static Object[] values(CommuneIndicators window) {
        Object[] values = new Object[5 + Counter.values().length];
        values[0] = window.communeCode();
        values[1] = window.window().name();
        values[2] = window.windowStart();
        values[3] = window.windowEnd();
        values[4] = window.isFinal();
        for (Counter counter : Counter.values()) {
            values[5 + counter.ordinal()] = counter.of(window.counts());
        }
        return values;
    }
}

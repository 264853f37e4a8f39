package vn.situationroom.history;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.situationroom.hotspot.CommuneIndicators;

/**
 * Keeps {@code region_indicator}, each hour and day window summed over the region's communes, in step with
 * {@code commune_indicator}. The indicator sink reports the windows it committed; every half second the region windows
 * touched since are recomputed from their communes' rows, each once however many batches touched it (during a
 * catch-up a day window is touched by every batch of that day). A refresh that fails (the database is down) is kept
 * and retried. On start the whole table is checked against the communes' rows and corrected, which repairs a window
 * whose refresh was pending when the app stopped.
 */
@Component
class RegionRollup implements SmartLifecycle {

    static final Duration REFRESH_EVERY = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(RegionRollup.class);

    private static final String SUMS =
            Arrays.stream(Counter.values()).map(c -> "sum(" + c.column() + ")").collect(Collectors.joining(", "));

    private static final String SET_ALL = Arrays.stream(Counter.values())
            .map(c -> c.column() + " = excluded." + c.column())
            .collect(Collectors.joining(", "));

    /** One region window recomputed from its communes' rows. */
    private static final String REFRESH_WINDOW = """
            INSERT INTO region_indicator (window_size, window_start, %s)
            SELECT window_size, window_start, %s
            FROM commune_indicator
            WHERE window_size = ? AND window_start = ?
            GROUP BY window_size, window_start
            ON CONFLICT (window_size, window_start) DO UPDATE SET %s
            """.formatted(Counter.columns(), SUMS, SET_ALL);

    /** Every region window recomputed; only the ones that differ are written. */
    private static final String REBUILD = """
            INSERT INTO region_indicator (window_size, window_start, %s)
            SELECT window_size, window_start, %s
            FROM commune_indicator
            GROUP BY window_size, window_start
            ON CONFLICT (window_size, window_start) DO UPDATE SET %s
            WHERE (%s) IS DISTINCT FROM (%s)
            """.formatted(
            Counter.columns(),
            SUMS,
            SET_ALL,
            Arrays.stream(Counter.values())
                    .map(c -> "region_indicator." + c.column())
                    .collect(Collectors.joining(", ")),
            Arrays.stream(Counter.values()).map(c -> "excluded." + c.column()).collect(Collectors.joining(", ")));

    /**
     * Several app instances may refresh the same region window at once; this lock, held to the end of the
     * transaction, makes each refresh see the communes' rows the others committed.
     */
    private static final String LOCK_REGION = "SELECT pg_advisory_xact_lock(hashtext('region_indicator'))";

    /** A region window: its size and start. */
    record Window(CommuneIndicators.WindowSize size, Instant start) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Set<Window> pending = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean failing;
    private volatile boolean checked;

    RegionRollup(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Notes the region windows of committed commune windows, to be refreshed at the next tick. */
    void touched(Collection<CommuneIndicators> windows) {
        windows.forEach(w -> pending.add(new Window(w.window(), w.windowStart())));
    }

    /** Whether windows wait to be refreshed. */
    boolean hasPending() {
        return !pending.isEmpty();
    }

    /**
     * Recomputes the region windows touched since the last call, in one transaction; on failure they stay pending.
     *
     * @return how many region windows were refreshed
     */
    int refreshPending() {
        List<Window> windows = List.copyOf(pending);
        if (windows.isEmpty()) {
            return 0;
        }
        // Taken out before the refresh reads the communes' rows: a window touched again meanwhile is noted again.
        pending.removeAll(windows);
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.query(LOCK_REGION, (RowCallbackHandler) rs -> {});
                jdbc.batchUpdate(REFRESH_WINDOW, windows, windows.size(), (statement, window) -> {
                    statement.setString(1, window.size().name());
                    statement.setTimestamp(2, Timestamp.from(window.start()));
                });
            });
        } catch (RuntimeException e) {
            pending.addAll(windows);
            throw e;
        }
        return windows.size();
    }

    /** Corrects every region window that does not equal the sum of its communes' rows; returns how many it wrote. */
    int rebuild() {
        Integer changed = transaction.execute(status -> {
            jdbc.query(LOCK_REGION, (RowCallbackHandler) rs -> {});
            return jdbc.update(REBUILD);
        });
        return changed == null ? 0 : changed;
    }

    private void tick() {
        if (!checked) {
            // The check on start waits for the database as long as it takes: it repairs what a crash left pending.
            rebuildOnStart();
            if (!checked) {
                return;
            }
        }
        try {
            int refreshed = refreshPending();
            if (failing) {
                failing = false;
                log.info("The region's windows are refreshed again ({} waited)", refreshed);
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn(
                        "Cannot refresh the region's windows; {} wait and are retried: {}",
                        pending.size(),
                        e.getMessage());
            }
        }
    }

    private void rebuildOnStart() {
        try {
            long start = System.nanoTime();
            int changed = rebuild();
            log.info(
                    "Region windows checked against the communes' rows in {} ms: {} corrected",
                    (System.nanoTime() - start) / 1_000_000,
                    changed);
            checked = true;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("Cannot check the region's windows yet; retrying: {}", e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("region-rollup").daemon().factory());
        executor.execute(this::rebuildOnStart);
        executor.scheduleWithFixedDelay(
                this::tick, REFRESH_EVERY.toMillis(), REFRESH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdown();
            try {
                if (executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    // The last windows the sink committed before it stopped.
                    tick();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts before the sinks' listeners and stops after them, so that their last batches are refreshed too. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}

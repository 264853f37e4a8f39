package vn.situationroom.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.situationroom.election.ElectionCalendar;

/**
 * Migration 4: the time-series layer. On TimescaleDB the events and the indicators become hypertables, the weekly
 * and monthly totals per commune are continuous aggregates with refresh policies, old chunks are compressed, and a
 * retention policy is created paused. On plain PostgreSQL the same two totals are plain views over the same tables.
 * Either way the app's queries read the same names: {@code commune_indicator_weekly} and
 * {@code commune_indicator_monthly}, with a {@code bucket} column (the week or month start in the country's zone).
 */
@Component
class TimeSeriesStoreMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(TimeSeriesStoreMigration.class);

    private final HistoryProperties properties;
    private final ZoneId zone;

    TimeSeriesStoreMigration(HistoryProperties properties, ElectionCalendar calendar) {
        this.properties = properties;
        this.zone = calendar.zone();
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4");
    }

    @Override
    public String getDescription() {
        return "time series store";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            if (useTimescale(sql)) {
                timescale(sql);
                log.info("History store: TimescaleDB hypertables, continuous aggregates and policies created");
            } else {
                plain(sql);
                log.info("History store: plain PostgreSQL tables and views created (no TimescaleDB)");
            }
        }
    }

    private boolean useTimescale(Statement sql) throws SQLException {
        if (properties.timescaledb() == HistoryProperties.TimescaleMode.OFF) {
            return false;
        }
        boolean installed = exists(sql, "SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'");
        boolean loadable = exists(sql, "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'")
                && exists(sql, "SELECT 1 WHERE current_setting('shared_preload_libraries') LIKE '%timescaledb%'");
        if (!installed && loadable) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            installed = true;
        }
        if (!installed && properties.timescaledb() == HistoryProperties.TimescaleMode.ON) {
            throw new IllegalStateException("situationroom.history.timescaledb=ON, but this database has no"
                    + " TimescaleDB extension installed or loadable (shared_preload_libraries)");
        }
        return installed;
    }

    private void timescale(Statement sql) throws SQLException {
        String chunk = interval(properties.chunkInterval());
        // A hypertable's unique keys must hold its time column.
        sql.execute("ALTER TABLE reception_event DROP CONSTRAINT reception_event_pkey");
        sql.execute("ALTER TABLE reception_event ADD PRIMARY KEY (event_id, occurred_at)");
        sql.execute("SELECT create_hypertable('reception_event', by_range('occurred_at', " + chunk
                + "), migrate_data => true)");
        sql.execute("SELECT create_hypertable('commune_indicator', by_range('window_start', " + chunk
                + "), migrate_data => true)");
        for (String period : new String[] {"week", "month"}) {
            String view = "commune_indicator_" + period + "ly";
            sql.execute("CREATE MATERIALIZED VIEW " + view
                    + " WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS "
                    + totals("time_bucket(INTERVAL '1 " + period + "', window_start, '" + zone.getId() + "')")
                    + " WITH NO DATA");
            sql.execute("SELECT add_continuous_aggregate_policy('" + view + "', start_offset => INTERVAL '3 " + period
                    + "s', end_offset => INTERVAL '1 hour', schedule_interval => INTERVAL '1 hour')");
        }
        for (String table : new String[] {"reception_event", "commune_indicator"}) {
            sql.execute("ALTER TABLE " + table
                    + " SET (timescaledb.compress, timescaledb.compress_segmentby = 'commune_code')");
            sql.execute("SELECT add_compression_policy('" + table + "', " + interval(properties.compressAfter()) + ")");
            // Official records: the policy exists so that an administrator can resume it, but it starts paused.
            sql.execute("SELECT alter_job(add_retention_policy('" + table + "', "
                    + interval(properties.retentionAfter()) + "), scheduled => false)");
        }
    }

    private void plain(Statement sql) throws SQLException {
        for (String period : new String[] {"week", "month"}) {
            sql.execute("CREATE VIEW commune_indicator_" + period + "ly AS "
                    + totals("date_trunc('" + period + "', window_start AT TIME ZONE '" + zone.getId()
                            + "') AT TIME ZONE '" + zone.getId() + "'"));
        }
    }

    /** The totals per commune and bucket of the day windows. */
    private static String totals(String bucket) {
        String sums = Arrays.stream(Counter.values())
                .map(c -> "sum(" + c.column() + ")::bigint AS " + c.column())
                .collect(Collectors.joining(", "));
        return "SELECT commune_code, " + bucket + " AS bucket, " + sums
                + " FROM commune_indicator WHERE window_size = 'DAY' GROUP BY commune_code, bucket";
    }

    private static String interval(Duration duration) {
        return "INTERVAL '" + duration.toSeconds() + " seconds'";
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }
}

package vn.situationroom.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the history store.
 *
 * @param timescaledb whether to build the TimescaleDB objects when the migrations first run: AUTO when the extension
 *     is installed or can be created, ON to require it, OFF to keep plain tables even where it exists
 * @param chunkInterval the time span of one chunk of the hypertables (TimescaleDB only)
 * @param compressAfter chunks older than this are compressed (TimescaleDB only)
 * @param retentionAfter the age at which the retention policy would drop chunks (TimescaleDB only); the policy is
 *     created paused, because these are official records: an administrator decides to resume it
 * @param lagWarning a sink behind by more records than this is flagged as behind in the health
 * @param sinkWrites how the events sink puts its batches into the database: COPY, or INSERT (JDBC batches) for servers
 *     that do not take COPY (the windows go in by one array-fed upsert on every server)
 */
@ConfigurationProperties("situationroom.history")
public record HistoryProperties(
        @DefaultValue("AUTO") TimescaleMode timescaledb,
        @DefaultValue("7d") Duration chunkInterval,
        @DefaultValue("30d") Duration compressAfter,
        @DefaultValue("3650d") Duration retentionAfter,
        @DefaultValue("10000") long lagWarning,
        @DefaultValue("COPY") SinkWrites sinkWrites) {

    /** How the sinks write. */
    public enum SinkWrites {
        COPY,
        INSERT
    }

    /** Whether to use TimescaleDB. */
    public enum TimescaleMode {
        AUTO,
        ON,
        OFF
    }
}

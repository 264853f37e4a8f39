package vn.situationroom.hotspot;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the hotspot analytics ({@code situationroom.hotspot.*}).
 *
 * @param grace how long after its end a window stays open; a later event revises the closed window
 * @param repeatHorizon how long an event id is remembered so that a repeat of it is not counted again
 * @param punctuateInterval how often, on the wall clock, windows are closed and quiet alerts resolved
 * @param publishInterval how often, on the wall clock, what changed is written to the output topics: one record per
 *     window, alert and commune however many events changed it since (the larger, the fewer records, the later)
 * @param busyEvents how many events a stream task may count between two publications and still publish at the next
 *     {@code publishInterval}; a task that counted more is working through a backlog (a replay, an import: with the defaults,
 *     past 1,000 events a second into its partition), and publishes every {@code busyPublishInterval} until it is through
 * @param busyPublishInterval how often a busy task publishes: fewer intermediate states of the same windows and
 *     communes, so that the backlog is through sooner
 * @param commitInterval how often the stream commits its transaction: its outputs become visible to read_committed
 *     readers then (the larger, the more events per transaction, the later)
 * @param cacheSize the stream's record cache, in bytes: changes of one state entry between two commits are written
 *     to its store and changelog once
 * @param streamThreads the stream threads of this instance; 0 (the default) for one per core but one, at least one and
 *     at most one per partition: a thread works its tasks one record at a time, and the core left over serves the
 *     broker, PostgreSQL, the sinks and the JIT compiler beside it (on 2 cores a second thread was no faster, and
 *     slower on a fresh app: README, Throughput)
 * @param alertQuietPeriod an alert with no new trigger for this long resolves itself; events older than this raise no
 *     alert (history being imported is not news)
 * @param historyDays how many past days of daily counts each commune keeps for the daily detectors (63: nine weeks,
 *     Farrington-Flexible's eight weeks back and today with a week to spare)
 * @param detectors the rules' and statistics' own settings
 * @param streamsConfig further Kafka Streams settings, which take precedence over the app's own (for example
 *     {@code situationroom.hotspot.streams-config[producer.linger.ms]=10})
 */
@ConfigurationProperties("situationroom.hotspot")
public record HotspotSettings(
        Duration grace,
        Duration repeatHorizon,
        Duration punctuateInterval,
        Duration publishInterval,
        Integer busyEvents,
        Duration busyPublishInterval,
        Duration commitInterval,
        Long cacheSize,
        Integer streamThreads,
        Duration alertQuietPeriod,
        Integer historyDays,
        DetectorSettings detectors,
        Map<String, String> streamsConfig) {

    public HotspotSettings {
        grace = grace == null ? Duration.ofMinutes(10) : grace;
        repeatHorizon = repeatHorizon == null ? Duration.ofDays(7) : repeatHorizon;
        punctuateInterval = punctuateInterval == null ? Duration.ofSeconds(10) : punctuateInterval;
        publishInterval = publishInterval == null ? Duration.ofMillis(100) : publishInterval;
        busyEvents = busyEvents == null ? 100 : busyEvents;
        if (busyPublishInterval == null) {
            busyPublishInterval =
                    publishInterval.compareTo(Duration.ofSeconds(1)) > 0 ? publishInterval : Duration.ofSeconds(1);
        }
        if (busyEvents < 1 || busyPublishInterval.compareTo(publishInterval) < 0) {
            throw new IllegalArgumentException("situationroom.hotspot: busy-events must be at least 1 and "
                    + "busy-publish-interval at least publish-interval (" + publishInterval + ")");
        }
        commitInterval = commitInterval == null ? Duration.ofMillis(200) : commitInterval;
        cacheSize = cacheSize == null ? 64L * 1024 * 1024 : cacheSize;
        streamThreads = streamThreads == null ? 0 : streamThreads;
        if (commitInterval.isNegative() || commitInterval.isZero() || cacheSize < 0 || streamThreads < 0) {
            throw new IllegalArgumentException(
                    "situationroom.hotspot: commit-interval must be positive, cache-size "
                            + "not negative and stream-threads not negative (0: one per core but one, at most one per partition)");
        }
        alertQuietPeriod = alertQuietPeriod == null ? Duration.ofHours(24) : alertQuietPeriod;
        historyDays = historyDays == null ? 63 : historyDays;
        detectors = detectors == null ? DetectorSettings.defaults() : detectors;
        streamsConfig = streamsConfig == null ? Map.of() : Map.copyOf(streamsConfig);
        if (grace.isNegative() || repeatHorizon.compareTo(Duration.ofDays(1).plus(grace)) < 0) {
            throw new IllegalArgumentException("situationroom.hotspot: grace must not be negative and repeat-horizon "
                    + "must be at least a day plus the grace ("
                    + Duration.ofDays(1).plus(grace) + ")");
        }
        if (historyDays < 31) {
            throw new IllegalArgumentException("situationroom.hotspot.history-days must be at least 31, the EWMA's "
                    + "28 baseline days, its 2-day guard and today");
        }
        if (detectors.dailyMethod() == DetectorSettings.DailyMethod.FARRINGTON
                && historyDays + 1 < Statistics.farringtonDays()) {
            throw new IllegalArgumentException("situationroom.hotspot.history-days must be at least "
                    + (Statistics.farringtonDays() - 1) + " for the daily method FARRINGTON (8 weeks back and today)");
        }
        if (punctuateInterval.isZero()
                || punctuateInterval.isNegative()
                || publishInterval.isZero()
                || publishInterval.isNegative()
                || alertQuietPeriod.isNegative()) {
            throw new IllegalArgumentException("situationroom.hotspot: punctuate-interval, publish-interval and "
                    + "alert-quiet-period must be positive");
        }
    }

    /**
     * The stream threads to run: as set, or by default one per core but one, at most one per partition (a thread more
     * than the tasks would have nothing to do), and at least one.
     */
    public int streamThreads(int cores, int partitions) {
        return streamThreads > 0 ? streamThreads : Math.max(1, Math.min(cores - 1, partitions));
    }

    /** Every setting at its default. */
    public static HotspotSettings defaults() {
        return new HotspotSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}

package vn.situationroom.hotspot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the hotspot analytics ({@code situationroom.hotspot.*}).
 *
 * @param grace how long after a window's end a late event still counts in it (hour and day windows)
 * @param repeatHorizon how long an event id is remembered so that a repeat of it is not counted again
 * @param punctuateInterval how often, on the wall clock, windows are closed and quiet alerts resolved
 * @param alertQuietPeriod an alert with no new trigger for this long resolves itself; events older than this raise no
 *     alert (history being imported is not news)
 * @param historyDays how many past days of daily counts each commune keeps for the daily detectors
 * @param detectors the rules' and statistics' own settings
 */
@ConfigurationProperties("situationroom.hotspot")
public record HotspotSettings(
        Duration grace,
        Duration repeatHorizon,
        Duration punctuateInterval,
        Duration alertQuietPeriod,
        Integer historyDays,
        DetectorSettings detectors) {

    public HotspotSettings {
        grace = grace == null ? Duration.ofMinutes(10) : grace;
        repeatHorizon = repeatHorizon == null ? Duration.ofDays(7) : repeatHorizon;
        punctuateInterval = punctuateInterval == null ? Duration.ofSeconds(10) : punctuateInterval;
        alertQuietPeriod = alertQuietPeriod == null ? Duration.ofHours(24) : alertQuietPeriod;
        historyDays = historyDays == null ? 42 : historyDays;
        detectors = detectors == null ? DetectorSettings.defaults() : detectors;
        if (grace.isNegative() || repeatHorizon.compareTo(Duration.ofDays(1).plus(grace)) < 0) {
            throw new IllegalArgumentException("situationroom.hotspot: grace must not be negative and repeat-horizon "
                    + "must be at least a day plus the grace (" + Duration.ofDays(1).plus(grace) + ")");
        }
        if (historyDays < 31) {
            throw new IllegalArgumentException("situationroom.hotspot.history-days must be at least 31, the EWMA's "
                    + "28 baseline days, its 2-day guard and today");
        }
        if (punctuateInterval.isZero() || punctuateInterval.isNegative() || alertQuietPeriod.isNegative()) {
            throw new IllegalArgumentException("situationroom.hotspot: punctuate-interval and alert-quiet-period must "
                    + "be positive");
        }
    }

    /** Every setting at its default. */
    public static HotspotSettings defaults() {
        return new HotspotSettings(null, null, null, null, null, null);
    }
}

package vn.situationroom.hotspot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the hotspot analytics.
 *
 * @param window the length of the tumbling event-time window per commune
 * @param grace how long after a window's end a late event still counts in it
 * @param events thresholds on the number of events in a window (default 3, 6, 10); set all three or none
 * @param people thresholds on the number of people (sum of headcounts) in a window (default 5, 10, 20)
 * @param repeatHorizon how long an event id is remembered so that a repeat of it is not counted again; longer than
 *     any window plus its grace, since an older event can no longer change a count
 */
@ConfigurationProperties("situationroom.hotspot")
public record HotspotSettings(
        @DefaultValue("PT1H") Duration window,
        @DefaultValue("PT10M") Duration grace,
        Thresholds events,
        Thresholds people,
        Duration repeatHorizon) {

    public HotspotSettings {
        repeatHorizon = repeatHorizon == null ? Duration.ofDays(7) : repeatHorizon;
        if (repeatHorizon.compareTo(window.plus(grace)) < 0) {
            throw new IllegalArgumentException("situationroom.hotspot.repeat-horizon (" + repeatHorizon
                    + ") must be at least the window plus its grace (" + window.plus(grace) + ")");
        }
        events = events == null ? new Thresholds(3, 6, 10) : events;
        people = people == null ? new Thresholds(5, 10, 20) : people;
    }

    /** The level that a window's counts reach: the higher of the level by events and the level by people. */
    public HotspotLevel levelOf(long eventCount, long peopleCount) {
        return events.levelOf(eventCount).max(people.levelOf(peopleCount));
    }

    /**
     * The smallest count at which each level starts; below {@code watch} the level is NORMAL.
     */
    public record Thresholds(long watch, long warning, long critical) {

        public Thresholds {
            if (watch < 1 || warning < watch || critical < warning) {
                throw new IllegalArgumentException("Thresholds must satisfy 1 <= watch <= warning <= critical, not "
                        + watch + ", " + warning + ", " + critical);
            }
        }

        HotspotLevel levelOf(long count) {
            if (count >= critical) {
                return HotspotLevel.CRITICAL;
            }
            if (count >= warning) {
                return HotspotLevel.WARNING;
            }
            return count >= watch ? HotspotLevel.WATCH : HotspotLevel.NORMAL;
        }
    }
}

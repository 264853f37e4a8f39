package vn.situationroom.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.situationroom.hotspot.HotspotTopics;
import vn.situationroom.intake.IntakeTopics;

/**
 * How far the figures that come from the stream are behind what was taken in: the events the stream has not counted
 * yet, and the windows it counted that the history has not stored yet; and the moment both were last caught up, which
 * is the "data as of" of every figure from the stream. Measured every few seconds, whether or not a screen is open, so
 * that the moment is right when one opens. A wall, a report made while the stream works through a backlog, says so
 * instead of showing a silent zero.
 */
@Component
public class AnalyticsLag {

    private final SinkLag lag;
    private final Clock clock;
    private volatile Freshness current;

    AnalyticsLag(SinkLag lag, Clock clock) {
        this.lag = lag;
        this.clock = clock;
        this.current = new Freshness(-1, -1, clock.instant(), Instant.EPOCH);
    }

    /**
     * How fresh the figures are now.
     *
     * @param eventsBehind events taken in that the stream has not counted yet; -1 when the broker did not answer
     * @param windowsBehind counted windows not stored in the history yet; -1 when the broker did not answer
     * @param asOf the last moment at which both were caught up: the figures hold everything taken in until then
     * @param measuredAt when this was measured
     */
    public record Freshness(long eventsBehind, long windowsBehind, Instant asOf, Instant measuredAt) {

        /** Whether anything taken in is not in the figures yet, as far as the broker says. */
        public boolean behind() {
            return eventsBehind > 0 || windowsBehind > 0;
        }

        /** How long the figures have been behind at {@code now}; zero when caught up. */
        public Duration behindFor(Instant now) {
            return behind() ? Duration.between(asOf, now) : Duration.ZERO;
        }
    }

    /** The latest measure. */
    public Freshness current() {
        return current;
    }

    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT5S")
    void measure() {
        long events = lag.lagOfGroup(HotspotTopics.STREAM_APPLICATION_ID, IntakeTopics.RECEPTION_EVENTS.name());
        long windows = lag.lagOfGroup(HistorySink.INDICATORS_GROUP, HotspotTopics.COMMUNE_INDICATORS.name());
        Instant now = clock.instant();
        Freshness before = current;
        boolean caughtUp = events == 0 && windows == 0;
        // Unknown (the broker did not answer) keeps the last moment known to be caught up.
        current = new Freshness(events, windows, caughtUp ? now : before.asOf(), now);
    }
}

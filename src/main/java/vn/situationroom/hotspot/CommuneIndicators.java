package vn.situationroom.hotspot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One commune's indicators for one window: the value on {@code commune-indicators}, keyed by commune code. Updated
 * while the window is open, and written once more with {@code final} true when it closes.
 *
 * @param communeCode the commune
 * @param window {@code HOUR} or {@code DAY} (a day of the country's calendar)
 * @param windowStart the window's start
 * @param windowEnd the window's end (exclusive)
 * @param isFinal whether the window is closed and these are its last counts
 * @param counts the counters
 */
public record CommuneIndicators(
        String communeCode,
        WindowSize window,
        Instant windowStart,
        Instant windowEnd,
        @JsonProperty("final") boolean isFinal,
        Indicators counts) {

    /** The two window sizes. */
    public enum WindowSize {
        HOUR,
        DAY
    }

    CommuneIndicators with(Indicators newCounts) {
        return new CommuneIndicators(communeCode, window, windowStart, windowEnd, isFinal, newCounts);
    }

    CommuneIndicators closed() {
        return new CommuneIndicators(communeCode, window, windowStart, windowEnd, true, counts);
    }
}

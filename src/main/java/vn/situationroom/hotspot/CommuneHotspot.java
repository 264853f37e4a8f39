package vn.situationroom.hotspot;

import java.time.Instant;
import java.util.List;

/**
 * The current hotspot state of one commune: the value on {@code commune-hotspots}, keyed by commune code.
 *
 * @param communeCode the commune
 * @param level how much attention it needs: the highest of its open alerts and of its statistics
 * @param reasons why, most serious first; empty when NORMAL
 * @param windowStart the start of the current hour
 * @param windowEnd the end of the current hour (exclusive)
 * @param events events in the current hour
 * @param people people in the current hour (sum of headcounts)
 * @param asOf the time this state was computed
 */
public record CommuneHotspot(
        String communeCode,
        HotspotLevel level,
        List<Reason> reasons,
        Instant windowStart,
        Instant windowEnd,
        long events,
        long people,
        Instant asOf) {

    public CommuneHotspot {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}

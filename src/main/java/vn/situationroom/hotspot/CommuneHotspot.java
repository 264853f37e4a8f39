package vn.situationroom.hotspot;

import java.time.Instant;

/**
 * The current hotspot state of one commune: the value on {@code commune-hotspots}, keyed by commune code.
 *
 * @param communeCode the commune
 * @param level how much attention it needs
 * @param windowStart the start of the window the level comes from
 * @param windowEnd the end of that window (exclusive)
 * @param events events in the window
 * @param people people in the window (sum of headcounts)
 */
public record CommuneHotspot(
        String communeCode, HotspotLevel level, Instant windowStart, Instant windowEnd, long events, long people) {}

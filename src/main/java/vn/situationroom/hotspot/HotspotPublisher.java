package vn.situationroom.hotspot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A commune's hotspot state: its level, the highest of its alerts of events and of its statistics, with the reasons,
 * and the counts of the current hour. The statistics are evaluated again only when their input changed (a count of
 * the series, the day, the hour); a state is written when it differs from the last one written, apart from its time.
 */
final class HotspotPublisher {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final Statistics statistics;
    private final HotspotSettings settings;
    private final ZoneId zone;
    private final Map<String, CommuneHotspot> written = new HashMap<>();
    private final Map<String, Evaluated> evaluated = new HashMap<>();

    /** The statistics' reasons for an input: the series' version, the day and the hour they were evaluated for. */
    private record Evaluated(long version, long day, long hour, List<Reason> reasons) {}

    HotspotPublisher(Statistics statistics, HotspotSettings settings, ZoneId zone) {
        this.statistics = statistics;
        this.settings = settings;
        this.zone = zone;
    }

    /**
     * The commune's state at {@code wall}; {@code null} when {@code always} is false and nothing but its time changed
     * since the state last written.
     *
     * @param hour the counts of the current hour's window
     */
    CommuneHotspot hotspot(
            String commune, CommuneSeries series, WindowCounts hour, List<Alert> active, long wall, boolean always) {
        if (AlertCommand.DISTRICT.equals(commune)) {
            return null; // the district's own alerts give no commune a level
        }
        long hourStart = Math.floorDiv(wall, HOUR) * HOUR;
        // The level says what is forming on the ground: the alerts of events and the statistics. A late case is the
        // office's business, alerted on its own, and would otherwise keep a commune on watch for weeks.
        List<Reason> reasons = new ArrayList<>();
        active.stream().filter(alert -> alert.rule().onTheGround()).forEach(alert -> reasons.addAll(alert.reasons()));
        reasons.addAll(statisticsOf(commune, series, wall));
        reasons.sort(Comparator.comparing(Reason::severity).reversed());
        HotspotLevel level = reasons.stream().map(Reason::severity).reduce(HotspotLevel.NORMAL, HotspotLevel::max);
        CommuneHotspot hotspot = new CommuneHotspot(
                commune,
                level,
                reasons,
                Instant.ofEpochMilli(hourStart),
                Instant.ofEpochMilli(hourStart + HOUR),
                hour.events(),
                hour.people(),
                Instant.ofEpochMilli(wall));
        if (!always && sameApartFromTime(hotspot, written.get(commune))) {
            return null;
        }
        written.put(commune, hotspot);
        return hotspot;
    }

    private List<Reason> statisticsOf(String commune, CommuneSeries series, long wall) {
        long today = LocalDate.ofInstant(Instant.ofEpochMilli(wall), zone).toEpochDay();
        long hour = Math.floorDiv(wall, HOUR);
        Evaluated last = evaluated.get(commune);
        if (last != null && last.version() == series.version() && last.day() == today && last.hour() == hour) {
            return last.reasons();
        }
        List<Reason> reasons = evaluate(series, today, hour);
        evaluated.put(commune, new Evaluated(series.version(), today, hour, reasons));
        return reasons;
    }

    private List<Reason> evaluate(CommuneSeries series, long today, long hour) {
        int knownDays = series.knownDays(today);
        if (knownDays == 0) {
            return List.of();
        }
        int surgeDays = settings.detectors().surgeDays();
        double[] sameHourBefore = knownDays > surgeDays ? new double[surgeDays] : new double[0];
        for (int k = 0; k < sameHourBefore.length; k++) {
            sameHourBefore[k] = series.hour(hour - 24L * (surgeDays - k));
        }
        return List.copyOf(statistics.evaluate(series.daysUntil(today), knownDays, series.hour(hour), sameHourBefore));
    }

    private static boolean sameApartFromTime(CommuneHotspot a, CommuneHotspot b) {
        return b != null
                && a.level() == b.level()
                && a.reasons().equals(b.reasons())
                && a.windowStart().equals(b.windowStart())
                && a.events() == b.events()
                && a.people() == b.people();
    }
}

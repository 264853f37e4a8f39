package vn.situationroom.analysis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.situationroom.alerts.StandingAlerts;
import vn.situationroom.detection.SpaceTimeScan;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.DailyCounts;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.region.Region;
import vn.situationroom.region.RegionGeometry;

/**
 * The cluster alert: neighbouring communes whose visits and petitions of the last days together stand out from their
 * share of the period ({@link SpaceTimeScan}), checked with the standing conditions. A cluster at or below the
 * settings' p-value raises a WARNING alert on its centre commune, with its communes, its events and the expected, its
 * p-value and its first day; it ends when a later check no longer finds it.
 */
@Component
public class ClusterAlerts implements StandingAlerts.Check {

    private final DailyCounts counts;
    private final Region region;
    private final ObjectProvider<RegionGeometry> geometry;
    private final StandingAlerts standing;
    private final ClusterSettings settings;
    private final Clock clock;
    private SpaceTimeScan scan;

    @Autowired
    ClusterAlerts(
            DailyCounts counts,
            Region region,
            ObjectProvider<RegionGeometry> geometry,
            StandingAlerts standing,
            ClusterSettings settings,
            ElectionCalendar calendar,
            Clock clock) {
        this(counts, region, geometry, standing, settings, clock.withZone(calendar.zone()));
    }

    ClusterAlerts(
            DailyCounts counts,
            Region region,
            ObjectProvider<RegionGeometry> geometry,
            StandingAlerts standing,
            ClusterSettings settings,
            Clock clock) {
        this.counts = counts;
        this.region = region;
        this.geometry = geometry;
        this.standing = standing;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public StandingAlerts.Outcome check() {
        if (!settings.enabled()) {
            return new StandingAlerts.Outcome(List.of(), List.of());
        }
        return standing.sync(Set.of(AlertRule.CLUSTER), List.of(), clusters(), clock.instant());
    }

    /** The clusters found now at or below the settings' p-value, as conditions. */
    List<StandingAlerts.Condition> clusters() {
        return clustersOn(LocalDate.now(clock)).stream()
                .map(reason -> new StandingAlerts.Condition(
                        StandingAlerts.idOf(AlertRule.CLUSTER, reason.communes().getFirst(), reason.date()),
                        reason.communes().getFirst(),
                        AlertRule.CLUSTER,
                        HotspotLevel.WARNING,
                        reason))
                .toList();
    }

    /**
     * The clusters the scan finds as of the end of a day (the period of the settings ending that day, the clusters
     * ending on it) at or below the settings' p-value, each as the reason its alert gives: the communes (centre
     * first) by code and by name, the events and the expected, the p-value and the first day. What the check does
     * for today, and the back-test for any day.
     */
    List<Reason> clustersOn(LocalDate day) {
        RegionGeometry shapes = geometry.getObject();
        synchronized (this) {
            if (scan == null) {
                scan = new SpaceTimeScan(shapes.centres(), shapes.borders(), settings.scan());
            }
        }
        LocalDate from = day.minusDays(settings.periodDays() - 1L);
        Map<String, long[]> byCommune = counts.visitsAndPetitionsOfAll(from, day, clock.getZone());
        List<String> codes = shapes.codes();
        long[][] matrix = new long[codes.size()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = byCommune.getOrDefault(codes.get(i), new long[settings.periodDays()]);
        }
        List<Reason> found = new ArrayList<>();
        // One seed a day: the checks of a day, and a back-test of it, give the same p-values on the same counts.
        for (SpaceTimeScan.Cluster cluster : scan.scan(matrix, day.toEpochDay())) {
            if (cluster.pValue() > settings.alpha()) {
                continue;
            }
            List<String> communes =
                    Arrays.stream(cluster.communes()).mapToObj(codes::get).toList();
            found.add(new Reason(
                    AlertRule.CLUSTER.name(),
                    HotspotLevel.WARNING,
                    (double) cluster.observed(),
                    cluster.expected(),
                    cluster.pValue(),
                    null,
                    String.join(", ", communes.stream().map(region::shortName).toList()),
                    null,
                    day.minusDays(cluster.days() - 1L),
                    communes));
        }
        return found;
    }
}

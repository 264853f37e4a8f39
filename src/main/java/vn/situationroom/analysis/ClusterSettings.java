package vn.situationroom.analysis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.situationroom.detection.SpaceTimeScan;

/**
 * Settings of the space-time cluster scan ({@code situationroom.analysis.clusters.*}), run with the standing checks.
 *
 * @param enabled whether the scan runs
 * @param periodDays the days of history the scan compares the last days with, today included
 * @param maxDays the longest cluster, in days ending today
 * @param maxCommunes the most communes in a cluster
 * @param replications the Monte Carlo replications of the p-value
 * @param alpha the p-value at or below which a cluster raises an alert: checked every round, so lower than a one-off
 *     test's 0.05 would be (at 0.01 a region with no cluster sees a false one about once in a hundred days)
 * @param minEvents the fewest events a cluster may hold
 */
@ConfigurationProperties("situationroom.analysis.clusters")
public record ClusterSettings(
        Boolean enabled,
        Integer periodDays,
        Integer maxDays,
        Integer maxCommunes,
        Integer replications,
        Double alpha,
        Integer minEvents) {

    public ClusterSettings {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        periodDays = periodDays == null ? 28 : periodDays;
        maxDays = maxDays == null ? 7 : maxDays;
        maxCommunes = maxCommunes == null ? 10 : maxCommunes;
        replications = replications == null ? 999 : replications;
        alpha = alpha == null ? 0.01 : alpha;
        minEvents = minEvents == null ? 5 : minEvents;
        if (periodDays < 2 * maxDays || maxDays < 1) {
            throw new IllegalArgumentException("situationroom.analysis.clusters: period-days must be at least twice "
                    + "max-days, and max-days at least 1");
        }
        if (!(alpha > 0 && alpha < 1) || replications < 1.0 / alpha) {
            throw new IllegalArgumentException("situationroom.analysis.clusters: alpha must lie between 0 and 1 and "
                    + "replications reach at least 1/alpha");
        }
    }

    SpaceTimeScan.Params scan() {
        return new SpaceTimeScan.Params(maxDays, maxCommunes, replications, minEvents);
    }
}

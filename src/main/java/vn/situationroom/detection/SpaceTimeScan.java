package vn.situationroom.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Kulldorff's prospective space-time permutation scan statistic (Kulldorff et al. 2005, as SaTScan computes it) on
 * daily counts per commune: it looks for neighbouring communes whose last days together hold more events than their
 * own share of the period and the days' share of the region would give, without needing a population or a baseline.
 *
 * <p>Each candidate cluster is a cylinder: a zone (a commune and its nearest communes by distance between centres, up
 * to {@code maxCommunes}, each joining only when it borders the zone, directly or across a commune without events;
 * communes without any event in the period belong to no zone) over the last 1 to {@code maxDays} days of the period. With C the events of the period, C_z the zone's events over the period and C_d
 * the region's events over the days, the expected count is μ = C_z·C_d/C, and the log likelihood ratio of c events
 * is {@code c·ln(c/μ) + (C − c)·ln((C − c)/(C − μ))} where c &gt; μ. The p-value of the best cylinder is its rank
 * among the best of {@code replications} copies of the period in which the events' days were shuffled between the
 * events (which keeps every commune's total and every day's total), as SaTScan's Monte Carlo does. Further clusters
 * that share no commune with a better one are reported against the same replications.
 */
public final class SpaceTimeScan {

    /**
     * The scan's settings.
     *
     * @param maxDays the longest cluster, in days ending on the last day of the period
     * @param maxCommunes the most communes in a zone
     * @param replications the Monte Carlo replications, such as 999
     * @param minEvents the fewest events a cluster may hold
     */
    public record Params(int maxDays, int maxCommunes, int replications, int minEvents) {

        public Params {
            if (maxDays < 1 || maxCommunes < 1 || replications < 1 || minEvents < 1) {
                throw new IllegalArgumentException(
                        "maxDays, maxCommunes, replications and minEvents must each be at least 1");
            }
        }

        /** A week at most, 10 communes at most, 999 replications, at least 3 events. */
        public static Params defaults() {
            return new Params(7, 10, 999, 3);
        }
    }

    /**
     * A cluster found.
     *
     * @param communes the communes' indexes, the zone's centre first
     * @param days how many days, ending on the last day of the period
     * @param observed the events in it
     * @param expected the events expected in it
     * @param llr its log likelihood ratio
     * @param pValue its Monte Carlo p-value
     */
    public record Cluster(int[] communes, int days, long observed, double expected, double llr, double pValue) {

        /** The observed over the expected events. */
        public double relativeRisk() {
            return observed / expected;
        }
    }

    /**
     * Up to this many events per class, a commune's events in a replication are drawn one at a time; beyond, one
     * hypergeometric draw per class (about as costly as this many single draws; bench/scan.sh measures both).
     */
    private static final int ONE_BY_ONE = 6;

    /** How many of its nearest communes a zone may grow through, at least: enough to step around quiet ones. */
    private static final int NEAREST = 50;

    private final int[][] nearest;
    private final int[][] borders;
    private final Params params;

    /**
     * @param centres each commune's centre (x, y), to order a commune's neighbours by distance
     * @param borders each commune's bordering communes (indexes); a zone must be connected through them
     */
    public SpaceTimeScan(double[][] centres, int[][] borders, Params params) {
        this.params = params;
        this.borders = borders;
        this.nearest = nearest(centres, Math.max(NEAREST, 5 * params.maxCommunes()));
    }

    /**
     * The clusters of the period, the most likely first, each with its p-value; clusters that share a commune with a
     * better one are left out.
     *
     * @param counts the events per commune (first index) and day of the period (second index, the last day last)
     * @param seed the seed of the replications, so that a scan can be repeated
     */
    public List<Cluster> scan(long[][] counts, long seed) {
        int communes = counts.length;
        int days = counts[0].length;
        int maxDays = Math.min(params.maxDays(), days);
        long[] communeTotals = new long[communes];
        long[] dayTotals = new long[days];
        long total = 0;
        for (int z = 0; z < communes; z++) {
            for (int d = 0; d < days; d++) {
                communeTotals[z] += counts[z][d];
                dayTotals[d] += counts[z][d];
            }
            total += communeTotals[z];
        }
        if (total == 0) {
            return List.of();
        }
        // The region's events over the last w days, for w = 1..maxDays.
        long[] lastDays = new long[maxDays + 1];
        for (int w = 1; w <= maxDays; w++) {
            lastDays[w] = lastDays[w - 1] + dayTotals[days - w];
        }
        // Communes without any event in the period are no part of any zone (they would only tie the zone without
        // them), but a zone may reach across one to a commune beyond it. A shuffle keeps every commune's total, so the
        // replications scan the same zones.
        int[][] zones = zones(communeTotals);
        List<Cluster> candidates = candidates(zones, recent(counts, maxDays), communeTotals, lastDays, total);
        if (candidates.isEmpty()) {
            return List.of();
        }
        double[] maxima = replicate(zones, counts, communeTotals, dayTotals, lastDays, total, maxDays, seed);
        List<Cluster> found = new ArrayList<>();
        BitSet taken = new BitSet(communes);
        for (Cluster candidate : candidates) {
            if (Arrays.stream(candidate.communes()).anyMatch(taken::get)) {
                continue;
            }
            int higher = 0;
            for (double maximum : maxima) {
                if (maximum >= candidate.llr()) {
                    higher++;
                }
            }
            double p = (higher + 1.0) / (maxima.length + 1.0);
            found.add(new Cluster(
                    candidate.communes(),
                    candidate.days(),
                    candidate.observed(),
                    candidate.expected(),
                    candidate.llr(),
                    p));
            Arrays.stream(candidate.communes()).forEach(taken::set);
        }
        return found;
    }

    /** Each commune's events over its last w days, for w = 0..maxDays. */
    private static long[][] recent(long[][] counts, int maxDays) {
        int days = counts[0].length;
        long[][] recent = new long[counts.length][maxDays + 1];
        for (int z = 0; z < counts.length; z++) {
            for (int w = 1; w <= maxDays; w++) {
                recent[z][w] = recent[z][w - 1] + counts[z][days - w];
            }
        }
        return recent;
    }

    /** The best cylinder of each zone with an excess, best first. */
    private List<Cluster> candidates(
            int[][] zones, long[][] recent, long[] communeTotals, long[] lastDays, long total) {
        List<Cluster> candidates = new ArrayList<>();
        int maxDays = lastDays.length - 1;
        for (int[] zone : zones) {
            long zoneTotal = 0;
            long[] observed = new long[maxDays + 1];
            for (int size = 1; size <= zone.length; size++) {
                int commune = zone[size - 1];
                zoneTotal += communeTotals[commune];
                Cluster best = null;
                for (int w = 1; w <= maxDays; w++) {
                    observed[w] += recent[commune][w];
                    double expected = (double) zoneTotal * lastDays[w] / total;
                    double llr = llr(observed[w], expected, total);
                    if (observed[w] >= params.minEvents() && llr > 0 && (best == null || llr > best.llr())) {
                        best = new Cluster(Arrays.copyOf(zone, size), w, observed[w], expected, llr, Double.NaN);
                    }
                }
                if (best != null) {
                    candidates.add(best);
                }
            }
        }
        // The most likely first; of equally likely ones the smallest (a commune without any event in the period adds
        // nothing to a zone, so the zone with it ties the one without).
        candidates.sort(Comparator.comparingDouble(Cluster::llr)
                .reversed()
                .thenComparingInt(cluster -> cluster.communes().length));
        return candidates;
    }

    /**
     * The best log likelihood ratio of each replication, the events' days shuffled between the events. Only how many
     * of each commune's events fall on each of the last maxDays days (the other days are one class) matters, and a
     * shuffle gives those counts the multivariate hypergeometric distribution: each commune in turn draws its events
     * from what the communes before it left, class by class. So a replication costs one draw per commune and class,
     * however many events the period holds.
     */
    private double[] replicate(
            int[][] zones,
            long[][] counts,
            long[] communeTotals,
            long[] dayTotals,
            long[] lastDays,
            long total,
            int maxDays,
            long seed) {
        int days = dayTotals.length;
        // Class w: the w-th last day; class 0: the days before the last maxDays.
        long[] classes = new long[maxDays + 1];
        for (int d = 0; d < days; d++) {
            classes[days - d <= maxDays ? days - d : 0] += dayTotals[d];
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] maxima = new double[params.replications()];
        long[][] recent = new long[counts.length][maxDays + 1];
        long[] left = new long[maxDays + 1];
        for (int r = 0; r < maxima.length; r++) {
            System.arraycopy(classes, 0, left, 0, left.length);
            // The events not yet drawn by a commune: what the communes before this one left.
            long pool = total;
            for (int z = 0; z < counts.length; z++) {
                long[] row = recent[z];
                Arrays.fill(row, 0);
                long wanted = communeTotals[z];
                long rest = pool;
                pool -= wanted;
                if (wanted <= ONE_BY_ONE * (maxDays + 1)) {
                    // A commune of few events draws them one at a time: cheaper than a draw per class.
                    for (; wanted > 0; wanted--) {
                        long pick = random.nextLong(rest--);
                        int w = 0;
                        while (pick >= left[w]) {
                            pick -= left[w++];
                        }
                        left[w]--;
                        row[w]++;
                    }
                    row[0] = 0;
                } else {
                    // The events not yet drawn in the classes from w on, class 0 last.
                    for (int w = 1; w <= maxDays && wanted > 0; w++) {
                        long drawn = Hypergeometric.sample(random, left[w], rest - left[w], wanted);
                        rest -= left[w];
                        row[w] = drawn;
                        left[w] -= drawn;
                        wanted -= drawn;
                    }
                    left[0] -= wanted;
                }
                // From "events on the w-th last day" to "events over the last w days".
                for (int w = 1; w <= maxDays; w++) {
                    row[w] += row[w - 1];
                }
            }
            maxima[r] = best(zones, recent, communeTotals, lastDays, total);
        }
        return maxima;
    }

    private double best(int[][] zones, long[][] recent, long[] communeTotals, long[] lastDays, long total) {
        int maxDays = lastDays.length - 1;
        double best = 0;
        long[] observed = new long[maxDays + 1];
        for (int[] zone : zones) {
            long zoneTotal = 0;
            Arrays.fill(observed, 0);
            for (int commune : zone) {
                zoneTotal += communeTotals[commune];
                for (int w = 1; w <= maxDays; w++) {
                    observed[w] += recent[commune][w];
                    if (observed[w] >= params.minEvents()) {
                        double llr = llr(observed[w], (double) zoneTotal * lastDays[w] / total, total);
                        if (llr > best) {
                            best = llr;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** The log likelihood ratio of c events where μ were expected, of C in all; 0 without an excess. */
    static double llr(long c, double mu, long total) {
        if (c <= mu || mu <= 0) {
            return 0;
        }
        double ratio = c * Math.log(c / mu);
        long rest = total - c;
        if (rest > 0) {
            ratio += rest * Math.log(rest / (total - mu));
        }
        return ratio;
    }

    /** Each commune's nearest communes by distance between centres, itself first. */
    private static int[][] nearest(double[][] centres, int count) {
        int n = centres.length;
        int[][] nearest = new int[n][];
        Integer[] order = new Integer[n];
        for (int centre = 0; centre < n; centre++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            double[] from = centres[centre];
            int self = centre;
            // The commune itself first even where another's centre coincides with its own.
            Arrays.sort(
                    order,
                    Comparator.comparingInt((Integer i) -> i == self ? 0 : 1)
                            .thenComparingDouble(i -> distance(from, centres[i])));
            nearest[centre] = Arrays.stream(order, 0, Math.min(n, count))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        return nearest;
    }

    /**
     * For each commune with events, its zones: the commune, then, one at a time, the nearest commune with events that
     * borders the zone (directly, or across a commune without events), up to the largest zone. A commune without
     * events has no zone (an empty array).
     */
    private int[][] zones(long[] communeTotals) {
        int n = communeTotals.length;
        int[][] zones = new int[n][];
        for (int centre = 0; centre < n; centre++) {
            if (communeTotals[centre] == 0) {
                zones[centre] = new int[0];
                continue;
            }
            List<Integer> zone = new ArrayList<>();
            BitSet in = new BitSet(n);
            zone.add(centre);
            in.set(centre);
            while (zone.size() < params.maxCommunes()) {
                int next = -1;
                for (int candidate : nearest[centre]) {
                    if (!in.get(candidate) && communeTotals[candidate] > 0 && reaches(candidate, in, communeTotals)) {
                        next = candidate;
                        break;
                    }
                }
                if (next < 0) {
                    break;
                }
                zone.add(next);
                in.set(next);
            }
            zones[centre] = zone.stream().mapToInt(Integer::intValue).toArray();
        }
        return zones;
    }

    /** Whether a commune borders the zone, or borders a commune without events that borders the zone. */
    private boolean reaches(int candidate, BitSet zone, long[] communeTotals) {
        if (borders(borders[candidate], zone)) {
            return true;
        }
        for (int between : borders[candidate]) {
            if (communeTotals[between] == 0 && borders(borders[between], zone)) {
                return true;
            }
        }
        return false;
    }

    private static boolean borders(int[] neighbours, BitSet zone) {
        for (int neighbour : neighbours) {
            if (zone.get(neighbour)) {
                return true;
            }
        }
        return false;
    }

    private static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        return dx * dx + dy * dy;
    }
}

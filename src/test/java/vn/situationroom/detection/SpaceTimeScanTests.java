package vn.situationroom.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The space-time scan on a 5 × 5 grid of communes (each bordering the ones beside it) with four weeks of daily counts
 * with a weekly rhythm: a simulated cluster of three neighbouring communes over the last two days is found and
 * located; with no cluster, a cluster at p ≤ 0.05 is found about one time in twenty, as the p-value promises.
 */
class SpaceTimeScanTests {

    private static final int SIDE = 5;
    private static final int DAYS = 28;
    private static final double[] WEEK = {1.3, 1.3, 1.3, 1.3, 1.3, 0.5, 0.25};

    private final RandomDataGenerator random = new RandomDataGenerator(new Well19937c(20261206));
    private final SpaceTimeScan scan = new SpaceTimeScan(centres(), borders(), new SpaceTimeScan.Params(7, 8, 199, 3));

    @Test
    void three_neighbouring_communes_with_a_surge_over_the_last_two_days_are_found_and_located() {
        Set<Integer> injected = Set.of(12, 13, 17); // the centre of the grid, the one east of it, the one south
        int found = 0;
        int located = 0;
        int runs = 50;
        for (int run = 0; run < runs; run++) {
            long[][] counts = quiet(1.5);
            for (int commune : injected) {
                for (int day = DAYS - 2; day < DAYS; day++) {
                    counts[commune][day] += random.nextPoisson(3.0);
                }
            }
            List<SpaceTimeScan.Cluster> clusters = scan.scan(counts, run);
            SpaceTimeScan.Cluster best = clusters.getFirst();
            if (best.pValue() <= 0.05) {
                found++;
                Set<Integer> communes = Arrays.stream(best.communes()).boxed().collect(Collectors.toSet());
                long right = communes.stream().filter(injected::contains).count();
                if (right >= 2 && communes.size() - right <= 2) {
                    located++;
                }
            }
        }
        assertThat(found).as("runs in which the cluster is significant at 0.05").isGreaterThanOrEqualTo(45);
        assertThat(located)
                .as("runs in which it is located (2 of its 3 communes, at most 2 others)")
                .isGreaterThanOrEqualTo(found * 8 / 10);
    }

    @Test
    void without_a_cluster_one_is_found_at_p_005_about_one_time_in_twenty() {
        int runs = 300;
        int falseClusters = 0;
        List<Double> pValues = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            List<SpaceTimeScan.Cluster> clusters = scan.scan(quiet(1.5), 1000 + run);
            double p = clusters.isEmpty() ? 1 : clusters.getFirst().pValue();
            pValues.add(p);
            if (p <= 0.05) {
                falseClusters++;
            }
        }
        assertThat(falseClusters / (double) runs)
                .as("the false cluster rate at the nominal 0.05 (binomial 300 runs: 0.05 ± 0.025 at 2 sd)")
                .isBetween(0.025, 0.09);
        assertThat(pValues.stream().filter(p -> p <= 0.5).count() / (double) runs)
                .as("about half at 0.5")
                .isBetween(0.4, 0.6);
    }

    @Test
    void the_expected_count_is_the_communes_share_times_the_days_share() {
        long[][] counts = new long[SIDE * SIDE][DAYS];
        for (long[] row : counts) {
            Arrays.fill(row, 1);
        }
        counts[0][DAYS - 1] = 11;
        List<SpaceTimeScan.Cluster> clusters = scan.scan(counts, 1);
        SpaceTimeScan.Cluster best = clusters.getFirst();
        assertThat(best.communes()).containsExactly(0);
        assertThat(clusters)
                .as("one commune stands out; the rest share no excess")
                .hasSize(1);
        assertThat(best.days()).isEqualTo(1);
        assertThat(best.observed()).isEqualTo(11);
        long total = SIDE * SIDE * DAYS + 10;
        // The commune's 38 events over the period times the last day's 35 in the region, over all events.
        assertThat(best.expected()).isCloseTo(38.0 * 35 / total, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(best.pValue()).isEqualTo(1.0 / 200);
    }

    private long[][] quiet(double rate) {
        long[][] counts = new long[SIDE * SIDE][DAYS];
        for (int commune = 0; commune < counts.length; commune++) {
            for (int day = 0; day < DAYS; day++) {
                counts[commune][day] = random.nextPoisson(rate * WEEK[day % 7]);
            }
        }
        return counts;
    }

    private static double[][] centres() {
        double[][] centres = new double[SIDE * SIDE][];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = new double[] {i % SIDE, i / SIDE};
        }
        return centres;
    }

    private static int[][] borders() {
        int[][] borders = new int[SIDE * SIDE][];
        for (int i = 0; i < borders.length; i++) {
            List<Integer> next = new ArrayList<>();
            int x = i % SIDE;
            int y = i / SIDE;
            if (x > 0) next.add(i - 1);
            if (x < SIDE - 1) next.add(i + 1);
            if (y > 0) next.add(i - SIDE);
            if (y < SIDE - 1) next.add(i + SIDE);
            borders[i] = next.stream().mapToInt(Integer::intValue).toArray();
        }
        return borders;
    }
}

package vn.situationroom.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The space-time scan's benchmark, not a test (bench/scan.sh runs it): how long one scan of the cluster check takes
 * (999 replications, clusters of up to 7 days and 10 communes, a period of 28 days) for regions of a given number of
 * communes (a square grid, each bordering the ones beside it) and a given number of events in the period, spread over
 * the communes and days at random. Settings (system properties): bench.communes (105,3321), bench.events
 * (10000,300000,3000000), bench.repeats (3; the fastest is reported, after one scan to warm up). The report goes to
 * standard output and to target/bench/scan.txt.
 */
class SpaceTimeScanBenchmark {

    private static final int DAYS = 28;

    @Test
    void one_scan_for_regions_and_periods_of_each_size() throws IOException {
        int[] communeCounts = ints(System.getProperty("bench.communes", "105,3321"));
        long[] eventCounts = Arrays.stream(System.getProperty("bench.events", "10000,300000,3000000")
                        .split(","))
                .mapToLong(Long::parseLong)
                .toArray();
        int repeats = Integer.getInteger("bench.repeats", 3);
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "space-time scan: %d replications, up to 7 days and 10 communes, %d days; fastest of %d%n%n"
                        + "| communes | events in the period | one scan |%n| --- | --- | --- |%n",
                SpaceTimeScan.Params.defaults().replications(),
                DAYS,
                repeats));
        for (int communes : communeCounts) {
            int side = (int) Math.ceil(Math.sqrt(communes));
            SpaceTimeScan scan = new SpaceTimeScan(
                    centres(communes, side), borders(communes, side), SpaceTimeScan.Params.defaults());
            for (long events : eventCounts) {
                long[][] counts = counts(communes, events, new SplittableRandom(events + communes));
                scan.scan(counts, 1);
                long fastest = Long.MAX_VALUE;
                for (int r = 0; r < repeats; r++) {
                    long started = System.nanoTime();
                    scan.scan(counts, r + 2L);
                    fastest = Math.min(fastest, System.nanoTime() - started);
                }
                report.append(
                        String.format(Locale.ROOT, "| %,d | %,d | %,.0f ms |%n", communes, events, fastest / 1e6));
            }
        }
        System.out.print(report);
        Path out = Path.of("target", "bench", "scan.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** Events spread at random over the communes (each its own rate) and the days. */
    private static long[][] counts(int communes, long events, SplittableRandom random) {
        double[] weight = new double[communes];
        double sum = 0;
        for (int c = 0; c < communes; c++) {
            weight[c] = 0.2 + random.nextDouble();
            sum += weight[c];
        }
        long[][] counts = new long[communes][DAYS];
        long placed = 0;
        for (int c = 0; c < communes; c++) {
            long share = c == communes - 1 ? events - placed : Math.round(events * weight[c] / sum);
            share = Math.min(share, events - placed);
            placed += share;
            for (long e = 0; e < share; e++) {
                counts[c][random.nextInt(DAYS)]++;
            }
        }
        return counts;
    }

    private static double[][] centres(int communes, int side) {
        double[][] centres = new double[communes][];
        for (int i = 0; i < communes; i++) {
            centres[i] = new double[] {i % side, i / side};
        }
        return centres;
    }

    private static int[][] borders(int communes, int side) {
        int[][] borders = new int[communes][];
        for (int i = 0; i < communes; i++) {
            List<Integer> next = new ArrayList<>();
            int x = i % side;
            int y = i / side;
            if (x > 0) next.add(i - 1);
            if (x < side - 1 && i + 1 < communes) next.add(i + 1);
            if (y > 0) next.add(i - side);
            if (i + side < communes) next.add(i + side);
            borders[i] = next.stream().mapToInt(Integer::intValue).toArray();
        }
        return borders;
    }
}

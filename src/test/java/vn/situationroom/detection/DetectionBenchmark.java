package vn.situationroom.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The daily detectors' benchmark, not a test (bench/detection.sh runs it): every method on the same simulated
 * communes ({@link SurgeSimulator}: rates 0.3 to 4 a day with a weekly rhythm, surges of 1 to 4 days with their days
 * known), scored by {@link DetectorScore}, overall and by rate. Settings (system properties): bench.per-rate (200
 * communes of each rate, each a year scored), bench.seed (20261206). The report goes to standard output and to
 * target/bench/detection.txt.
 */
class DetectionBenchmark {

    private final int perRate = Integer.getInteger("bench.per-rate", 200);
    private final long seed = Long.getLong("bench.seed", 20261206L);

    @Test
    void every_daily_detector_on_the_same_simulated_surges() throws IOException {
        List<SurgeSimulator.Series> series =
                new SurgeSimulator(seed, SurgeSimulator.Shape.standard()).communes(perRate);
        Map<String, Function<double[], List<Detection>>> methods = new LinkedHashMap<>();
        methods.put("EARS C1 (minSigma 0.5)", s -> Detector.C1.detect(s, Map.of("minSigma", 0.5)));
        methods.put("EARS C2 (minSigma 0.5)", s -> Detector.C2.detect(s, Map.of("minSigma", 0.5)));
        methods.put("EARS C3 (minSigma 0.5)", s -> Detector.C3.detect(s, Map.of("minSigma", 0.5)));
        methods.put("EWMA, weight 0.4", s -> Detector.EWMA.detect(s, Map.of("weight", 0.4)));
        methods.put("EWMA, weight 0.9", s -> Detector.EWMA.detect(s, Map.of("weight", 0.9)));
        methods.put(
                "Farrington, R's defaults (b 5, w 3, delta, limit54 5/4)",
                s -> Farrington.detect(
                        s,
                        new Farrington.Params(
                                5, 3, 1, 0.05, true, true, 2.58, null, 5, 4, null, Farrington.ThresholdMethod.DELTA)));
        methods.put(
                "Farrington-Flexible, Noufaily's (b 8, 7 weekday levels, nbPlugin, α 0.05, weights 2.58, trend)",
                s -> Farrington.detect(
                        s,
                        new Farrington.Params(
                                8, 0, 7, 0.05, true, true, 2.58, null, 1, 1, 0, Farrington.ThresholdMethod.NB_PLUGIN)));
        methods.put("FARRINGTON = AUTO (this product's defaults)", s -> Detector.FARRINGTON.detect(s, Map.of()));
        methods.put("FARRINGTON without trend", s -> Detector.FARRINGTON.detect(s, Map.of("trend", 0)));

        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "detection: %d communes (%d of each rate %s a day), %d days scored each, seed %d%n%n",
                series.size(),
                perRate,
                java.util.Arrays.toString(SurgeSimulator.RATES),
                SurgeSimulator.Shape.standard().days()
                        - SurgeSimulator.Shape.standard().burnInDays(),
                seed));
        report.append(
                "| method | sensitivity | specificity | mean delay (days) | false alarms a day in 105 communes |\n");
        report.append("| --- | --- | --- | --- | --- |\n");
        List<String> byRate = new ArrayList<>();
        for (var method : methods.entrySet()) {
            long start = System.nanoTime();
            DetectorScore score = DetectorScore.of(series, method.getValue());
            report.append(row(method.getKey(), score));
            System.out.printf(Locale.ROOT, "%s: %d ms%n", method.getKey(), (System.nanoTime() - start) / 1_000_000);
            StringBuilder rates = new StringBuilder(method.getKey() + " by rate:");
            for (double rate : SurgeSimulator.RATES) {
                DetectorScore one = DetectorScore.of(
                        series.stream().filter(s -> s.rate() == rate).toList(), method.getValue());
                rates.append(String.format(
                        Locale.ROOT,
                        " %.1f/day %.1f%% at %.2f%% (delay %.2f);",
                        rate,
                        100 * one.sensitivity(),
                        100 * one.specificity(),
                        one.meanDelay()));
            }
            byRate.add(rates.toString());
        }
        report.append('\n');
        byRate.forEach(line -> report.append(line).append('\n'));
        System.out.print(report);
        Path out = Path.of("target", "bench", "detection.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String row(String name, DetectorScore score) {
        return String.format(
                Locale.ROOT,
                "| %s | %.1f %% (%d of %d) | %.2f %% | %.3f | %.2f |%n",
                name,
                100 * score.sensitivity(),
                score.detected(),
                score.surges(),
                100 * score.specificity(),
                score.meanDelay(),
                105.0 * score.falseAlarms() / score.quietDays());
    }
}

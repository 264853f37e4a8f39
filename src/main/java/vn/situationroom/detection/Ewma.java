package vn.situationroom.detection;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * An EWMA detector in the style of ESSENCE (the US syndromic surveillance system) for daily counts.
 *
 * <p>The smoothed count is {@code S(t) = w·x(t) + (1 − w)·S(t − 1)}, starting from {@code S(0) = x(0)}. Day t is
 * compared with a baseline of {@code baseline} days that ends {@code guard} days before it (t − guard − baseline ..
 * t − guard − 1), so that the start of an outbreak does not raise its own baseline: with mean m and standard deviation
 * s (n − 1, floored at {@code minSigma}), the test statistic is {@code (S(t) − m) / (s·sqrt(w / (2 − w)))}, and its
 * one-sided p-value from Student's t with baseline − 1 degrees of freedom grades the day: red below {@code red},
 * yellow below {@code yellow}. Days without a full baseline have no bound.
 */
public final class Ewma {

    /**
     * The parameters.
     *
     * @param weight the smoothing weight w, in (0, 1]; ESSENCE uses 0.4 (follows the last days) and 0.9 (sudden rises)
     * @param baseline the number of baseline days (default 28)
     * @param guard the days between the baseline and the day tested (default 2)
     * @param red the p-value below which a day is red (default 0.01)
     * @param yellow the p-value below which a day is yellow (default 0.05)
     * @param minSigma the floor of the baseline's standard deviation, for sparse counts (default 0.5)
     */
    public record Params(Double weight, Integer baseline, Integer guard, Double red, Double yellow, Double minSigma) {

        public Params {
            weight = weight == null ? 0.4 : weight;
            baseline = baseline == null ? 28 : baseline;
            guard = guard == null ? 2 : guard;
            red = red == null ? 0.01 : red;
            yellow = yellow == null ? 0.05 : yellow;
            minSigma = minSigma == null ? 0.5 : minSigma;
            if (!(weight > 0 && weight <= 1)) {
                throw new IllegalArgumentException("weight must lie in (0, 1]");
            }
            if (baseline < 3 || guard < 0) {
                throw new IllegalArgumentException("baseline must be at least 3 days and guard not negative");
            }
            if (!(red > 0 && red < yellow && yellow < 1)) {
                throw new IllegalArgumentException("red and yellow are p-values with 0 < red < yellow < 1");
            }
            if (minSigma < 0) {
                throw new IllegalArgumentException("minSigma must not be negative");
            }
        }
    }

    private Ewma() {}

    /** Each day's smoothed count, its yellow bound, and its grade. */
    public static List<Detection> detect(double[] observed, Params params) {
        double w = params.weight();
        TDistribution t = new TDistribution(params.baseline() - 1);
        double yellowQuantile = t.inverseCumulativeProbability(1 - params.yellow());
        List<Detection> days = new ArrayList<>(observed.length);
        double smoothed = observed.length == 0 ? 0 : observed[0];
        for (int day = 0; day < observed.length; day++) {
            smoothed = day == 0 ? observed[0] : w * observed[day] + (1 - w) * smoothed;
            int first = day - params.guard() - params.baseline();
            if (first < 0) {
                days.add(Detection.none(day, observed[day]));
                continue;
            }
            double mean = 0;
            for (int i = first; i < first + params.baseline(); i++) {
                mean += observed[i];
            }
            mean /= params.baseline();
            double squares = 0;
            for (int i = first; i < first + params.baseline(); i++) {
                squares += (observed[i] - mean) * (observed[i] - mean);
            }
            double sigma = Math.max(Math.sqrt(squares / (params.baseline() - 1)), params.minSigma());
            double scale = sigma * Math.sqrt(w / (2 - w));
            if (scale == 0) {
                days.add(Detection.none(day, observed[day]));
                continue;
            }
            double p = 1 - t.cumulativeProbability((smoothed - mean) / scale);
            String level = p < params.red() ? "RED" : p < params.yellow() ? "YELLOW" : null;
            days.add(new Detection(day, observed[day], mean + yellowQuantile * scale, level != null, smoothed, level));
        }
        return days;
    }
}

package vn.situationroom.detection;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The CDC's EARS C1, C2 and C3 on a daily series, computed exactly as R's {@code surveillance::earsC} (1.20.3) does:
 * the same reference days, the sample standard deviation (n − 1) floored at {@code minSigma}, the same default range
 * (no bound before it), and an alarm when the observed count is above the upper bound.
 */
public final class EarsC {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    /** The three methods: C1 compares with the 7 days before, C2 leaves a 2-day gap, C3 adds C2's last two days. */
    public enum Method {
        C1,
        C2,
        C3
    }

    /**
     * The parameters, named as in {@code earsC}'s control list.
     *
     * @param method C1, C2 or C3
     * @param baseline the number of reference days, at least 3 (R's default 7)
     * @param alpha the false alarm probability; {@code null} takes R's default, 0.001 for C1 and C2 and 0.025 for C3
     * @param minSigma the floor of the standard deviation, at least 0 (R's default 0)
     */
    public record Params(Method method, Integer baseline, Double alpha, Double minSigma) {

        public Params {
            method = method == null ? Method.C1 : method;
            baseline = baseline == null ? 7 : baseline;
            alpha = alpha == null ? (method == Method.C3 ? 0.025 : 0.001) : alpha;
            minSigma = minSigma == null ? 0.0 : minSigma;
            if (baseline < 3) {
                throw new IllegalArgumentException("baseline must be at least 3, as in earsC");
            }
            if (minSigma < 0) {
                throw new IllegalArgumentException("minSigma must not be negative, as in earsC");
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must lie between 0 and 1");
            }
        }

        /** The days before the first one that gets a bound. */
        public int maxLag() {
            return switch (method) {
                case C1 -> baseline;
                case C2 -> baseline + 2;
                case C3 -> baseline + 4;
            };
        }
    }

    private EarsC() {}

    /** The upper bound and alarm of every day; days before the default range have neither. */
    public static List<Detection> detect(double[] observed, Params params) {
        double z = NORMAL.inverseCumulativeProbability(1 - params.alpha());
        List<Detection> days = new ArrayList<>(observed.length);
        for (int t = 0; t < observed.length; t++) {
            if (t < params.maxLag()) {
                days.add(Detection.none(t, observed[t]));
                continue;
            }
            double bound = switch (params.method()) {
                case C1 -> reference(observed, t, 1, params).bound(z);
                case C2 -> reference(observed, t, 3, params).bound(z);
                case C3 -> c3Bound(observed, t, z, params);
            };
            days.add(Detection.of(t, observed[t], bound));
        }
        return days;
    }

    /** C3: today's count plus sd·(z − the previous two days' max(0, C2 − 1)), at least 0. */
    private static double c3Bound(double[] observed, int t, double z, Params params) {
        double lag1 = Math.max(0, c2(observed, t - 1, params) - 1);
        double lag2 = Math.max(0, c2(observed, t - 2, params) - 1);
        // R's pmax(0, NaN) is NaN: a day whose C2 is undefined leaves the bound undefined.
        if (Double.isNaN(lag1) || Double.isNaN(lag2)) {
            return Double.NaN;
        }
        double bound = observed[t] + reference(observed, t, 3, params).sigma() * (z - (lag1 + lag2));
        return Double.isNaN(bound) ? bound : Math.max(0, bound);
    }

    private static double c2(double[] observed, int t, Params params) {
        Reference reference = reference(observed, t, 3, params);
        return (observed[t] - reference.mean()) / reference.sigma();
    }

    /** The mean and floored standard deviation of the {@code baseline} days ending {@code lag} days before t. */
    private static Reference reference(double[] observed, int t, int lag, Params params) {
        int n = params.baseline();
        double sum = 0;
        for (int i = t - lag - n + 1; i <= t - lag; i++) {
            sum += observed[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = t - lag - n + 1; i <= t - lag; i++) {
            squares += (observed[i] - mean) * (observed[i] - mean);
        }
        return new Reference(mean, Math.max(Math.sqrt(squares / (n - 1)), params.minSigma()));
    }

    private record Reference(double mean, double sigma) {

        double bound(double z) {
            return mean + z * sigma;
        }
    }
}

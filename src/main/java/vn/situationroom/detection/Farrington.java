package vn.situationroom.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * The Farrington-Flexible detector (Noufaily et al. 2013) on a daily series taken as periodic over the week, computed
 * exactly as R's {@code surveillance::farringtonFlexible} (1.20.3) computes it on {@code sts(observed, frequency = 7)}.
 *
 * <p>For each day t it fits a quasi-Poisson regression to the same weekday of the {@code b} weeks before (± {@code w}
 * days) and, with {@code noPeriods} &gt; 1, to the days between them grouped into {@code noPeriods − 1} factor levels
 * (with {@code w = 0} and {@code noPeriods = 7}, one level per weekday: a model of the week's rhythm), with a time trend
 * kept only when significant and not extrapolating beyond the counts seen. Past outbreaks in the reference days are
 * down-weighted by their Anscombe residuals. The bound is the {@code 1 − alpha} quantile of the negative binomial with
 * the predicted mean and the estimated overdispersion ({@code nbPlugin}), of the same with the mean's own upper
 * confidence limit ({@code muan}), or Farrington's original 2/3-power normal approximation ({@code delta}). A day
 * alarms when its count is above the bound, not zero, and the last {@code limitDays} days hold at least
 * {@code limitCases} events (R's {@code limit54}).
 */
public final class Farrington {

    private static final NormalDistribution NORMAL = new NormalDistribution();
    private static final int FREQUENCY = 7;

    /** How the bound is computed from the fitted model. */
    public enum ThresholdMethod {
        DELTA,
        NB_PLUGIN,
        MUAN
    }

    /**
     * The parameters, named as in {@code farringtonFlexible}'s control list ({@code limit54} split into two).
     *
     * @param b how many weeks back the reference days reach (at least 1)
     * @param w the half-width of the window around each reference day
     * @param noPeriods the factor levels of the model: 1 uses the reference windows only
     * @param alpha the false alarm probability of the bound
     * @param trend whether a time trend may enter the model
     * @param reweight whether past outbreaks are down-weighted
     * @param weightsThreshold the Anscombe residual above which a reference day is down-weighted
     * @param pThresholdTrend the p-value below which the trend is kept
     * @param limitCases the events the last {@code limitDays} days must hold for an alarm
     * @param limitDays the days over which {@code limitCases} is counted
     * @param pastDaysNotIncluded the days before t left out of the fit ({@code pastWeeksNotIncluded}: periods here)
     * @param thresholdMethod how the bound is computed
     */
    public record Params(
            Integer b,
            Integer w,
            Integer noPeriods,
            Double alpha,
            Boolean trend,
            Boolean reweight,
            Double weightsThreshold,
            Double pThresholdTrend,
            Integer limitCases,
            Integer limitDays,
            Integer pastDaysNotIncluded,
            ThresholdMethod thresholdMethod) {

        /**
         * The defaults for daily reception counts, chosen on the benchmark (README, "Detection"): the last 8 weeks,
         * each weekday its own level, no gap, alpha 0.04, Farrington's original reweighting threshold of 1, and no
         * alarm on fewer than 3 events a day (as the hourly surge's smallest count).
         */
        public Params {
            b = b == null ? 8 : b;
            w = w == null ? 0 : w;
            noPeriods = noPeriods == null ? 7 : noPeriods;
            alpha = alpha == null ? 0.04 : alpha;
            trend = trend == null ? Boolean.TRUE : trend;
            reweight = reweight == null ? Boolean.TRUE : reweight;
            weightsThreshold = weightsThreshold == null ? 1.0 : weightsThreshold;
            pThresholdTrend = pThresholdTrend == null ? 0.05 : pThresholdTrend;
            limitCases = limitCases == null ? 3 : limitCases;
            limitDays = limitDays == null ? 1 : limitDays;
            pastDaysNotIncluded = pastDaysNotIncluded == null ? w : pastDaysNotIncluded;
            thresholdMethod = thresholdMethod == null ? ThresholdMethod.NB_PLUGIN : thresholdMethod;
            if (b < 1 || w < 0 || w > 3) {
                throw new IllegalArgumentException("b must be at least 1 week and w between 0 and 3 days");
            }
            if (noPeriods < 1 || (noPeriods > 1 && FREQUENCY - 2 * w - 1 < noPeriods - 1)) {
                throw new IllegalArgumentException(
                        "noPeriods must be at least 1 and at most the 7 − 2w − 1 days between windows plus one");
            }
            if (!(alpha > 0 && alpha < 1) || !(pThresholdTrend > 0 && pThresholdTrend < 1)) {
                throw new IllegalArgumentException("alpha and pThresholdTrend must lie between 0 and 1");
            }
            if (limitCases < 0 || limitDays < 1 || pastDaysNotIncluded < 0 || weightsThreshold <= 0) {
                throw new IllegalArgumentException("limitCases must not be negative, limitDays at least 1, "
                        + "pastDaysNotIncluded not negative and weightsThreshold positive");
            }
        }

        /** The first day (from 0) that gets a bound: R's default range. */
        public int firstDay() {
            return FREQUENCY * b + w;
        }
    }

    private Farrington() {}

    /** Each day's bound and alarm; days before {@link Params#firstDay()} and days the model cannot fit have none. */
    public static List<Detection> detect(double[] observed, Params params) {
        List<Detection> days = new ArrayList<>(observed.length);
        for (int t = 0; t < observed.length; t++) {
            days.add(t < params.firstDay() ? Detection.none(t, observed[t]) : day(observed, t, params));
        }
        return days;
    }

    /**
     * Day t alone, with the model's expected count (NaN where there is none): what the live analytics show as the
     * commune's usual count beside the bound.
     */
    public record Day(Detection detection, double expected) {}

    /** Day t of the series, which must be at least {@link Params#firstDay()}. */
    public static Day at(double[] observed, int t, Params params) {
        if (t < params.firstDay()) {
            throw new IllegalArgumentException(
                    "day " + t + " lies before the first day with a bound, " + params.firstDay());
        }
        Prediction prediction = predict(observed, t, params);
        if (prediction == null) {
            return new Day(Detection.none(t, observed[t]), Double.NaN);
        }
        return new Day(day(observed, t, prediction, params), Math.exp(prediction.eta));
    }

    private static Detection day(double[] observed, int t, Params params) {
        Prediction prediction = predict(observed, t, params);
        return prediction == null ? Detection.none(t, observed[t]) : day(observed, t, prediction, params);
    }

    private static Detection day(double[] observed, int t, Prediction prediction, Params params) {
        double y = observed[t];
        double upper = switch (params.thresholdMethod()) {
            case NB_PLUGIN -> quantile(Math.exp(prediction.eta), prediction.phi, 1 - params.alpha());
            case MUAN ->
                quantile(
                        Math.exp(prediction.eta
                                + NORMAL.inverseCumulativeProbability(1 - params.alpha()) * prediction.se),
                        prediction.phi,
                        1 - params.alpha());
            case DELTA -> deltaUpper(prediction, params.alpha());
        };
        if (Double.isNaN(upper)) {
            return Detection.none(t, y);
        }
        double recent = 0;
        for (int i = Math.max(0, t - params.limitDays() + 1); i <= t; i++) {
            recent += observed[i];
        }
        if (recent < params.limitCases()) {
            // As R: too few events for an alarm, so no bound, and the day does not alarm.
            return new Detection(t, y, null, false, null, null);
        }
        // R's score (y − fit)/(upper − fit) > 1, with fit on the scale the threshold method predicts on.
        double fit = params.thresholdMethod() == ThresholdMethod.DELTA ? Math.exp(prediction.eta) : prediction.eta;
        double score = (y - fit) / (upper - fit);
        return new Detection(t, y, upper, score > 1 && y != 0, null, null);
    }

    /** Farrington's original bound: a normal approximation on the 2/3 power of the count. */
    private static double deltaUpper(Prediction prediction, double alpha) {
        double mu0 = Math.exp(prediction.eta);
        double seResponse = prediction.se * mu0;
        double tau = prediction.phi + seResponse * seResponse / mu0;
        double se = Math.sqrt(4.0 / 9 * Math.pow(mu0, 1.0 / 3) * tau);
        double z = NORMAL.inverseCumulativeProbability(1 - alpha);
        double upper = Math.pow(Math.pow(mu0, 2.0 / 3) + z * se, 1.5);
        double lower = Math.pow(Math.pow(mu0, 2.0 / 3) - z * se, 1.5);
        // R sorts the two with NaN first: the upper one is the larger, or the only one defined.
        if (Double.isNaN(upper)) {
            return lower;
        }
        return Double.isNaN(lower) ? upper : Math.max(upper, lower);
    }

    /** The fitted model's prediction for day t: the linear predictor, its standard error, and phi (at least 1). */
    private record Prediction(double eta, double se, double phi) {}

    private static Prediction predict(double[] observed, int t, Params params) {
        int[] blocks = blocks(t, params);
        int n = 0;
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i] > 0) {
                n++;
            }
        }
        double[] y = new double[n];
        double[] time = new double[n];
        int[] level = new int[n];
        int k = 0;
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i] > 0) {
                y[k] = observed[i];
                time[k] = i + 1; // R's 1-based time points
                level[k] = blocks[i];
                k++;
            }
        }
        Fit fit = params.trend() ? fit(y, time, level, true, params) : null;
        boolean trend = fit != null && fit.trend;
        if (trend) {
            double[] row = row(t + 1, params.noPeriods(), params.noPeriods(), true);
            double mu = Math.exp(fit.glm.predictLink(row, fit.dispersion)[0]);
            double max = Arrays.stream(y).max().orElse(0);
            boolean significant = fit.glm.pValue(1, fit.dispersion) < params.pThresholdTrend();
            trend = params.b() >= 3 && significant && mu <= max;
        }
        if (!trend) {
            fit = fit(y, time, level, false, params);
        }
        if (fit == null) {
            return null;
        }
        double[] predicted =
                fit.glm.predictLink(row(t + 1, params.noPeriods(), params.noPeriods(), trend), fit.dispersion);
        return new Prediction(predicted[0], predicted[1], fit.phi);
    }

    /**
     * A fitted model: whether it has the trend, phi, and the dispersion R's later {@code summary.glm} and
     * {@code predict.glm} read from it. R's fit replaces the model's working weights by the reweighting's weights, so
     * that dispersion sums those weights, not the working ones, times the squared working residuals.
     */
    private record Fit(QuasiPoissonGlm glm, boolean trend, double phi, double dispersion) {}

    /** R's {@code algo.farrington.fitGLM.flexible}: the fit, without the trend if it does not converge, reweighted. */
    private static Fit fit(double[] y, double[] time, int[] level, boolean trend, Params params) {
        double[][] x = design(time, level, params.noPeriods(), trend);
        double[] ones = new double[y.length];
        Arrays.fill(ones, 1.0);
        QuasiPoissonGlm glm = QuasiPoissonGlm.fit(x, y, ones);
        if ((glm == null || !glm.converged) && trend) {
            trend = false;
            x = design(time, level, params.noPeriods(), false);
            glm = QuasiPoissonGlm.fit(x, y, ones);
        }
        if (glm == null || !glm.converged || glm.dfResidual() < 1) {
            return null;
        }
        double phi = Math.max(glm.dispersion(), 1);
        if (params.reweight()) {
            double[] omega = weights(anscombe(glm, phi), params.weightsThreshold());
            glm = QuasiPoissonGlm.fit(x, y, omega);
            if (glm == null) {
                return null;
            }
            return new Fit(glm, trend, Math.max(glm.dispersion(), 1), glm.dispersion(omega));
        }
        return new Fit(glm, trend, phi, glm.dispersion());
    }

    /** R's {@code anscombe.residuals}. */
    private static double[] anscombe(QuasiPoissonGlm glm, double phi) {
        double[] h = glm.hatValues();
        double[] residuals = new double[glm.y.length];
        for (int i = 0; i < residuals.length; i++) {
            double mu = glm.mu[i];
            double a = 1.5 * (Math.pow(glm.y[i], 2.0 / 3) * Math.pow(mu, -1.0 / 6) - Math.sqrt(mu));
            residuals[i] = a / Math.sqrt(phi * (1 - h[i]));
        }
        return residuals;
    }

    /** R's {@code algo.farrington.assign.weights}. */
    private static double[] weights(double[] s, double threshold) {
        double sum = 0;
        for (double residual : s) {
            sum += residual > threshold ? 1 / (residual * residual) : 1;
        }
        double gamma = s.length / sum;
        double[] omega = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            omega[i] = s[i] > threshold ? gamma / (s[i] * s[i]) : gamma;
        }
        return omega;
    }

    /** Intercept, time (when trend), then treatment contrasts of the levels 2..noPeriods (level 1 the reference). */
    private static double[][] design(double[] time, int[] level, int noPeriods, boolean trend) {
        double[][] x = new double[time.length][];
        for (int i = 0; i < time.length; i++) {
            x[i] = row(time[i], level[i], noPeriods, trend);
        }
        return x;
    }

    private static double[] row(double time, int level, int noPeriods, boolean trend) {
        int factors = noPeriods > 1 ? noPeriods - 1 : 0;
        double[] row = new double[1 + (trend ? 1 : 0) + factors];
        row[0] = 1;
        if (trend) {
            row[1] = time;
        }
        if (factors > 0 && level > 1) {
            row[(trend ? 2 : 1) + level - 2] = 1;
        }
        return row;
    }

    /**
     * R's {@code blocks} for a series without dates: the factor level (1..noPeriods) of each day used in the fit of
     * day t, 0 for a day left out. The windows around t and around each reference day take level noPeriods.
     */
    private static int[] blocks(int t, Params params) {
        int p = params.noPeriods();
        int w = params.w();
        int[] levels = new int[t + 1];
        for (int i = t - w; i <= t; i++) {
            levels[i] = p;
        }
        for (int i = 1; i <= params.b(); i++) {
            int reference = t - FREQUENCY * i;
            int later = t - FREQUENCY * (i - 1);
            for (int j = reference - w; j <= reference + w; j++) {
                levels[j] = p;
            }
            if (p != 1) {
                int period = later - 2 * w - 1 - reference;
                int length = period / (p - 1);
                int rest = period % (p - 1);
                int start = reference + w + 1;
                for (int level = 1; level <= p - 1; level++) {
                    int size = length + (level <= rest ? 1 : 0);
                    for (int j = start; j < start + size; j++) {
                        levels[j] = level;
                    }
                    start += size;
                }
            }
        }
        for (int i = Math.max(0, t - params.pastDaysNotIncluded()); i <= t; i++) {
            levels[i] = 0;
        }
        return levels;
    }

    /**
     * The {@code p} quantile of the count: negative binomial with mean mu and variance phi·mu when phi &gt; 1, else
     * Poisson; R's {@code qnbinom(p, mu/(phi − 1), 1/phi)} and {@code qpois(p, mu)}. NaN when mu is infinite.
     */
    static double quantile(double mu, double phi, double p) {
        if (Double.isInfinite(mu) || Double.isNaN(mu)) {
            return Double.NaN;
        }
        // R's discrete quantile search leaves a little room below p, so that a cumulative probability equal to p
        // (up to rounding) gives that count.
        double target = p * (1 - 64 * Math.ulp(1.0));
        double cumulative = 0;
        for (int k = 0; ; k++) {
            cumulative += Math.exp(logProbability(k, mu, phi));
            if (cumulative >= target) {
                return k;
            }
            if (k > 1_000_000) {
                return Double.NaN;
            }
        }
    }

    private static double logProbability(int k, double mu, double phi) {
        if (phi > 1) {
            double size = mu / (phi - 1);
            double prob = 1 / phi;
            return Gamma.logGamma(k + size)
                    - Gamma.logGamma(size)
                    - Gamma.logGamma(k + 1.0)
                    + size * Math.log(prob)
                    + k * Math.log1p(-prob);
        }
        if (mu == 0) {
            return k == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        return k * Math.log(mu) - mu - Gamma.logGamma(k + 1.0);
    }
}

package vn.situationroom.detection;

import java.util.SplittableRandom;

/**
 * Draws from the hypergeometric distribution: of {@code sample} items taken without replacement from {@code good}
 * good and {@code bad} bad ones, how many are good; in a time that does not grow with the numbers. It is numpy's
 * sampler ({@code random_hypergeometric}): small samples are drawn one item at a time, larger ones by Stadlober's
 * ratio-of-uniforms method (H2PE's cousin HRUA: Stadlober 1989, "Sampling from Poisson, binomial and
 * hypergeometric distributions: ratio of uniforms as a simple and fast alternative", and 1990). No library of the
 * JVM offers a sampler of this speed: Commons Statistics and Commons Math invert the distribution function, which
 * takes time in proportion to the numbers.
 */
final class Hypergeometric {

    private static final double D1 = 1.7155277699214135; // 2 sqrt(2/e)
    private static final double D2 = 0.8989161620588988; // 3 - 2 sqrt(3/e)
    private static final double HALF_LN_2PI = 0.9189385332046728;
    /** ln(k!) for small k, summed exactly; Stirling's series beyond. */
    private static final double[] LOG_FACTORIAL = new double[126];

    static {
        for (int k = 2; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
        }
    }

    private Hypergeometric() {}

    /**
     * One draw.
     *
     * @throws IllegalArgumentException when a number is negative or the sample is larger than the items
     */
    static long sample(SplittableRandom random, long good, long bad, long sample) {
        if (good < 0 || bad < 0 || sample < 0 || sample > good + bad) {
            throw new IllegalArgumentException("a hypergeometric draw needs good, bad ≥ 0 and 0 ≤ sample ≤ good + bad, "
                    + "not " + good + ", " + bad + ", " + sample);
        }
        if (sample >= 10 && sample <= good + bad - 10) {
            return ratioOfUniforms(random, good, bad, sample);
        }
        return oneByOne(random, good, bad, sample);
    }

    /** The items drawn one at a time: the smaller of the sample and what is left behind. */
    private static long oneByOne(SplittableRandom random, long good, long bad, long sample) {
        long total = good + bad;
        long draws = Math.min(sample, total - sample);
        long remaining = total;
        long goodLeft = good;
        while (draws > total - remaining && goodLeft > 0) {
            remaining--;
            if (random.nextLong(remaining + 1) < goodLeft) {
                goodLeft--;
            }
        }
        long drawn = good - goodLeft;
        return draws < sample ? good - drawn : drawn;
    }

    private static long ratioOfUniforms(SplittableRandom random, long good, long bad, long sample) {
        long total = good + bad;
        long draws = Math.min(sample, total - sample);
        long fewer = Math.min(good, bad);
        long more = Math.max(good, bad);
        double p = (double) fewer / total;
        double q = (double) more / total;
        double mean = draws * p;
        double a = mean + 0.5;
        double variance = (double) (total - draws) * draws * p * q / (total - 1);
        double c = Math.sqrt(variance + 0.5);
        double h = D1 * c + D2;
        long mode = (long) Math.floor((double) (draws + 1) * (fewer + 1) / (total + 2));
        double g = logFactorial(mode)
                + logFactorial(fewer - mode)
                + logFactorial(draws - mode)
                + logFactorial(more - draws + mode);
        double bound = Math.min(Math.min(draws, fewer) + 1, Math.floor(a + 16 * c));
        long k;
        while (true) {
            double u = random.nextDouble();
            double v = random.nextDouble();
            double x = a + h * (v - 0.5) / u;
            if (u == 0 || x < 0 || x >= bound) {
                continue;
            }
            k = (long) Math.floor(x);
            double t = g
                    - (logFactorial(k)
                            + logFactorial(fewer - k)
                            + logFactorial(draws - k)
                            + logFactorial(more - draws + k));
            if (u * (4 - u) - 3 <= t) {
                break;
            }
            if (u * (u - t) >= 1) {
                continue;
            }
            if (2 * Math.log(u) <= t) {
                break;
            }
        }
        if (good > bad) {
            k = draws - k;
        }
        if (draws < sample) {
            k = good - k;
        }
        return k;
    }

    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        double n = k;
        return (n + 0.5) * Math.log(n) - n + HALF_LN_2PI + (1 / n) * (1 / 12.0 - 1 / (360.0 * n * n));
    }
}

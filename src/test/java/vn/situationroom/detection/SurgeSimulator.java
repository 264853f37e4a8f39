package vn.situationroom.detection;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Daily reception counts with a weekly rhythm and injected surges whose days are known: the detectors' benchmark.
 *
 * <p>A commune's mean is {@code rate} events a day over the week, shared out as reception works: weekdays busy
 * (1.3), Saturday less (0.5), Sunday little (0.25), normalised to the rate. Counts are negative binomial around that
 * mean (a gamma-Poisson mixture with shape {@code size}: real counts vary more than Poisson). After
 * {@code burnInDays} days of quiet history, surges of 1 to 4 days come every 2 to 6 weeks; on each surge day
 * {@code extraFloor} + Poisson({@code extraFactor} × the day's mean) events come on top of the usual: at least a few
 * more visits than usual, and on busy days about {@code 1 + extraFactor} times the usual.
 */
final class SurgeSimulator {

    /** The week's shares, Monday first. */
    static final double[] WEEK = {1.3, 1.3, 1.3, 1.3, 1.3, 0.5, 0.25};

    /** The rates (events a day over the week) of the benchmark's communes, from a quiet commune to a busy one. */
    static final double[] RATES = {0.3, 0.5, 1, 2, 4};

    /** One commune's series: the counts, and each day's surge (0 outside surges, else the surge's number). */
    record Series(double rate, double[] counts, int[] surge, int burnInDays) {}

    /** The surge's size and the series' shape. */
    record Shape(int days, int burnInDays, double size, int extraFloor, double extraFactor) {

        /** A year scored after 10 weeks of history; surges of at least 3 extra events plus twice the usual. */
        static Shape standard() {
            return new Shape(365 + 70, 70, 10, 3, 2);
        }
    }

    private final RandomDataGenerator random;
    private final Shape shape;

    SurgeSimulator(long seed, Shape shape) {
        this.random = new RandomDataGenerator(new Well19937c(seed));
        this.shape = shape;
    }

    /** {@code perRate} series for each of {@link #RATES}. */
    List<Series> communes(int perRate) {
        List<Series> all = new ArrayList<>();
        for (int i = 0; i < perRate; i++) {
            for (double rate : RATES) {
                all.add(series(rate));
            }
        }
        return all;
    }

    Series series(double rate) {
        double mean = 0;
        for (double share : WEEK) {
            mean += share / WEEK.length;
        }
        int days = shape.days();
        double[] counts = new double[days];
        double[] mu = new double[days];
        int firstWeekday = random.nextInt(0, 6);
        for (int t = 0; t < days; t++) {
            mu[t] = rate * WEEK[(firstWeekday + t) % 7] / mean;
            double lambda = random.nextGamma(shape.size(), mu[t] / shape.size());
            counts[t] = lambda > 0 ? random.nextPoisson(lambda) : 0;
        }
        int[] surge = new int[days];
        int id = 0;
        int t = shape.burnInDays() + random.nextInt(0, 20);
        while (t < days - 4) {
            int length = random.nextInt(1, 4);
            id++;
            for (int d = t; d < t + length; d++) {
                double extra = shape.extraFloor() + random.nextPoisson(shape.extraFactor() * mu[d]);
                counts[d] += extra;
                surge[d] = id;
            }
            t += length + random.nextInt(14, 42);
        }
        return new Series(rate, counts, surge, shape.burnInDays());
    }
}

package vn.situationroom.detection;

/**
 * An hourly surge: this hour's count against the same hour of the previous days. The bound is the mean of those
 * hours plus {@code k} standard deviations (n − 1, floored at {@code minSigma}), and never below {@code minCount}, so
 * that two visits in an hour that is usually empty are not a surge. Simple on purpose: it catches a sudden rush
 * within the day, which the daily detectors see only once the day's count has grown.
 *
 * @param days how many previous days' same hour form the baseline (default 7)
 * @param k how many standard deviations above the mean (default 3)
 * @param minSigma the floor of the standard deviation (default 0.5)
 * @param minCount the smallest count that can be a surge (default 3)
 */
public record HourlySurge(Integer days, Double k, Double minSigma, Integer minCount) {

    public HourlySurge {
        days = days == null ? 7 : days;
        k = k == null ? 3.0 : k;
        minSigma = minSigma == null ? 0.5 : minSigma;
        minCount = minCount == null ? 3 : minCount;
        if (days < 2 || k <= 0 || minSigma < 0 || minCount < 1) {
            throw new IllegalArgumentException("hourly surge: days ≥ 2, k > 0, minSigma ≥ 0 and minCount ≥ 1");
        }
    }

    /** The bound for this hour, from the same hour's counts on the previous days (oldest first). */
    public double bound(double[] sameHourBefore) {
        double mean = 0;
        for (double count : sameHourBefore) {
            mean += count;
        }
        mean /= Math.max(1, sameHourBefore.length);
        double squares = 0;
        for (double count : sameHourBefore) {
            squares += (count - mean) * (count - mean);
        }
        double sd = sameHourBefore.length > 1 ? Math.sqrt(squares / (sameHourBefore.length - 1)) : 0;
        return Math.max(minCount, mean + k * Math.max(sd, minSigma));
    }

    /** Whether {@code count} this hour is a surge against those previous hours. */
    public boolean isSurge(double count, double[] sameHourBefore) {
        return count >= bound(sameHourBefore);
    }
}

package vn.situationroom.hotspot;

import java.time.Duration;

/**
 * The settings of every detector, in one place ({@code situationroom.hotspot.detectors.*}).
 *
 * @param crowdThreshold a visit or gathering of this many people or more is a crowd (WARNING), twice as many CRITICAL
 * @param candidateCriticalDays a denunciation about a candidate is CRITICAL this many days before election day or fewer
 * @param repeatCount the visits of one case within {@code repeatWithin} that make it a repeat case (WATCH)
 * @param repeatWithin the span in which a case's visits are counted
 * @param earsMinSigma the floor of the EARS standard deviation; 0.5 suits counts of a few a day (R's default is 0)
 * @param ewmaMinSigma the floor of the EWMA baseline's standard deviation, and of the hourly surge's
 * @param surgeDays how many previous days' same hour form the hourly surge's baseline
 * @param surgeK how many standard deviations above that baseline make a surge
 * @param surgeMinCount the smallest hourly count that can be a surge
 * @param dailyMethod the daily detector of the live analytics, and the one the analysts' {@code AUTO} names:
 *     {@code FARRINGTON} (Farrington-Flexible over the week, the default: README's benchmark says why) or {@code EARS}
 *     (EARS C1, C2, C3 and the EWMAs together, as before)
 */
public record DetectorSettings(
        Integer crowdThreshold,
        Integer candidateCriticalDays,
        Integer repeatCount,
        Duration repeatWithin,
        Double earsMinSigma,
        Double ewmaMinSigma,
        Integer surgeDays,
        Double surgeK,
        Integer surgeMinCount,
        DailyMethod dailyMethod) {

    /** The live analytics' daily detection. */
    public enum DailyMethod {
        FARRINGTON,
        EARS
    }

    public DetectorSettings {
        crowdThreshold = crowdThreshold == null ? 5 : crowdThreshold;
        candidateCriticalDays = candidateCriticalDays == null ? 10 : candidateCriticalDays;
        repeatCount = repeatCount == null ? 3 : repeatCount;
        repeatWithin = repeatWithin == null ? Duration.ofDays(30) : repeatWithin;
        earsMinSigma = earsMinSigma == null ? 0.5 : earsMinSigma;
        ewmaMinSigma = ewmaMinSigma == null ? 0.5 : ewmaMinSigma;
        surgeDays = surgeDays == null ? 7 : surgeDays;
        surgeK = surgeK == null ? 3.0 : surgeK;
        surgeMinCount = surgeMinCount == null ? 3 : surgeMinCount;
        dailyMethod = dailyMethod == null ? DailyMethod.FARRINGTON : dailyMethod;
        if (crowdThreshold < 2 || candidateCriticalDays < 0 || repeatCount < 2 || repeatWithin.isNegative()) {
            throw new IllegalArgumentException("situationroom.hotspot.detectors: crowd-threshold ≥ 2, "
                    + "candidate-critical-days ≥ 0, repeat-count ≥ 2 and repeat-within positive");
        }
    }

    /** Every detector setting at its default. */
    public static DetectorSettings defaults() {
        return new DetectorSettings(null, null, null, null, null, null, null, null, null, null);
    }
}

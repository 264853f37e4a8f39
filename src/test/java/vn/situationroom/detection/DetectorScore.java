package vn.situationroom.detection;

import java.util.List;
import java.util.function.Function;

/**
 * How a detector does on simulated series: a surge is detected when any of its days alarms; specificity is over the
 * days outside surges on which the detector decided (it had a bound, or declined to alarm on too few events); the
 * delay is the days from a surge's first day to its first alarm, over the surges detected. Only days after the burn-in
 * are scored; the detector sees the whole series up to each day, as live.
 */
record DetectorScore(int surges, int detected, int quietDays, int falseAlarms, int delayDays) {

    double sensitivity() {
        return surges == 0 ? Double.NaN : (double) detected / surges;
    }

    double specificity() {
        return quietDays == 0 ? Double.NaN : 1 - (double) falseAlarms / quietDays;
    }

    double meanDelay() {
        return detected == 0 ? Double.NaN : (double) delayDays / detected;
    }

    DetectorScore plus(DetectorScore other) {
        return new DetectorScore(
                surges + other.surges,
                detected + other.detected,
                quietDays + other.quietDays,
                falseAlarms + other.falseAlarms,
                delayDays + other.delayDays);
    }

    static DetectorScore of(List<SurgeSimulator.Series> series, Function<double[], List<Detection>> detector) {
        DetectorScore total = new DetectorScore(0, 0, 0, 0, 0);
        for (SurgeSimulator.Series one : series) {
            total = total.plus(of(one, detector.apply(one.counts())));
        }
        return total;
    }

    static DetectorScore of(SurgeSimulator.Series series, List<Detection> days) {
        int[] surge = series.surge();
        int surges = 0;
        int detected = 0;
        int quiet = 0;
        int falseAlarms = 0;
        int delays = 0;
        int t = series.burnInDays();
        while (t < surge.length) {
            if (surge[t] == 0) {
                Boolean alarm = days.get(t).alarm();
                if (alarm != null) {
                    quiet++;
                    falseAlarms += alarm ? 1 : 0;
                }
                t++;
                continue;
            }
            int first = t;
            int firstAlarm = -1;
            while (t < surge.length && surge[t] == surge[first]) {
                if (firstAlarm < 0 && Boolean.TRUE.equals(days.get(t).alarm())) {
                    firstAlarm = t;
                }
                t++;
            }
            surges++;
            if (firstAlarm >= 0) {
                detected++;
                delays += firstAlarm - first;
            }
        }
        return new DetectorScore(surges, detected, quiet, falseAlarms, delays);
    }
}

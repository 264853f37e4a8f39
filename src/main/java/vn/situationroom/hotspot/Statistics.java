package vn.situationroom.hotspot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.situationroom.detection.Detection;
import vn.situationroom.detection.Detector;
import vn.situationroom.detection.EarsC;
import vn.situationroom.detection.Ewma;
import vn.situationroom.detection.Farrington;
import vn.situationroom.detection.HourlySurge;

/**
 * The statistical state of a commune today: the daily detector on its daily visits and petitions, and the hourly
 * surge. By default the daily detector is Farrington-Flexible over the week, whose alarm gives WARNING; with the
 * setting {@code EARS}, EARS C1/C2/C3 and the EWMAs: a C1 or C2 alarm or a red EWMA gives WARNING, a C3 alarm or a
 * yellow EWMA WATCH. A surge gives WATCH.
 */
final class Statistics {

    private static final double[] EWMA_WEIGHTS = {0.4, 0.9};

    /** Farrington-Flexible with its defaults, the ones the benchmark chose and the analysts' AUTO runs. */
    private static final Farrington.Params FARRINGTON = Detector.farrington(java.util.Map.of());

    private final DetectorSettings settings;
    private final HourlySurge surge;

    Statistics(DetectorSettings settings) {
        this.settings = settings;
        this.surge = new HourlySurge(
                settings.surgeDays(), settings.surgeK(), settings.ewmaMinSigma(), settings.surgeMinCount());
    }

    /**
     * The reasons of today, most serious first.
     *
     * @param daily the daily counts, oldest first, today last
     * @param knownDays how many of the last days of {@code daily} are known (the commune was watched); older ones are
     *     zeros for lack of data, and a detector that would need them stays silent
     * @param thisHour the count of the current hour
     * @param sameHourBefore the same hour's counts on the previous days, oldest first
     */
    List<Reason> evaluate(double[] daily, int knownDays, double thisHour, double[] sameHourBefore) {
        List<Reason> reasons = new ArrayList<>();
        if (settings.dailyMethod() == DetectorSettings.DailyMethod.FARRINGTON) {
            farrington(daily, knownDays, reasons);
        } else {
            ears(daily, knownDays, reasons);
        }
        if (sameHourBefore.length >= settings.surgeDays() && surge.isSurge(thisHour, sameHourBefore)) {
            reasons.add(new Reason(
                    "HOURLY_SURGE",
                    HotspotLevel.WATCH,
                    thisHour,
                    Arrays.stream(sameHourBefore).average().orElse(0),
                    surge.bound(sameHourBefore),
                    null));
        }
        return reasons;
    }

    /** The days of history Farrington-Flexible needs before it gives a bound, today included. */
    static int farringtonDays() {
        return FARRINGTON.firstDay() + 1;
    }

    private static void farrington(double[] daily, int knownDays, List<Reason> reasons) {
        if (knownDays < farringtonDays() || daily.length < farringtonDays()) {
            return;
        }
        Farrington.Day today = Farrington.at(daily, daily.length - 1, FARRINGTON);
        if (Boolean.TRUE.equals(today.detection().alarm())) {
            reasons.add(new Reason(
                    "FARRINGTON",
                    HotspotLevel.WARNING,
                    today.detection().observed(),
                    today.expected(),
                    today.detection().upperbound(),
                    null));
        }
    }

    private void ears(double[] daily, int knownDays, List<Reason> reasons) {
        for (EarsC.Method method : EarsC.Method.values()) {
            EarsC.Params params = new EarsC.Params(method, 7, null, settings.earsMinSigma());
            if (knownDays > params.maxLag()) {
                Detection today = EarsC.detect(daily, params).getLast();
                if (Boolean.TRUE.equals(today.alarm())) {
                    int lag = method == EarsC.Method.C1 ? 1 : 3;
                    reasons.add(new Reason(
                            "EARS_" + method,
                            method == EarsC.Method.C3 ? HotspotLevel.WATCH : HotspotLevel.WARNING,
                            today.observed(),
                            mean(daily, daily.length - 1 - lag, 7),
                            today.upperbound(),
                            null));
                }
            }
        }
        Reason ewma = null;
        for (double weight : EWMA_WEIGHTS) {
            Ewma.Params params = new Ewma.Params(weight, null, null, null, null, settings.ewmaMinSigma());
            if (knownDays > params.baseline() + params.guard()) {
                Detection today = Ewma.detect(daily, params).getLast();
                if (Boolean.TRUE.equals(today.alarm())) {
                    HotspotLevel severity = "RED".equals(today.level()) ? HotspotLevel.WARNING : HotspotLevel.WATCH;
                    if (ewma == null || severity.compareTo(ewma.severity()) > 0) {
                        ewma = new Reason(
                                "EWMA",
                                severity,
                                today.statistic(),
                                mean(daily, daily.length - 1 - params.guard() - 1, params.baseline()),
                                today.upperbound(),
                                null);
                    }
                }
            }
        }
        if (ewma != null) {
            reasons.add(ewma);
        }
    }

    /** The mean of {@code n} days ending at index {@code last}. */
    private static double mean(double[] series, int last, int n) {
        double sum = 0;
        for (int i = last - n + 1; i <= last; i++) {
            sum += series[i];
        }
        return sum / n;
    }
}

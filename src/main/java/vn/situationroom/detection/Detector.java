package vn.situationroom.detection;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The catalogue of the daily detectors an analyst can run: their names, their parameters and each parameter's
 * default (the detectors' own), in one place, read by the back-test screen and by {@code /api/v1/analysis/detect}.
 */
public enum Detector {
    C1,
    C2,
    C3,
    EWMA,
    FARRINGTON;

    /** The detector the back-test starts with: Farrington-Flexible over the week, the live analytics' default. */
    public static final Detector DEFAULT = FARRINGTON;

    /** Whether a parameter takes whole numbers (days), any number, or yes or no (1 or 0 here, a boolean in JSON). */
    public enum Kind {
        WHOLE,
        NUMBER,
        FLAG
    }

    /** A parameter: its name (as the API and R's control lists spell it), its kind, and the value used when absent. */
    public record Parameter(String name, Kind kind, Number defaultValue) {}

    /** The parameters this detector takes, in the order a form shows them. */
    public List<Parameter> parameters() {
        if (this == FARRINGTON) {
            var defaults =
                    new Farrington.Params(null, null, null, null, null, null, null, null, null, null, null, null);
            return List.of(
                    new Parameter("b", Kind.WHOLE, defaults.b()),
                    new Parameter("w", Kind.WHOLE, defaults.w()),
                    new Parameter("noPeriods", Kind.WHOLE, defaults.noPeriods()),
                    new Parameter("alpha", Kind.NUMBER, defaults.alpha()),
                    new Parameter("trend", Kind.FLAG, defaults.trend() ? 1 : 0),
                    new Parameter("reweight", Kind.FLAG, defaults.reweight() ? 1 : 0),
                    new Parameter("weightsThreshold", Kind.NUMBER, defaults.weightsThreshold()),
                    new Parameter("pThresholdTrend", Kind.NUMBER, defaults.pThresholdTrend()),
                    new Parameter("limitCases", Kind.WHOLE, defaults.limitCases()),
                    new Parameter("limitDays", Kind.WHOLE, defaults.limitDays()),
                    new Parameter("pastDaysNotIncluded", Kind.WHOLE, defaults.pastDaysNotIncluded()));
        }
        if (this == EWMA) {
            var defaults = new Ewma.Params(null, null, null, null, null, null);
            return List.of(
                    new Parameter("baseline", Kind.WHOLE, defaults.baseline()),
                    new Parameter("weight", Kind.NUMBER, defaults.weight()),
                    new Parameter("guard", Kind.WHOLE, defaults.guard()),
                    new Parameter("red", Kind.NUMBER, defaults.red()),
                    new Parameter("yellow", Kind.NUMBER, defaults.yellow()),
                    new Parameter("minSigma", Kind.NUMBER, defaults.minSigma()));
        }
        var defaults = new EarsC.Params(EarsC.Method.valueOf(name()), null, null, null);
        return List.of(
                new Parameter("baseline", Kind.WHOLE, defaults.baseline()),
                new Parameter("alpha", Kind.NUMBER, defaults.alpha()),
                new Parameter("minSigma", Kind.NUMBER, defaults.minSigma()));
    }

    /** The parameter of this name, if this detector takes it. */
    public Optional<Parameter> parameter(String name) {
        return parameters().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Each day's bound and alarm over a daily series, with the parameters given by name; one absent or null takes its
     * default, one this detector does not take is ignored.
     *
     * @throws IllegalArgumentException a parameter out of its range, named in the message
     */
    public List<Detection> detect(double[] series, Map<String, ? extends Number> values) {
        if (this == FARRINGTON) {
            return Farrington.detect(series, farrington(values));
        }
        if (this == EWMA) {
            return Ewma.detect(
                    series,
                    new Ewma.Params(
                            number(values, "weight"),
                            whole(values, "baseline"),
                            whole(values, "guard"),
                            number(values, "red"),
                            number(values, "yellow"),
                            number(values, "minSigma")));
        }
        return EarsC.detect(
                series,
                new EarsC.Params(
                        EarsC.Method.valueOf(name()),
                        whole(values, "baseline"),
                        number(values, "alpha"),
                        number(values, "minSigma")));
    }

    /**
     * How many days before a day this detector needs to give it a bound, with these parameters: a back-test over a
     * period reads that many days before it, so that its first day has a bound too.
     */
    public int lookback(Map<String, ? extends Number> values) {
        return switch (this) {
            case FARRINGTON -> farrington(values).firstDay();
            case EWMA -> {
                var params = new Ewma.Params(null, whole(values, "baseline"), whole(values, "guard"), null, null, null);
                yield params.baseline() + params.guard();
            }
            default -> new EarsC.Params(EarsC.Method.valueOf(name()), whole(values, "baseline"), null, null).maxLag();
        };
    }

    /** Farrington's parameters from values by name; absent ones take their defaults. */
    public static Farrington.Params farrington(Map<String, ? extends Number> values) {
        return new Farrington.Params(
                whole(values, "b"),
                whole(values, "w"),
                whole(values, "noPeriods"),
                number(values, "alpha"),
                flag(values, "trend"),
                flag(values, "reweight"),
                number(values, "weightsThreshold"),
                number(values, "pThresholdTrend"),
                whole(values, "limitCases"),
                whole(values, "limitDays"),
                whole(values, "pastDaysNotIncluded"),
                null);
    }

    /** The detector of this name (C1, C2, C3, EWMA, FARRINGTON), if there is one. */
    public static Optional<Detector> named(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }

    /** The names, for a message: "C1, C2, C3, EWMA, FARRINGTON". */
    public static String names() {
        return Arrays.stream(values()).map(Detector::name).collect(Collectors.joining(", "));
    }

    private static Integer whole(Map<String, ? extends Number> values, String name) {
        Number value = values.get(name);
        return value == null ? null : value.intValue();
    }

    private static Boolean flag(Map<String, ? extends Number> values, String name) {
        Number value = values.get(name);
        return value == null ? null : value.intValue() != 0;
    }

    private static Double number(Map<String, ? extends Number> values, String name) {
        Number value = values.get(name);
        return value == null ? null : value.doubleValue();
    }
}

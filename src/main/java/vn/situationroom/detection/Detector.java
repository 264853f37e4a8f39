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
    EWMA;

    /** The detector the back-test starts with: EARS C2, the one the live topology runs. */
    public static final Detector DEFAULT = C2;

    /** Whether a parameter takes whole numbers (days) or any number. */
    public enum Kind {
        WHOLE,
        NUMBER
    }

    /** A parameter: its name (as the API and R's control lists spell it), its kind, and the value used when absent. */
    public record Parameter(String name, Kind kind, Number defaultValue) {}

    /** The parameters this detector takes, in the order a form shows them. */
    public List<Parameter> parameters() {
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

    /** The detector of this name (C1, C2, C3, EWMA), if there is one. */
    public static Optional<Detector> named(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }

    /** The names, for a message: "C1, C2, C3, EWMA". */
    public static String names() {
        return Arrays.stream(values()).map(Detector::name).collect(Collectors.joining(", "));
    }

    private static Integer whole(Map<String, ? extends Number> values, String name) {
        Number value = values.get(name);
        return value == null ? null : value.intValue();
    }

    private static Double number(Map<String, ? extends Number> values, String name) {
        Number value = values.get(name);
        return value == null ? null : value.doubleValue();
    }
}

package vn.situationroom.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue the back-test screen and the detect API share: names, parameters and defaults, and the same answers. */
class DetectorTests {

    private static final double[] SERIES = {
        3, 0, 1, 2, 1, 0, 2, 1, 1, 7, 1, 0, 2, 3, 1, 9, 0, 1, 2, 1, 0, 1, 2, 3, 1, 0, 2, 1, 1, 0, 2, 11, 1, 0, 1
    };

    @Test
    void each_detector_lists_its_parameters_with_the_defaults_the_detector_itself_uses() {
        assertThat(Detector.C2.parameters())
                .extracting(Detector.Parameter::name)
                .containsExactly("baseline", "alpha", "minSigma");
        assertThat(Detector.C2.parameter("baseline").orElseThrow().defaultValue())
                .isEqualTo(7);
        assertThat(Detector.C2.parameter("alpha").orElseThrow().defaultValue()).isEqualTo(0.001);
        assertThat(Detector.C3.parameter("alpha").orElseThrow().defaultValue())
                .as("C3's own alpha, as R's earsC")
                .isEqualTo(0.025);
        assertThat(Detector.EWMA.parameter("baseline").orElseThrow().defaultValue())
                .isEqualTo(28);
        assertThat(Detector.EWMA.parameter("weight").orElseThrow().kind()).isEqualTo(Detector.Kind.NUMBER);
        assertThat(Detector.EWMA.parameter("alpha")).isEmpty();
        assertThat(Detector.names()).isEqualTo("C1, C2, C3, EWMA, FARRINGTON");
        assertThat(Detector.FARRINGTON.parameters())
                .extracting(Detector.Parameter::name)
                .containsExactly(
                        "b",
                        "w",
                        "noPeriods",
                        "alpha",
                        "trend",
                        "reweight",
                        "weightsThreshold",
                        "pThresholdTrend",
                        "limitCases",
                        "limitDays",
                        "pastDaysNotIncluded");
        assertThat(Detector.FARRINGTON.parameter("trend").orElseThrow().kind()).isEqualTo(Detector.Kind.FLAG);
        assertThat(Detector.FARRINGTON.parameter("alpha").orElseThrow().defaultValue())
                .as("the benchmark's choice")
                .isEqualTo(0.04);
        assertThat(Detector.named("EWMA")).contains(Detector.EWMA);
        assertThat(Detector.named("C4")).isEmpty();
    }

    @Test
    void a_detector_run_from_the_catalogue_answers_as_the_detector_run_directly() {
        assertThat(Detector.C3.detect(SERIES, Map.of()))
                .isEqualTo(EarsC.detect(SERIES, new EarsC.Params(EarsC.Method.C3, null, null, null)));
        assertThat(Detector.C1.detect(SERIES, Map.of("baseline", 10, "alpha", 0.05)))
                .isEqualTo(EarsC.detect(SERIES, new EarsC.Params(EarsC.Method.C1, 10, 0.05, null)));
        double[] longer = java.util.stream.IntStream.range(0, 90)
                .mapToDouble(i -> SERIES[i % SERIES.length])
                .toArray();
        assertThat(Detector.FARRINGTON.detect(longer, Map.of("b", 6, "trend", 0)))
                .isEqualTo(Farrington.detect(
                        longer,
                        new Farrington.Params(6, null, null, null, false, null, null, null, null, null, null, null)));
        assertThat(Detector.EWMA.detect(SERIES, Map.of("weight", 0.3, "baseline", 14)))
                .isEqualTo(Ewma.detect(SERIES, new Ewma.Params(0.3, 14, null, null, null, null)));
    }

    @Test
    void each_detector_says_how_many_days_before_a_day_it_needs_for_a_bound() {
        for (Detector detector : Detector.values()) {
            int lookback = detector.lookback(Map.of());
            double[] series = java.util.stream.IntStream.range(0, lookback + 1)
                    .mapToDouble(i -> 1 + i % 3)
                    .toArray();
            List<Detection> days = detector.detect(series, Map.of());
            assertThat(days.get(lookback).upperbound()).as(detector.name()).isNotNull();
            assertThat(days.get(lookback - 1).upperbound()).as(detector.name()).isNull();
        }
        assertThat(Detector.FARRINGTON.lookback(Map.of("b", 4))).isEqualTo(28);
        assertThat(Detector.C2.lookback(Map.of("baseline", 5))).isEqualTo(7);
    }

    @Test
    void a_parameter_out_of_range_is_refused_by_name() {
        assertThatThrownBy(() -> Detector.C2.detect(SERIES, Map.of("baseline", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseline");
        assertThatThrownBy(() -> Detector.FARRINGTON.detect(SERIES, Map.of("noPeriods", 9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noPeriods");
    }
}

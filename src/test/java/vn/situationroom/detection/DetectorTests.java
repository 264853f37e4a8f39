package vn.situationroom.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(Detector.names()).isEqualTo("C1, C2, C3, EWMA");
        assertThat(Detector.named("EWMA")).contains(Detector.EWMA);
        assertThat(Detector.named("C4")).isEmpty();
    }

    @Test
    void a_detector_run_from_the_catalogue_answers_as_the_detector_run_directly() {
        assertThat(Detector.C3.detect(SERIES, Map.of()))
                .isEqualTo(EarsC.detect(SERIES, new EarsC.Params(EarsC.Method.C3, null, null, null)));
        assertThat(Detector.C1.detect(SERIES, Map.of("baseline", 10, "alpha", 0.05)))
                .isEqualTo(EarsC.detect(SERIES, new EarsC.Params(EarsC.Method.C1, 10, 0.05, null)));
        assertThat(Detector.EWMA.detect(SERIES, Map.of("weight", 0.3, "baseline", 14)))
                .isEqualTo(Ewma.detect(SERIES, new Ewma.Params(0.3, 14, null, null, null, null)));
    }

    @Test
    void a_parameter_out_of_range_is_refused_by_name() {
        assertThatThrownBy(() -> Detector.C2.detect(SERIES, Map.of("baseline", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseline");
    }
}

package vn.situationroom.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The goal the default daily detector was chosen for, on a seeded part of the benchmark (bench/detection.sh runs the
 * whole): at least 90 % of surges found, at least 98 % of quiet days quiet, a mean delay of at most 0.1 day; and
 * fewer false alarms than EARS on the same communes.
 */
class AutoDetectorTests {

    private static final List<SurgeSimulator.Series> COMMUNES =
            new SurgeSimulator(7, SurgeSimulator.Shape.standard()).communes(20);

    @Test
    void farrington_with_its_defaults_meets_the_goal_on_simulated_weekly_counts_with_surges() {
        DetectorScore score = DetectorScore.of(COMMUNES, s -> Detector.DEFAULT.detect(s, Map.of()));

        assertThat(score.surges()).as("surges simulated").isGreaterThan(400);
        assertThat(score.sensitivity()).as("sensitivity").isGreaterThanOrEqualTo(0.90);
        assertThat(score.specificity()).as("specificity").isGreaterThanOrEqualTo(0.98);
        assertThat(score.meanDelay()).as("mean delay in days").isLessThanOrEqualTo(0.1);
    }

    @Test
    void on_the_same_communes_ears_raises_more_false_alarms() {
        DetectorScore farrington = DetectorScore.of(COMMUNES, s -> Detector.FARRINGTON.detect(s, Map.of()));
        for (Detector ears : List.of(Detector.C1, Detector.C2)) {
            DetectorScore score = DetectorScore.of(COMMUNES, s -> ears.detect(s, Map.of("minSigma", 0.5)));
            assertThat(score.specificity()).as(ears.name()).isLessThan(farrington.specificity());
        }
    }
}

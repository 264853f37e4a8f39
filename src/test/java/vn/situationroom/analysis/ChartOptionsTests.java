package vn.situationroom.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.situationroom.detection.Detector;

/** The back-test chart puts the days the live analytics did raise alerts beside the method's own alarms. */
class ChartOptionsTests {

    @Test
    void the_alerts_that_fired_are_drawn_on_their_days_above_the_bars_beside_the_methods_alarms() {
        double[] series = {1, 0, 2, 1, 0, 3, 1, 1, 2, 9};
        LocalDate first = LocalDate.of(2026, 3, 6);
        var days = Detector.C1.detect(series, Map.of("minSigma", 0.5));

        JsonNode option = ChartOptions.backtest(
                days, first, Map.of(LocalDate.of(2026, 3, 15), 2), "observed", "bound", "alarm", "fired");

        List<JsonNode> all = option.get("series").valueStream().toList();
        assertThat(all)
                .extracting(s -> s.get("name").asString())
                .containsExactly("observed", "bound", "alarm", "fired");
        JsonNode alarms = all.get(2).get("data");
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).get(0).asString()).isEqualTo("2026-03-15");
        JsonNode fired = all.get(3).get("data");
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).get(0).asString()).isEqualTo("2026-03-15");
        assertThat(fired.get(0).get(1).asDouble()).as("above the highest bar").isEqualTo(10.0);
        assertThat(fired.get(0).get(2).asInt()).as("how many alerts").isEqualTo(2);
        assertThat(all.get(3).get("symbol").asString()).isEqualTo("diamond");
    }
}

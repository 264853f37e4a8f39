package vn.situationroom.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Farrington-Flexible gives R's bounds and alarms on every weekly-rhythm series of the fixture made with
 * surveillance::farringtonFlexible on sts(observed, frequency = 7), for six control lists (every threshold method,
 * with and without trend, reweighting, factor levels, windows and a gap).
 */
class FarringtonParityTests {

    /** R's default, which this product's default (1, Farrington's original) differs from. */
    private static final double R_WEIGHTS_THRESHOLD = 2.58;

    static Stream<Arguments> referenceCases() {
        return RFixtures.cases("/farrington/farrington-reference.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void bounds_and_alarms_equal_rs_farringtonFlexible(String name, JsonNode reference) {
        JsonNode control = reference.get("control");
        Farrington.Params params = new Farrington.Params(
                control.get("b").asInt(),
                control.get("w").asInt(),
                control.get("noPeriods").asInt(),
                control.get("alpha").asDouble(),
                control.has("trend") ? control.get("trend").asBoolean() : null,
                control.has("reweight") ? control.get("reweight").asBoolean() : null,
                control.has("weightsThreshold")
                        ? control.get("weightsThreshold").asDouble()
                        : R_WEIGHTS_THRESHOLD,
                control.has("pThresholdTrend") ? control.get("pThresholdTrend").asDouble() : null,
                control.get("limit54").get(0).asInt(),
                control.get("limit54").get(1).asInt(),
                control.has("pastWeeksNotIncluded")
                        ? control.get("pastWeeksNotIncluded").asInt()
                        : null,
                Farrington.ThresholdMethod.valueOf(control.get("thresholdMethod")
                        .asString()
                        .replace("nbPlugin", "nb_plugin")
                        .toUpperCase(Locale.ROOT)));
        double[] observed = reference
                .get("observed")
                .valueStream()
                .mapToDouble(JsonNode::asDouble)
                .toArray();

        List<Detection> days = Farrington.detect(observed, params);

        assertThat(days).hasSize(observed.length);
        int bounded = 0;
        for (Detection day : days) {
            JsonNode upper = reference.get("upperbound").get(day.index());
            JsonNode alarm = reference.get("alarm").get(day.index());
            if (upper.isNull()) {
                assertThat(day.upperbound()).as("bound of day %d", day.index()).isNull();
            } else {
                bounded++;
                assertThat(day.upperbound())
                        .as("bound of day %d", day.index())
                        .isNotNull()
                        .isCloseTo(upper.asDouble(), within(1e-6 * Math.max(1, upper.asDouble())));
            }
            if (alarm.isNull()) {
                assertThat(day.alarm()).as("alarm of day %d", day.index()).isNull();
            } else {
                assertThat(day.alarm()).as("alarm of day %d", day.index()).isEqualTo(alarm.asBoolean());
            }
        }
        assertThat(bounded).as("days with a bound").isPositive();
    }
}

package vn.situationroom.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** C1, C2 and C3 give R's alarms and bounds on every series of the fixture made with surveillance::earsC. */
class EarsCParityTests {

    static Stream<Arguments> referenceCases() {
        return RFixtures.cases("/ears/ears-reference.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void alarms_and_bounds_equal_rs_earsC(String name, JsonNode reference) {
        JsonNode control = reference.get("control");
        EarsC.Params params = new EarsC.Params(
                EarsC.Method.valueOf(control.get("method").asString()),
                control.has("baseline") ? control.get("baseline").asInt() : null,
                control.has("alpha") ? control.get("alpha").asDouble() : null,
                control.has("minSigma") ? control.get("minSigma").asDouble() : null);
        double[] observed = reference
                .get("observed")
                .valueStream()
                .mapToDouble(JsonNode::asDouble)
                .toArray();

        List<Detection> days = EarsC.detect(observed, params);

        assertThat(days).hasSize(observed.length);
        for (Detection day : days) {
            JsonNode upper = reference.get("upperbound").get(day.index());
            JsonNode alarm = reference.get("alarm").get(day.index());
            if (upper.isNull()) {
                assertThat(day.upperbound()).as("bound of day %d", day.index()).isNull();
                assertThat(day.alarm()).as("alarm of day %d", day.index()).isNull();
            } else {
                assertThat(day.upperbound())
                        .as("bound of day %d", day.index())
                        .isCloseTo(upper.asDouble(), within(1e-9));
                assertThat(day.alarm()).as("alarm of day %d", day.index()).isEqualTo(alarm.asBoolean());
            }
        }
    }
}

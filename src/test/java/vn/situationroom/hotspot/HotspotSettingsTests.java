package vn.situationroom.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HotspotSettingsTests {

    private final HotspotSettings defaults = new HotspotSettings(Duration.ofHours(1), Duration.ofMinutes(10), null, null, null);

    @ParameterizedTest(name = "{0} events, {1} people -> {2}")
    @CsvSource({
        "0, 0, NORMAL",
        "2, 4, NORMAL",
        "3, 3, WATCH",
        "1, 5, WATCH",
        "6, 6, WARNING",
        "1, 10, WARNING",
        "10, 10, CRITICAL",
        "1, 20, CRITICAL",
        "9, 19, WARNING"
    })
    void the_level_is_the_higher_of_the_levels_by_events_and_by_people(long events, long people, HotspotLevel level) {
        assertThat(defaults.levelOf(events, people)).isEqualTo(level);
    }

    @Test
    void thresholds_out_of_order_are_refused_with_the_values() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HotspotSettings.Thresholds(5, 3, 10))
                .withMessageContaining("5, 3, 10");
    }
}

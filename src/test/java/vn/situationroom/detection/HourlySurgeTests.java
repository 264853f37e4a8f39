package vn.situationroom.detection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HourlySurgeTests {

    private final HourlySurge surge = new HourlySurge(null, null, null, null);

    @Test
    void in_an_hour_that_is_usually_empty_three_visits_are_a_surge_and_two_are_not() {
        double[] empty = {0, 0, 0, 0, 0, 0, 0};

        assertThat(surge.isSurge(3, empty)).isTrue();
        assertThat(surge.isSurge(2, empty)).isFalse();
    }

    @Test
    void a_busy_hour_needs_three_standard_deviations_above_its_usual_count() {
        double[] busy = {4, 5, 6, 4, 5, 6, 5};

        assertThat(surge.bound(busy)).isBetween(7.4, 7.5);
        assertThat(surge.isSurge(8, busy)).isTrue();
        assertThat(surge.isSurge(7, busy)).isFalse();
    }
}

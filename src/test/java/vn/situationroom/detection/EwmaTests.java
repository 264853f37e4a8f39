package vn.situationroom.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EwmaTests {

    private static final Ewma.Params SENSITIVE = new Ewma.Params(0.4, null, null, null, null, null);
    private static final Ewma.Params SUDDEN = new Ewma.Params(0.9, null, null, null, null, null);

    @Test
    void a_jump_after_a_quiet_month_is_red_and_the_statistic_is_the_smoothed_count() {
        double[] series = new double[31];
        Arrays.fill(series, 1);
        series[30] = 6;

        Detection day = Ewma.detect(series, SENSITIVE).get(30);

        assertThat(day.statistic()).isCloseTo(0.4 * 6 + 0.6 * 1, within(1e-12));
        assertThat(day.level()).isEqualTo("RED");
        assertThat(day.alarm()).isTrue();
        // sd 0 floored at 0.5; scale 0.5·sqrt(0.4/1.6) = 0.25; yellow bound = 1 + t(0.95, 27)·0.25
        assertThat(day.upperbound()).isCloseTo(1 + 1.7033 * 0.25, within(1e-3));
    }

    @Test
    void days_without_28_baseline_days_and_a_2_day_guard_have_no_bound() {
        double[] series = new double[40];
        Arrays.fill(series, 2);

        List<Detection> days = Ewma.detect(series, SUDDEN);

        assertThat(days.subList(0, 30))
                .allSatisfy(d -> assertThat(d.upperbound()).isNull());
        assertThat(days.subList(30, 40)).allSatisfy(d -> assertThat(d.alarm()).isFalse());
    }

    @Test
    void the_guard_band_keeps_an_outbreaks_first_days_out_of_its_own_baseline() {
        double[] series = new double[33];
        Arrays.fill(series, 1);
        series[30] = 5;
        series[31] = 5;
        series[32] = 5;

        assertThat(Ewma.detect(series, SUDDEN).get(32).level())
                .as("third day of the rise")
                .isEqualTo("RED");
    }

    @Test
    void ordinary_poisson_days_rarely_alarm() {
        Random random = new Random(7);
        double[] series = new double[400];
        for (int i = 0; i < series.length; i++) {
            double limit = Math.exp(-3);
            double product = random.nextDouble();
            int count = 0;
            while (product > limit) {
                product *= random.nextDouble();
                count++;
            }
            series[i] = count;
        }

        long red = Ewma.detect(series, SENSITIVE).stream()
                .filter(d -> "RED".equals(d.level()))
                .count();

        assertThat(red).as("red days of 370").isLessThan(20);
    }
}

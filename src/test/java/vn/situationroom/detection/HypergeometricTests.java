package vn.situationroom.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hypergeometric sampler behind the space-time scan's replications: its draws follow the distribution (a
 * chi-square test against Commons Math's probabilities) whichever of its ways it takes: one item at a time, the ratio
 * of uniforms, more good than bad, a sample larger than half.
 */
class HypergeometricTests {

    private static final int DRAWS = 100_000;

    @ParameterizedTest(name = "good {0}, bad {1}, sample {2}")
    @CsvSource({
        "3, 1000, 5", // one at a time
        "30, 70, 40", // ratio of uniforms
        "700, 300, 500", // more good than bad
        "5000, 20000, 24995", // nearly all: one at a time, the few left behind
        "400, 90, 480", // a sample larger than half, by ratio of uniforms
        "200000, 800000, 300000", // large numbers
        "12, 12, 12"
    })
    void draws_follow_the_hypergeometric_distribution(int good, int bad, int sample) {
        SplittableRandom random = new SplittableRandom(20261207L + good + bad + sample);
        HypergeometricDistribution exact = new HypergeometricDistribution(null, good + bad, good, sample);
        int low = exact.getSupportLowerBound();
        int high = exact.getSupportUpperBound();
        long[] seen = new long[high - low + 1];
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            long k = Hypergeometric.sample(random, good, bad, sample);
            assertThat(k).isBetween((long) low, (long) high);
            seen[(int) (k - low)]++;
            sum += k;
        }
        assertThat(sum / DRAWS)
                .as("mean")
                .isCloseTo(
                        exact.getNumericalMean(),
                        org.assertj.core.api.Assertions.within(
                                5 * Math.sqrt(exact.getNumericalVariance() / DRAWS) + 1e-9));
        // Bins of at least 20 expected draws: the tails are pooled into their neighbours.
        java.util.List<Double> expected = new java.util.ArrayList<>();
        java.util.List<Long> observed = new java.util.ArrayList<>();
        double e = 0;
        long o = 0;
        for (int k = low; k <= high; k++) {
            e += exact.probability(k) * DRAWS;
            o += seen[k - low];
            if (e >= 20) {
                expected.add(e);
                observed.add(o);
                e = 0;
                o = 0;
            }
        }
        if (expected.isEmpty()) {
            expected.add(e);
            observed.add(o);
        } else {
            int last = expected.size() - 1;
            expected.set(last, expected.get(last) + e);
            observed.set(last, observed.get(last) + o);
        }
        if (expected.size() < 2) {
            assertThat(observed.getFirst()).isEqualTo(DRAWS);
            return;
        }
        double p = new ChiSquareTest()
                .chiSquareTest(
                        expected.stream().mapToDouble(Double::doubleValue).toArray(),
                        observed.stream().mapToLong(Long::longValue).toArray());
        assertThat(p).as("chi-square p-value over %d bins", expected.size()).isGreaterThan(0.001);
    }

    @Test
    void the_certain_cases_are_certain() {
        SplittableRandom random = new SplittableRandom(1);
        assertThat(Hypergeometric.sample(random, 0, 50, 20)).isZero();
        assertThat(Hypergeometric.sample(random, 50, 0, 20)).isEqualTo(20);
        assertThat(Hypergeometric.sample(random, 300, 700, 1000)).isEqualTo(300);
        assertThat(Hypergeometric.sample(random, 300, 700, 0)).isZero();
    }

    @Test
    void an_impossible_draw_is_refused_with_its_numbers() {
        assertThatThrownBy(() -> Hypergeometric.sample(new SplittableRandom(1), 3, 4, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3, 4, 8");
    }
}

package vn.situationroom.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the simulator ({@code situationroom.simulator.*}).
 *
 * @param enabled whether it runs; when unset, it runs with the embedded broker of the default run and stays off
 *     against a real broker
 * @param seed the seed of its random model: the same seed gives the same events with the same ids
 * @param intensity a factor on the realistic rates of the model (1 = a few events a day per commune)
 * @param rate events per second for load tests and benchmarks; when set, the model's rhythm and calendar are left
 *     aside and events are written at this rate, all at the current time
 * @param backfillDays days of history written before now when it starts (0 = none); the same seed writes the same
 *     history again, which intake counts once
 */
@ConfigurationProperties("situationroom.simulator")
public record SimulatorProperties(Boolean enabled, Long seed, Double intensity, Double rate, Integer backfillDays) {

    public SimulatorProperties {
        seed = seed == null ? 20260315L : seed;
        intensity = intensity == null ? 1.0 : intensity;
        backfillDays = backfillDays == null ? 0 : backfillDays;
        if (intensity <= 0 || (rate != null && rate <= 0) || backfillDays < 0) {
            throw new IllegalArgumentException(
                    "situationroom.simulator: intensity and rate must be positive and backfill-days not negative");
        }
    }
}

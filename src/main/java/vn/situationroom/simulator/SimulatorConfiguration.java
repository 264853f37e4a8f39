package vn.situationroom.simulator;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.intake.IntakeService;
import vn.situationroom.region.Region;

/** Starts the simulator when it is asked for, or, when nobody said, with the embedded broker of the default run. */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Bean
    Simulator simulator(
            SimulatorProperties properties,
            Region region,
            ElectionCalendar calendar,
            IntakeService intake,
            Environment environment,
            Clock clock) {
        boolean embeddedBroker = !environment.containsProperty("spring.kafka.bootstrap-servers");
        boolean enabled = properties.enabled() != null ? properties.enabled() : embeddedBroker;
        if (!enabled) {
            log.info("Simulator is off; situationroom.simulator.enabled=true turns it on");
        }
        var model = new DistrictModel(
                properties.seed(), region.codes().stream().sorted().toList(), calendar, properties.intensity());
        return new Simulator(model, intake, properties, clock, enabled);
    }
}

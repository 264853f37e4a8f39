package vn.situationroom.intake;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.situationroom.region.Region;

/** Wires the event reader to the loaded region and the system clock. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    ReceptionEventReader receptionEventReader(Region region) {
        return new ReceptionEventReader(region::contains, Clock.systemUTC());
    }
}

package vn.situationroom.intake;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import vn.situationroom.platform.PlatformProperties;
import vn.situationroom.region.Region;

/** Declares intake's topics and wires the event reader to the loaded region and the system clock. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    KafkaAdmin.NewTopics intakeTopics(PlatformProperties platform) {
        return new KafkaAdmin.NewTopics(
                IntakeTopics.RECEPTION_EVENTS.toNewTopic(platform),
                IntakeTopics.RECEPTION_EVENTS_REJECTED.toNewTopic(platform));
    }

    @Bean
    ReceptionEventReader receptionEventReader(Region region) {
        return new ReceptionEventReader(region::contains, Clock.systemUTC());
    }
}

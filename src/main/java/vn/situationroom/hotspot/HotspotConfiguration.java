package vn.situationroom.hotspot;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import vn.situationroom.platform.PlatformProperties;

/** Declares the topics the hotspot analytics write, so that they exist before the stream starts. */
@Configuration(proxyBeanMethods = false)
class HotspotConfiguration {

    @Bean
    KafkaAdmin.NewTopics hotspotTopics(PlatformProperties platform) {
        return new KafkaAdmin.NewTopics(
                HotspotTopics.COMMUNE_HOTSPOTS.toNewTopic(platform),
                HotspotTopics.COMMUNE_INDICATORS.toNewTopic(platform),
                HotspotTopics.ALERTS.toNewTopic(platform),
                HotspotTopics.ALERT_COMMANDS.toNewTopic(platform));
    }
}

package vn.situationroom.platform;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import vn.situationroom.Topics;

/** Declares the product's topics, so that Spring's {@code KafkaAdmin} creates them at start-up when they are missing. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics productTopics(PlatformProperties properties) {
        return new KafkaAdmin.NewTopics(
                // Reception events are official records and the source of truth: never deleted by age.
                topic(Topics.RECEPTION_EVENTS.name(), properties)
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .build(),
                topic(Topics.RECEPTION_EVENTS_REJECTED.name(), properties)
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .build(),
                topic(Topics.COMMUNE_INDICATORS.name(), properties).build(),
                // Latest value per key is the state: compaction keeps it forever and drops the superseded ones.
                topic(Topics.COMMUNE_HOTSPOTS.name(), properties).compact().build(),
                topic(Topics.ALERTS.name(), properties).compact().build());
    }

    private static TopicBuilder topic(String name, PlatformProperties properties) {
        return TopicBuilder.name(name).partitions(properties.topicPartitions()).replicas(properties.topicReplicas());
    }
}

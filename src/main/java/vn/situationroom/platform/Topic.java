package vn.situationroom.platform;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.springframework.kafka.config.TopicBuilder;

/**
 * A Kafka topic of the product: its name, the serdes of its keys and values, and how it is created when missing.
 * Each feature declares the topics it owns; keys are the commune code everywhere and values UTF-8 JSON.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Retention retention) {

    /** How long a topic keeps its records. */
    public enum Retention {
        /** Official records: never deleted by age. */
        FOREVER,
        /** State: the latest value per key is kept forever, the superseded ones are compacted away. */
        COMPACTED,
        /** The broker's default retention. */
        DEFAULT
    }

    /** The topic as the app's {@code KafkaAdmin} creates it when it is missing. */
    public NewTopic toNewTopic(PlatformProperties properties) {
        TopicBuilder builder =
                TopicBuilder.name(name).partitions(properties.topicPartitions()).replicas(properties.topicReplicas());
        if (properties.topicReplicas() >= 3) {
            // A write is stored on two copies at least before it is confirmed: one broker may go without a loss.
            builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        }
        return switch (retention) {
            case FOREVER ->
                builder.config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
            case COMPACTED -> builder.compact().build();
            case DEFAULT -> builder.build();
        };
    }
}

package vn.situationroom.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded broker and database that the default run starts inside the app.
 *
 * @param dataDir where the broker log, the database cluster and the stream state live between runs
 * @param ephemeral use a fresh temporary data directory that is deleted on exit (tests)
 * @param kafkaPort the broker's client port; 0 picks a free one
 * @param kafkaControllerPort the KRaft controller's port; 0 picks a free one
 * @param postgresPort the database port; 0 picks a free one
 * @param topicPartitions partitions of each topic the app declares (the commune code spreads over them)
 * @param topicReplicas replicas of each topic the app declares: 1 on the embedded node, 3 on a production cluster
 * @param clockOffset how far the app's clock runs ahead of the machine's: 0 in use; a test sets it to run the product
 *     on another date (a weekend, a month's end) with everything that reads "now" agreeing
 */
@ConfigurationProperties("situationroom.platform")
public record PlatformProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("9092") int kafkaPort,
        @DefaultValue("9093") int kafkaControllerPort,
        @DefaultValue("15432") int postgresPort,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("PT0S") Duration clockOffset) {}

package vn.situationroom.hotspot;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.intake.IntakeProperties;
import vn.situationroom.platform.ClockTime;
import vn.situationroom.platform.DataDirectory;
import vn.situationroom.platform.PlatformProperties;
import vn.situationroom.region.Region;

/** Runs the {@link HotspotTopology} for as long as the app runs, against whichever broker the app is connected to. */
@Component
class HotspotStreams implements SmartLifecycle {

    static final String APPLICATION_ID = HotspotTopics.STREAM_APPLICATION_ID;
    private static final Logger log = LoggerFactory.getLogger(HotspotStreams.class);

    private final HotspotSettings settings;
    private final ElectionCalendar calendar;
    private final Region region;
    private final PlatformProperties platform;
    private final KafkaConnectionDetails kafka;
    private final DataDirectory data;
    private final IntakeProperties intake;
    private final KafkaProperties kafkaProperties;
    private volatile KafkaStreams streams;

    private final Clock clock;

    HotspotStreams(
            HotspotSettings settings,
            ElectionCalendar calendar,
            Region region,
            PlatformProperties platform,
            KafkaConnectionDetails kafka,
            DataDirectory data,
            IntakeProperties intake,
            KafkaProperties kafkaProperties,
            Clock clock) {
        this.clock = clock;
        this.intake = intake;
        this.kafkaProperties = kafkaProperties;
        this.settings = settings;
        this.calendar = calendar;
        this.region = region;
        this.platform = platform;
        this.kafka = kafka;
        this.data = data;
    }

    @Override
    public void start() {
        Properties config = new Properties();
        // Boot's settings of every Kafka client (spring.kafka.properties.*, spring.kafka.security.*, SASL, SSL), so
        // that
        // the stream signs in to a secured cluster as the app's other clients do; the stream's own settings follow.
        config.putAll(kafkaProperties.buildStreamsProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", kafka.getStreams().getBootstrapServers()));
        config.put(StreamsConfig.STATE_DIR_CONFIG, data.resolve("streams").toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // A level must reach the wall screen in well under a second: the analytics publish what changed every
        // publish-interval and the transaction commits every commit-interval (read_committed readers see records only
        // then). The record cache only spares the stores and changelogs repeated writes of one entry in between.
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, settings.cacheSize());
        config.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                settings.commitInterval().toMillis());
        config.put(
                StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                settings.streamThreads(Runtime.getRuntime().availableProcessors(), platform.topicPartitions()));
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Static membership: an instance that restarts after a crash takes its tasks back at once, instead of
        // waiting out the session of its dead self (45 s) before the group rebalances.
        config.put(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                "situation-room-hotspots-" + data.instanceId());
        // The changelogs and outputs go out in batches of up to 10 ms: a few ms later, far fewer requests for the
        // broker to handle (measured with bench/stream.sh, README).
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 10);
        // A task reads events, events that changed partition and commands; none waits for the others: their order
        // across the three does not matter to the analytics.
        config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        // The changelogs and the repartition topic keep as many copies as the app's own topics.
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) platform.topicReplicas());
        if (platform.topicReplicas() >= 3) {
            config.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), "2");
        }
        // When an instance dies, another takes over its tasks once its session has expired: 10 s instead of 45 s
        // (bench/failover.sh measures it). A restart within that time takes its own tasks back (static membership).
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        config.putAll(settings.streamsConfig());
        streams = new KafkaStreams(
                HotspotTopology.buildTopology(
                        settings, calendar, region.codes(), platform.topicPartitions(), clock, intake.maxEventAge()),
                config,
                ClockTime.of(clock));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Hotspot stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> log.info("Hotspot streams {} -> {}", before, now));
        streams.start();
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running != null) {
            running.close(Duration.ofSeconds(30));
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }
}

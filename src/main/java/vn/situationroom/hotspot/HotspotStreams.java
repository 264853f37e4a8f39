package vn.situationroom.hotspot;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.platform.DataDirectory;
import vn.situationroom.platform.PlatformProperties;
import vn.situationroom.region.Region;

/** Runs the {@link HotspotTopology} for as long as the app runs, against whichever broker the app is connected to. */
@Component
class HotspotStreams implements SmartLifecycle {

    static final String APPLICATION_ID = "situation-room-hotspots";
    private static final Logger log = LoggerFactory.getLogger(HotspotStreams.class);

    private final HotspotSettings settings;
    private final ElectionCalendar calendar;
    private final Region region;
    private final PlatformProperties platform;
    private final KafkaConnectionDetails kafka;
    private final DataDirectory data;
    private volatile KafkaStreams streams;

    HotspotStreams(HotspotSettings settings, ElectionCalendar calendar, Region region, PlatformProperties platform,
            KafkaConnectionDetails kafka, DataDirectory data) {
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
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getStreams().getBootstrapServers()));
        config.put(StreamsConfig.STATE_DIR_CONFIG, data.resolve("streams").toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // A level must reach the wall screen in well under a second: no record cache between the stores and the
        // output, and transactions committed every 100 ms (read_committed readers, including the second half of the
        // topology behind the repartition topics, see records only then).
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Static membership: an instance that restarts after a crash takes its tasks back at once, instead of
        // waiting out the session of its dead self (45 s) before the group rebalances.
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                "situation-room-hotspots-" + data.instanceId());
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        streams = new KafkaStreams(
                HotspotTopology.buildTopology(settings, calendar, region.codes(), platform.topicPartitions(),
                        Clock.systemUTC()), config);
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

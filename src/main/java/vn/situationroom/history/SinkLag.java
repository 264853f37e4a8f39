package vn.situationroom.history;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import vn.situationroom.hotspot.HotspotTopics;
import vn.situationroom.intake.IntakeTopics;

/**
 * How far behind each sink is: the committed records on its topic that its consumer group has not yet committed as
 * stored. Published as the gauge {@code situationroom.history.sink.lag} (tag {@code group}) and read by the health
 * indicator. Measured through the Kafka admin API, at most once every few seconds.
 */
@Component
class SinkLag implements DisposableBean {

    static final Map<String, String> TOPIC_OF_GROUP = Map.of(
            HistorySink.EVENTS_GROUP, IntakeTopics.RECEPTION_EVENTS.name(),
            HistorySink.PERSONS_GROUP, IntakeTopics.RECEPTION_EVENT_PERSONS.name(),
            HistorySink.INDICATORS_GROUP, HotspotTopics.COMMUNE_INDICATORS.name(),
            HistorySink.ALERTS_GROUP, HotspotTopics.ALERTS.name(),
            HistorySink.LEVELS_GROUP, HotspotTopics.COMMUNE_HOTSPOTS.name());

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final KafkaAdmin kafkaAdmin;
    private Admin admin;
    private Map<String, Long> lastLag = Map.of();
    private Instant measuredAt = Instant.EPOCH;

    SinkLag(KafkaAdmin kafkaAdmin, MeterRegistry registry) {
        this.kafkaAdmin = kafkaAdmin;
        for (String group : TOPIC_OF_GROUP.keySet()) {
            Gauge.builder("situationroom.history.sink.lag", () -> lag().getOrDefault(group, -1L))
                    .tag("group", group)
                    .description("Committed records on the sink's topic not yet stored in the database")
                    .baseUnit("records")
                    .register(registry);
        }
    }

    /** The lag of each sink's group, in records; absent when the broker did not answer. */
    synchronized Map<String, Long> lag() {
        if (Duration.between(measuredAt, Instant.now()).compareTo(FRESH) < 0) {
            return lastLag;
        }
        Map<String, Long> lag = new HashMap<>();
        try {
            for (var entry : TOPIC_OF_GROUP.entrySet()) {
                lag.put(entry.getKey(), lagOf(entry.getKey(), entry.getValue()));
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            lag.clear();
        }
        lastLag = Map.copyOf(lag);
        measuredAt = Instant.now();
        return lastLag;
    }

    /**
     * The records of a topic that a consumer group has not yet done, for telling whether it has caught up; -1 when
     * the broker did not answer. The topics are written in transactions: each partition's log ends with a commit
     * marker, which a listener's committed offset (the last record's offset + 1) never passes, so one record behind in
     * a partition counts as caught up.
     */
    synchronized long lagOfGroup(String group, String topic) {
        try {
            return lagOf(group, topic, 1);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }

    private long lagOf(String group, String topic) throws Exception {
        return lagOf(group, topic, 0);
    }

    /** The lag in records, where a partition at most {@code marker} behind counts as none. */
    private long lagOf(String group, String topic, long marker) throws Exception {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        List<TopicPartition> partitions = admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(5, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        partitions.forEach(p -> {
            latest.put(p, OffsetSpec.latest());
            earliest.put(p, OffsetSpec.earliest());
        });
        var options = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        var ends = admin.listOffsets(latest, options).all().get(5, TimeUnit.SECONDS);
        var starts = admin.listOffsets(earliest, options).all().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(5, TimeUnit.SECONDS);
        long total = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long from = done != null ? done.offset() : starts.get(partition).offset();
            long behind = Math.max(0, ends.get(partition).offset() - from);
            total += behind <= marker ? 0 : behind;
        }
        return total;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}

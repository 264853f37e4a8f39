package vn.situationroom.live;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.HotspotTopics;

/**
 * Every alert this app instance knows of, in its latest state, kept from the compacted {@code alerts} topic, with the
 * changes pushed to whoever subscribed. Like {@link LiveHotspots}, each instance reads the whole topic.
 */
@Component
public class LiveAlerts extends AbstractConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(LiveAlerts.class);

    private final Map<String, Alert> latest = new ConcurrentHashMap<>();
    private final List<Consumer<Alert>> subscribers = new CopyOnWriteArrayList<>();

    /** The alert with this id, in its latest state. */
    public Optional<Alert> find(String alertId) {
        return Optional.ofNullable(latest.get(alertId));
    }

    /** The OPEN and ACKNOWLEDGED alerts, most severe first, then the longest waiting. */
    public List<Alert> active() {
        return latest.values().stream()
                .filter(Alert::isActive)
                .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::firstSeen))
                .toList();
    }

    /** Calls {@code subscriber} on a Kafka thread with every change from now on, until the registration is removed. */
    public LiveHotspots.Registration subscribe(Consumer<Alert> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @KafkaListener(
            id = "live-alerts",
            topics = "#{T(vn.situationroom.hotspot.HotspotTopics).ALERTS.name()}",
            groupId = "situation-room-live-alerts-#{T(java.util.UUID).randomUUID()}",
            properties = {"isolation.level=read_committed", "auto.offset.reset=earliest"})
    void onRecord(ConsumerRecord<String, byte[]> record) {
        var topic = HotspotTopics.ALERTS;
        Alert alert = record.value() == null ? null
                : topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (alert == null) {
            return;
        }
        latest.put(alert.alertId(), alert);
        for (Consumer<Alert> subscriber : subscribers) {
            try {
                subscriber.accept(alert);
            } catch (RuntimeException e) {
                log.warn("A live subscriber failed on alert {}; the others still get it", alert.alertId(), e);
            }
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        callback.seekToBeginning(assignments.keySet());
    }
}

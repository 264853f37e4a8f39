package vn.situationroom.live;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.HotspotTopics;

/**
 * Every alert this app instance knows of, in its latest state, kept from the compacted {@code alerts} topic, with the
 * changes pushed to whoever subscribed. Like {@link LiveHotspots}, each instance reads the whole topic.
 */
@Component
public class LiveAlerts extends CompactedTopicFeed<Alert> {

    private static final int SHORT_ID = 10;
    private static final Pattern SHORT_FORM = Pattern.compile("[0-9a-f]{" + SHORT_ID + ",32}");

    private final Map<String, Alert> latest = new ConcurrentHashMap<>();

    /** The alert with this id, in its latest state. */
    public Optional<Alert> find(String alertId) {
        return Optional.ofNullable(latest.get(alertId));
    }

    /**
     * The alert of a short form of its id, as an SMS's link carries it: its first characters without the hyphens
     * ({@link #shortId}); of two that share them, the one still active, then the newest.
     */
    public Optional<Alert> findByShortId(String shortId) {
        String wanted = shortId == null ? "" : shortId.replace("-", "").toLowerCase(Locale.ROOT);
        // At least the digits a link carries: a shorter one would name whichever alert happens to match.
        if (!SHORT_FORM.matcher(wanted).matches()) {
            return Optional.empty();
        }
        return latest.values().stream()
                .filter(alert -> alert.alertId().replace("-", "").startsWith(wanted))
                .max(Comparator.comparing(Alert::isActive).thenComparing(Alert::firstSeen));
    }

    /**
     * The short form of an alert's id: its first 10 characters without the hyphens (10 hexadecimal digits of a UUID,
     * which two of 10,000 alerts share with a chance of about 1 in 20,000).
     */
    public static String shortId(String alertId) {
        String plain = alertId.replace("-", "");
        return plain.substring(0, Math.min(SHORT_ID, plain.length()));
    }

    /** The OPEN and ACKNOWLEDGED alerts, most severe first, then the longest waiting. */
    public List<Alert> active() {
        return latest.values().stream()
                .filter(Alert::isActive)
                .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::firstSeen))
                .toList();
    }

    @KafkaListener(
            id = "live-alerts",
            topics = "#{T(vn.situationroom.hotspot.HotspotTopics).ALERTS.name()}",
            groupId = "situation-room-live-alerts-#{T(java.util.UUID).randomUUID()}",
            properties = {"isolation.level=read_committed", "auto.offset.reset=earliest"})
    void onRecord(ConsumerRecord<String, byte[]> record) {
        var topic = HotspotTopics.ALERTS;
        Alert alert = record.value() == null
                ? null
                : topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (alert == null) {
            return;
        }
        latest.put(alert.alertId(), alert);
        publish(alert);
    }
}

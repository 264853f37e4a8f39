package vn.situationroom.live;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.hotspot.HotspotTopics;

/**
 * The live picture of every commune's hotspot state in this app instance, kept from {@code commune-hotspots}, and
 * the changes pushed to whoever subscribed (each open dashboard). Every instance reads the whole compacted topic
 * from its start under a group of its own, so instances behind a load balancer each hold the full picture.
 */
@Component
public class LiveHotspots extends CompactedTopicFeed<CommuneHotspot> {

    private final Map<String, CommuneHotspot> latest = new ConcurrentHashMap<>();
    private final Map<String, CommuneHotspot> view = Collections.unmodifiableMap(latest);

    /**
     * The latest known state of every commune that has one: a read-only view that follows the feed (each commune's
     * entry is whole), not a copy: every open screen reads it on every change, and at 3,321 communes a copy per
     * screen per change was most of a wall's redraw.
     */
    public Map<String, CommuneHotspot> current() {
        return view;
    }

    @KafkaListener(
            id = "live-hotspots",
            topics = "#{T(vn.situationroom.hotspot.HotspotTopics).COMMUNE_HOTSPOTS.name()}",
            groupId = "situation-room-live-#{T(java.util.UUID).randomUUID()}",
            properties = {"isolation.level=read_committed", "auto.offset.reset=earliest"})
    void onRecord(ConsumerRecord<String, byte[]> record) {
        var topic = HotspotTopics.COMMUNE_HOTSPOTS;
        CommuneHotspot hotspot = record.value() == null
                ? null
                : topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (hotspot == null) {
            return;
        }
        // Records of one commune arrive in the order they were computed; should an older one ever come after a newer
        // one (a replay of the topic), the newer state stays.
        CommuneHotspot kept = latest.merge(
                hotspot.communeCode(),
                hotspot,
                (held, offered) -> offered.asOf().isBefore(held.asOf()) ? held : offered);
        if (kept != hotspot) {
            return;
        }
        publish(hotspot);
    }
}

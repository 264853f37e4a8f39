package vn.situationroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.HotspotTopics;

class LiveHotspotsTests {

    private static final Instant EIGHT = Instant.parse("2026-03-15T01:00:00Z");
    private static final Instant NINE = Instant.parse("2026-03-15T02:00:00Z");

    private final LiveHotspots live = new LiveHotspots();
    private final List<CommuneHotspot> pushed = new ArrayList<>();

    @Test
    void every_change_is_kept_and_pushed_to_subscribers() {
        live.subscribe(pushed::add);

        receive(hotspot(EIGHT, HotspotLevel.WARNING));

        assertThat(live.current().get("10001").level()).isEqualTo(HotspotLevel.WARNING);
        assertThat(pushed).extracting(CommuneHotspot::level).containsExactly(HotspotLevel.WARNING);
    }

    @Test
    void a_late_update_of_an_earlier_window_does_not_replace_the_current_one() {
        live.subscribe(pushed::add);
        receive(hotspot(NINE, HotspotLevel.NORMAL));

        receive(hotspot(EIGHT, HotspotLevel.CRITICAL));

        assertThat(live.current().get("10001").windowStart()).isEqualTo(NINE);
        assertThat(pushed).extracting(CommuneHotspot::level).containsExactly(HotspotLevel.NORMAL);
    }

    @Test
    void a_removed_subscription_gets_nothing_more_and_a_failing_one_does_not_stop_the_others() {
        LiveHotspots.Registration registration = live.subscribe(pushed::add);
        live.subscribe(h -> {
            throw new IllegalStateException("a closed browser tab");
        });
        List<CommuneHotspot> other = new ArrayList<>();
        live.subscribe(other::add);
        registration.remove();

        receive(hotspot(EIGHT, HotspotLevel.WATCH));

        assertThat(pushed).isEmpty();
        assertThat(other).hasSize(1);
    }

    private void receive(CommuneHotspot hotspot) {
        var topic = HotspotTopics.COMMUNE_HOTSPOTS;
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), hotspot);
        live.onRecord(new ConsumerRecord<>(topic.name(), 0, 0, hotspot.communeCode(), value));
    }

    private static CommuneHotspot hotspot(Instant windowStart, HotspotLevel level) {
        return new CommuneHotspot(
                "10001", level, java.util.List.of(), windowStart, windowStart.plusSeconds(3600), 1, 1, windowStart);
    }
}

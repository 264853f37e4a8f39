package vn.situationroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.HotspotTopics;

/** The short id an SMS's link carries finds its alert, and nothing shorter or stranger finds any. */
class LiveAlertsTests {

    private static final Instant EIGHT = Instant.parse("2026-03-15T01:00:00Z");

    private final LiveAlerts live = new LiveAlerts();

    @Test
    void a_short_id_finds_its_alert_however_it_is_typed_and_a_shorter_one_finds_none() {
        receive(alert("d78393c0-e7a1-3cda-8408-5b6c7fe4c1b3", AlertState.OPEN, EIGHT));
        receive(alert("0324ab46-fe0e-3cda-8408-5b6c7fe4c1b3", AlertState.OPEN, EIGHT));

        assertThat(LiveAlerts.shortId("d78393c0-e7a1-3cda-8408-5b6c7fe4c1b3")).isEqualTo("d78393c0e7");
        assertThat(live.findByShortId("d78393c0e7"))
                .map(Alert::alertId)
                .contains("d78393c0-e7a1-3cda-8408-5b6c7fe4c1b3");
        assertThat(live.findByShortId("D78393C0-E7"))
                .map(Alert::alertId)
                .contains("d78393c0-e7a1-3cda-8408-5b6c7fe4c1b3");
        assertThat(live.findByShortId("d78393c0e")).as("9 digits").isEmpty();
        assertThat(live.findByShortId("0")).isEmpty();
        assertThat(live.findByShortId("")).isEmpty();
        assertThat(live.findByShortId(null)).isEmpty();
        assertThat(live.findByShortId("d78393c0e7'; --")).isEmpty();
    }

    @Test
    void of_two_alerts_that_share_a_short_id_the_active_one_is_found() {
        receive(alert("0324ab46-fe00-0000-0000-000000000001", AlertState.OPEN, EIGHT));
        receive(alert("0324ab46-fe00-0000-0000-000000000002", AlertState.RESOLVED, EIGHT.plusSeconds(60)));

        assertThat(live.findByShortId("0324ab46fe"))
                .map(Alert::alertId)
                .contains("0324ab46-fe00-0000-0000-000000000001");
    }

    private void receive(Alert alert) {
        var topic = HotspotTopics.ALERTS;
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), alert);
        live.onRecord(new ConsumerRecord<>(topic.name(), 0, 0, alert.alertId(), value));
    }

    private static Alert alert(String id, AlertState state, Instant at) {
        return new Alert(
                id,
                "10001",
                AlertRule.CROWD,
                HotspotLevel.CRITICAL,
                state,
                at,
                at,
                1,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null);
    }
}

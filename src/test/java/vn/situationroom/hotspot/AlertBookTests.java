package vn.situationroom.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The active alerts of a commune, as its state on the wall and the police map asks for them at every publication:
 * found after a restart from what the store holds, and gone once a person or the quiet period resolves them.
 */
class AlertBookTests {

    private static final Instant EIGHT = Instant.parse("2026-03-01T01:00:00Z");

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final KeyValueStore<String, Alert> alerts = store("alerts", new AlertCodec());
    private final KeyValueStore<String, Long> raised = store("raised", Serdes.Long());

    @Test
    void a_communes_active_alerts_are_found_after_a_restart_and_a_resolved_one_is_gone() {
        AlertBook book = new AlertBook(alerts, raised);
        Alert crowd = book.raise("29416", trigger(AlertRule.CROWD, HotspotLevel.WARNING), UUID.randomUUID(), EIGHT)
                .alert();
        book.raise(
                "29416",
                trigger(AlertRule.INCIDENT, HotspotLevel.CRITICAL),
                UUID.randomUUID(),
                EIGHT.plus(Duration.ofHours(2)));
        book.raise("29419", trigger(AlertRule.CROWD, HotspotLevel.WARNING), UUID.randomUUID(), EIGHT);
        book.raise("29416", trigger(AlertRule.CROWD, HotspotLevel.CRITICAL), UUID.randomUUID(), EIGHT);

        AlertBook restarted = new AlertBook(alerts, raised);
        assertThat(restarted.active("29416"))
                .as("the crowd merged into one alert, and the incident")
                .extracting(Alert::rule, Alert::severity)
                .containsExactly(
                        tuple(AlertRule.CROWD, HotspotLevel.CRITICAL),
                        tuple(AlertRule.INCIDENT, HotspotLevel.CRITICAL));
        assertThat(restarted.active("29419")).hasSize(1);
        assertThat(restarted.active("29417")).isEmpty();

        restarted.decide("29416", resolve(crowd));
        assertThat(restarted.active("29416")).extracting(Alert::rule).containsExactly(AlertRule.INCIDENT);

        assertThat(restarted.resolveQuiet(EIGHT.plus(Duration.ofHours(25)).toEpochMilli(), Duration.ofHours(24)))
                .extracting(Alert::communeCode)
                .containsExactly("29419");
        assertThat(restarted.active("29419")).isEmpty();
        assertThat(restarted.active("29416")).hasSize(1);
        assertThat(new AlertBook(alerts, raised).active("29416"))
                .as("after another restart")
                .extracting(Alert::rule)
                .containsExactly(AlertRule.INCIDENT);
    }

    private <V> KeyValueStore<String, V> store(String name, org.apache.kafka.common.serialization.Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    private static Trigger trigger(AlertRule rule, HotspotLevel severity) {
        return new Trigger(rule, severity, new Reason(rule.name(), severity, 1.0, null, 1.0, null));
    }

    private static AlertCommand resolve(Alert alert) {
        return new AlertCommand(
                UUID.randomUUID(),
                alert.alertId(),
                alert.communeCode(),
                AlertCommand.Action.RESOLVE,
                "chỉ huy",
                "đã giải quyết",
                EIGHT.plus(Duration.ofHours(1)));
    }
}

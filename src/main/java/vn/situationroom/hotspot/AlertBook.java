package vn.situationroom.hotspot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active alerts of the communes of one stream task, each its own store entry keyed by the commune and, for a rule
 * that events raise, the rule (new triggers merge into it), or, for a standing condition, the rule and the alert's id
 * (a case may have two conditions of one rule at once). Also the ids of the standing conditions' alerts ever raised,
 * so that each is raised once however often the app's checks send it.
 */
final class AlertBook {

    private static final Logger log = LoggerFactory.getLogger(AlertBook.class);
    private static final char SEPARATOR = '\u0000';

    private final KeyValueStore<String, Alert> alerts;
    private final KeyValueStore<String, Long> raised;
    /** The alerts in use, decoded: a crowd or a case that keeps coming back merges into its alert event after event. */
    private final RecentEntries<String, Alert> recent = new RecentEntries<>(10_000);
    /**
     * The keys of each commune's active alerts, in the store's order: a commune's state asks for its alerts at every
     * publication, and most communes have none. The store stays the truth; this is read from it at the start.
     */
    private final Map<String, NavigableSet<String>> keysOf = new HashMap<>();

    AlertBook(KeyValueStore<String, Alert> alerts, KeyValueStore<String, Long> raised) {
        this.alerts = alerts;
        this.raised = raised;
        try (KeyValueIterator<String, Alert> all = alerts.all()) {
            all.forEachRemaining(entry -> index(entry.key, true));
        }
    }

    /** A raised or merged alert: {@code created} when it is new. */
    record Raised(String key, Alert alert, boolean created) {}

    /** One more trigger of an event: merged into the commune's active alert of the rule, or a new alert. */
    Raised raise(String commune, Trigger trigger, UUID eventId, Instant at) {
        String key = commune + SEPARATOR + trigger.rule().name();
        Alert active = get(key);
        Alert alert = active != null
                ? active.merge(trigger, at)
                : Alert.open(
                        UUID.nameUUIDFromBytes((commune + "/" + trigger.rule() + "/" + eventId)
                                        .getBytes(StandardCharsets.UTF_8))
                                .toString(),
                        commune,
                        trigger,
                        at);
        put(key, alert);
        return new Raised(key, alert, active == null);
    }

    /** The alert as it is now, by its key in the store; {@code null} once it was resolved. */
    Alert get(String key) {
        Alert alert = recent.get(key);
        if (alert == null) {
            alert = alerts.get(key);
            if (alert != null) {
                recent.put(key, alert);
            }
        }
        return alert;
    }

    /** Keeps an alert, or forgets it ({@code null}). */
    private void put(String key, Alert alert) {
        if (alert == null) {
            recent.remove(key);
        } else {
            recent.put(key, alert);
        }
        index(key, alert != null);
        alerts.put(key, alert);
    }

    private void index(String key, boolean active) {
        String commune = key.substring(0, key.indexOf(SEPARATOR));
        if (active) {
            keysOf.computeIfAbsent(commune, c -> new TreeSet<>()).add(key);
        } else {
            NavigableSet<String> keys = keysOf.get(commune);
            if (keys != null && keys.remove(key) && keys.isEmpty()) {
                keysOf.remove(commune);
            }
        }
    }

    /** A person's acknowledgement or resolution, or the system's end of a condition; the alert changed, or null. */
    Alert decide(String commune, AlertCommand command) {
        KeyValue<String, Alert> target = null;
        for (KeyValue<String, Alert> entry : activeEntries(commune)) {
            if (entry.value.alertId().equals(command.alertId())) {
                target = entry;
            }
        }
        if (target == null) {
            log.info(
                    "Command {} for alert {} of {} found no active alert; it was resolved already",
                    command.commandId(),
                    command.alertId(),
                    commune);
            return null;
        }
        Alert alert = command.action() == AlertCommand.Action.ACKNOWLEDGE
                ? target.value.acknowledge(command.by(), command.note(), command.at())
                : target.value.resolve(command.by(), command.note(), command.at());
        put(target.key, alert.isActive() ? alert : null);
        return alert;
    }

    /**
     * Raises the alert of a standing condition the app found, once: the app checks again and again and may send the
     * same condition twice (after a restart, or from two instances), but an alert raised before, even one resolved
     * since, is not raised again. Returns the new alert, or null.
     */
    Alert raiseStanding(String commune, AlertCommand command) {
        if (command.rule() == null
                || command.rule().fromEvents()
                || command.severity() == null
                || command.reason() == null) {
            log.warn(
                    "Command {} to raise {} of {} lacks a standing rule, severity or reason; ignored",
                    command.commandId(),
                    command.alertId(),
                    commune);
            return null;
        }
        if (raised.get(command.alertId()) != null) {
            log.debug("Alert {} of {} was raised before; not again", command.alertId(), commune);
            return null;
        }
        raised.put(command.alertId(), command.at().toEpochMilli());
        Alert alert = Alert.open(
                command.alertId(),
                commune,
                new Trigger(command.rule(), command.severity(), command.reason()),
                command.at());
        put(commune + SEPARATOR + command.rule().name() + "/" + command.alertId(), alert);
        return alert;
    }

    /** The active alerts of a commune. */
    List<Alert> active(String commune) {
        return activeEntries(commune).stream().map(entry -> entry.value).toList();
    }

    /** Resolves the alerts of events that had no new trigger for the quiet period; returns them resolved. */
    List<Alert> resolveQuiet(long wall, Duration quietPeriod) {
        List<KeyValue<String, Alert>> quiet = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = alerts.all()) {
            all.forEachRemaining(entry -> {
                Alert alert = entry.value;
                if (alert.rule().fromEvents() && alert.lastSeen().toEpochMilli() + quietPeriod.toMillis() <= wall) {
                    quiet.add(entry);
                }
            });
        }
        List<Alert> resolved = new ArrayList<>();
        for (KeyValue<String, Alert> entry : quiet) {
            put(entry.key, null);
            resolved.add(entry.value.resolve(Alert.SYSTEM, Alert.QUIET, Instant.ofEpochMilli(wall)));
        }
        return resolved;
    }

    /** Forgets the raised ids older than {@code oldest} (epoch ms). */
    void forgetRaisedBefore(long oldest) {
        List<KeyValue<String, Long>> old = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = raised.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value < oldest) {
                    old.add(KeyValue.pair(entry.key, null));
                }
            });
        }
        raised.putAll(old);
    }

    private List<KeyValue<String, Alert>> activeEntries(String commune) {
        NavigableSet<String> keys = keysOf.get(commune);
        if (keys == null) {
            return List.of();
        }
        List<KeyValue<String, Alert>> entries = new ArrayList<>(keys.size());
        for (String key : keys) {
            entries.add(KeyValue.pair(key, get(key)));
        }
        return entries;
    }
}

package vn.situationroom.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.CommuneIndicators;
import vn.situationroom.hotspot.HotspotTopics;
import vn.situationroom.intake.EventCheck;
import vn.situationroom.intake.IntakeTopics;
import vn.situationroom.intake.PersonRecorded;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionEventReader;
import vn.situationroom.platform.Topic;

/**
 * Copies the topics into PostgreSQL: every valid event of {@code reception-events} and every person of
 * {@code reception-event-persons}, every window of {@code commune-indicators}, every alert of {@code alerts}, every
 * state of {@code commune-hotspots}. Each
 * listener is its own consumer group, reads committed records in batches, writes a batch in one transaction, and
 * commits its offsets only after that transaction commits; every write is idempotent, so a crash or a replay neither
 * loses nor doubles anything. When the database is down a batch is retried ({@link SinkErrorHandling}) until it is
 * stored. Invalid events are skipped here: the stream sets them aside on {@code reception-events-rejected}.
 */
@Component
class HistorySink {

    static final String EVENTS_GROUP = "situation-room-history";
    static final String PERSONS_GROUP = "situation-room-history-persons";
    static final String INDICATORS_GROUP = "situation-room-history-indicators";
    static final String ALERTS_GROUP = "situation-room-history-alerts";
    static final String LEVELS_GROUP = "situation-room-history-levels";

    private static final Logger log = LoggerFactory.getLogger(HistorySink.class);

    private final ReceptionEventRepository events;
    private final CommuneIndicatorRepository indicators;
    private final AlertRepository alerts;
    private final CommuneLevelRepository levels;
    private final ReceptionEventReader reader;
    private final SinkProgress progress;
    private final SetAside setAside;

    HistorySink(
            ReceptionEventRepository events,
            CommuneIndicatorRepository indicators,
            AlertRepository alerts,
            CommuneLevelRepository levels,
            ReceptionEventReader reader,
            SinkProgress progress,
            SetAside setAside) {
        this.events = events;
        this.indicators = indicators;
        this.alerts = alerts;
        this.levels = levels;
        this.reader = reader;
        this.progress = progress;
        this.setAside = setAside;
    }

    @KafkaListener(
            id = "history-sink",
            topics = "#{T(vn.situationroom.intake.IntakeTopics).RECEPTION_EVENTS.name()}",
            groupId = EVENTS_GROUP,
            batch = "true",
            // Two consumers (two database sessions) write at once; each gets its own static member id (suffix -n).
            concurrency = "${situationroom.history.sink-concurrency:2}",
            // Static membership, as for the stream: after a crash the sink resumes at once.
            properties = {
                "isolation.level=read_committed",
                "auto.offset.reset=earliest",
                "max.poll.records=2000",
                "group.instance.id=" + EVENTS_GROUP + "-#{@dataDirectory.instanceId()}"
            })
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<ReceptionEvent> valid = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            switch (reader.readRecord(record.key(), record.value())) {
                // A record another producer wrote has no recordedAt: the time it reached the broker stands for it.
                case EventCheck.Valid ok ->
                    valid.add(
                            ok.event().recordedAt() != null
                                    ? ok.event()
                                    : ok.event().withRecordedAt(Instant.ofEpochMilli(record.timestamp())));
                case EventCheck.Invalid invalid ->
                    log.debug(
                            "Not storing {}-{}@{}: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            invalid.summary());
            }
        }
        store(EVENTS_GROUP, valid, events::saveAll, e -> e.eventId().toString());
    }

    @KafkaListener(
            id = "history-person-sink",
            topics = "#{T(vn.situationroom.intake.IntakeTopics).RECEPTION_EVENT_PERSONS.name()}",
            groupId = PERSONS_GROUP,
            batch = "true",
            properties = {
                "isolation.level=read_committed",
                "auto.offset.reset=earliest",
                "group.instance.id=" + PERSONS_GROUP + "-#{@dataDirectory.instanceId()}"
            })
    void onPersons(List<ConsumerRecord<String, byte[]>> records) {
        List<PersonRecorded> persons = readAll(IntakeTopics.RECEPTION_EVENT_PERSONS, records);
        persons.removeIf(p -> p.eventId() == null || p.person() == null);
        store(PERSONS_GROUP, persons, events::savePersons, p -> p.eventId().toString());
    }

    @KafkaListener(
            id = "history-indicator-sink",
            topics = "#{T(vn.situationroom.hotspot.HotspotTopics).COMMUNE_INDICATORS.name()}",
            groupId = INDICATORS_GROUP,
            batch = "true",
            concurrency = "${situationroom.history.sink-concurrency:2}",
            properties = {
                "isolation.level=read_committed",
                "auto.offset.reset=earliest",
                "max.poll.records=2000",
                "group.instance.id=" + INDICATORS_GROUP + "-#{@dataDirectory.instanceId()}"
            })
    void onIndicators(List<ConsumerRecord<String, byte[]>> records) {
        // A window is updated with every event; the repository keeps the latest counts of each.
        List<CommuneIndicators> windows = readAll(HotspotTopics.COMMUNE_INDICATORS, records);
        store(
                INDICATORS_GROUP,
                windows,
                indicators::saveAll,
                w -> w.communeCode() + "/" + w.window() + "/" + w.windowStart());
    }

    @KafkaListener(
            id = "history-alert-sink",
            topics = "#{T(vn.situationroom.hotspot.HotspotTopics).ALERTS.name()}",
            groupId = ALERTS_GROUP,
            batch = "true",
            properties = {
                "isolation.level=read_committed",
                "auto.offset.reset=earliest",
                "group.instance.id=" + ALERTS_GROUP + "-#{@dataDirectory.instanceId()}"
            })
    void onAlerts(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Alert> latest = new LinkedHashMap<>();
        for (Alert alert : readAll(HotspotTopics.ALERTS, records)) {
            latest.put(alert.alertId(), alert);
        }
        List<Alert> changed = List.copyOf(latest.values());
        store(ALERTS_GROUP, changed, alerts::saveAll, Alert::alertId);
    }

    @KafkaListener(
            id = "history-level-sink",
            topics = "#{T(vn.situationroom.hotspot.HotspotTopics).COMMUNE_HOTSPOTS.name()}",
            groupId = LEVELS_GROUP,
            batch = "true",
            properties = {
                "isolation.level=read_committed",
                "auto.offset.reset=earliest",
                "max.poll.records=2000",
                "group.instance.id=" + LEVELS_GROUP + "-#{@dataDirectory.instanceId()}"
            })
    void onLevels(List<ConsumerRecord<String, byte[]>> records) {
        store(
                LEVELS_GROUP,
                readAll(HotspotTopics.COMMUNE_HOTSPOTS, records),
                levels::saveAll,
                h -> h.communeCode() + "/" + h.asOf());
    }

    /**
     * Writes a batch through the sink's repository, noting the outcome; an empty batch only commits its offsets. When
     * the database is away the batch fails and is tried again until it is back. When it refuses an item for what it
     * is, the batch is written item by item (each write leaves what is stored as it is) and the refused ones are set
     * aside with their reason: one bad record never blocks its sink.
     */
    private <T> void store(String sink, List<T> batch, Consumer<List<T>> repository, Function<T, String> keyOf) {
        progress.run(sink, batch.size(), () -> {
            if (batch.isEmpty()) {
                return;
            }
            try {
                repository.accept(batch);
            } catch (RuntimeException e) {
                if (!SetAside.canNeverBeStored(e)) {
                    throw e;
                }
                for (T item : batch) {
                    try {
                        repository.accept(List.of(item));
                    } catch (RuntimeException refused) {
                        if (!SetAside.canNeverBeStored(refused)) {
                            throw refused;
                        }
                        setAside.record(sink, keyOf.apply(item), refused);
                    }
                }
            }
        });
    }

    /**
     * The readable values of records only the app writes; one it cannot read (or a tombstone) is logged by its
     * position, never by its content, which may be personal data.
     */
    private static <V> List<V> readAll(Topic<String, V> topic, List<ConsumerRecord<String, byte[]>> records) {
        List<V> values = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            V value = null;
            try {
                value = record.value() == null
                        ? null
                        : topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                log.warn(
                        "Not storing the unreadable record {}-{}@{}",
                        record.topic(),
                        record.partition(),
                        record.offset());
            }
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}

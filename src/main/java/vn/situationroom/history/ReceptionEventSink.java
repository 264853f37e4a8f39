package vn.situationroom.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.situationroom.intake.EventCheck;
import vn.situationroom.intake.IntakeTopics;
import vn.situationroom.intake.PersonRecorded;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionEventReader;

/**
 * Copies every valid event of {@code reception-events}, and every person of {@code reception-event-persons}, into
 * PostgreSQL. Offsets are committed only after the batch's transaction commits, and inserts ignore ids already
 * stored, so a crash or a replay neither loses nor doubles anything. Invalid records are skipped here: the stream sets
 * them aside on {@code reception-events-rejected}.
 */
@Component
class ReceptionEventSink {

    private static final Logger log = LoggerFactory.getLogger(ReceptionEventSink.class);

    private final ReceptionEventRepository repository;
    private final ReceptionEventReader reader;

    ReceptionEventSink(ReceptionEventRepository repository, ReceptionEventReader reader) {
        this.repository = repository;
        this.reader = reader;
    }

    @KafkaListener(
            id = "history-sink",
            topics = "#{T(vn.situationroom.intake.IntakeTopics).RECEPTION_EVENTS.name()}",
            groupId = "situation-room-history",
            batch = "true",
            // Static membership, as for the stream: after a crash the sink resumes at once.
            properties = {"isolation.level=read_committed", "auto.offset.reset=earliest",
                    "group.instance.id=situation-room-history-#{@dataDirectory.instanceId()}"})
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<ReceptionEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            switch (reader.readRecord(record.key(), record.value())) {
                // A record another producer wrote has no recordedAt: the time it reached the broker stands for it.
                case EventCheck.Valid valid -> events.add(valid.event().recordedAt() != null ? valid.event()
                        : valid.event().recordedAt(Instant.ofEpochMilli(record.timestamp())));
                case EventCheck.Invalid invalid -> log.debug(
                        "Not storing {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), invalid.summary());
            }
        }
        if (!events.isEmpty()) {
            repository.saveAll(events);
        }
    }

    @KafkaListener(
            id = "history-person-sink",
            topics = "#{T(vn.situationroom.intake.IntakeTopics).RECEPTION_EVENT_PERSONS.name()}",
            groupId = "situation-room-history-persons",
            batch = "true",
            properties = {"isolation.level=read_committed", "auto.offset.reset=earliest",
                    "group.instance.id=situation-room-history-persons-#{@dataDirectory.instanceId()}"})
    void onPersons(List<ConsumerRecord<String, byte[]>> records) {
        var topic = IntakeTopics.RECEPTION_EVENT_PERSONS;
        List<PersonRecorded> persons = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                persons.add(topic.valueSerde().deserializer().deserialize(record.topic(), record.value()));
            } catch (RuntimeException e) {
                // Only intake writes this topic; a record it cannot read is logged by position, never by content.
                log.warn("Not storing the unreadable person record {}-{}@{}", record.topic(), record.partition(),
                        record.offset());
            }
        }
        persons.removeIf(p -> p == null || p.eventId() == null || p.person() == null);
        if (!persons.isEmpty()) {
            repository.savePersons(persons);
        }
    }
}

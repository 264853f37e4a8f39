package vn.situationroom.history;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.situationroom.intake.EventCheck;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionEventReader;

/**
 * Copies every valid event of {@code reception-events} into PostgreSQL. Offsets are committed only after the batch's
 * transaction commits, and inserts ignore ids already stored, so a crash or a replay neither loses nor doubles an
 * event. Invalid records are skipped here: the stream sets them aside on {@code reception-events-rejected}.
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
            properties = {"isolation.level=read_committed", "auto.offset.reset=earliest"})
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<ReceptionEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            switch (reader.read(record.value())) {
                case EventCheck.Valid valid -> events.add(valid.event());
                case EventCheck.Invalid invalid -> log.debug(
                        "Not storing {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), invalid.summary());
            }
        }
        if (!events.isEmpty()) {
            repository.saveAll(events);
        }
    }
}

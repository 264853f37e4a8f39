package vn.situationroom.intake;

import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes accepted events to {@code reception-events} (keyed by commune code) and their persons to
 * {@code reception-event-persons}, all of one offer in one Kafka transaction: consumers reading committed records see
 * all of it or none of it, and it returns only once the broker has committed, so an id the caller is told is accepted
 * is stored.
 */
class ReceptionEventPublisher implements AutoCloseable {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;

    ReceptionEventPublisher(DefaultKafkaProducerFactory<String, byte[]> transactionalProducers) {
        this.producers = transactionalProducers;
        this.kafka = new KafkaTemplate<>(transactionalProducers);
    }

    @Override
    public void close() {
        producers.destroy();
    }

    /** Writes every event and person in one transaction and waits for its commit. */
    void publish(List<EventCheck.Valid> accepted) {
        var events = IntakeTopics.RECEPTION_EVENTS;
        var persons = IntakeTopics.RECEPTION_EVENT_PERSONS;
        try {
            kafka.executeInTransaction(operations -> {
                for (EventCheck.Valid valid : accepted) {
                    ReceptionEvent event = valid.event();
                    byte[] value = events.valueSerde().serializer().serialize(events.name(), event);
                    // The record's time is the event's time, so that tools reading the topic see when it happened.
                    long timestamp = event.occurredAt().toInstant().toEpochMilli();
                    operations.send(new ProducerRecord<>(events.name(), null, timestamp, event.communeCode(), value));
                    if (valid.person() != null) {
                        var recorded = new PersonRecorded(event.eventId(), event.communeCode(), valid.person());
                        operations.send(
                                persons.name(),
                                event.eventId().toString(),
                                persons.valueSerde().serializer().serialize(persons.name(), recorded));
                    }
                }
                return null;
            });
        } catch (KafkaException | org.apache.kafka.common.KafkaException e) {
            throw new IntakeService.PublishFailedException("the broker did not commit the events", e);
        }
    }
}

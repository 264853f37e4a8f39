package vn.situationroom.intake;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;
import vn.situationroom.platform.BrokerStatus;

/**
 * Writes accepted events to {@code reception-events} (keyed by commune code) and their persons to
 * {@code reception-event-persons}, all of one offer in one Kafka transaction: consumers reading committed records see
 * all of it or none of it, and it returns only once the broker has committed, so an id the caller is told is accepted
 * is stored.
 */
class ReceptionEventPublisher implements AutoCloseable {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private static final Logger log = LoggerFactory.getLogger(ReceptionEventPublisher.class);
    /**
     * How long a transaction the cluster did not commit is tried again: the cluster notices a lost broker within
     * its session (9 s) and moves its leaders, and an attempt may take the producer's delivery timeout (15 s).
     */
    static final Duration RETRY_WITHIN = Duration.ofSeconds(30);

    private final KafkaTemplate<String, byte[]> kafka;
    private final BrokerStatus broker;

    ReceptionEventPublisher(DefaultKafkaProducerFactory<String, byte[]> transactionalProducers, BrokerStatus broker) {
        this.producers = transactionalProducers;
        this.broker = broker;
        this.kafka = new KafkaTemplate<>(transactionalProducers);
        // A failed transaction is logged once, here, not once per record of it (a thousand stack traces a batch).
        this.kafka.setProducerListener(new ProducerListener<>() {});
    }

    @Override
    public void close() {
        producers.destroy();
    }

    /**
     * Writes every event and person in one transaction and waits for its commit. A transaction the cluster did not
     * commit (a broker of it lost, its leaders moving) is written again, for up to {@link #RETRY_WITHIN}: what a
     * failed attempt may have written is aborted, or, when its commit was only not confirmed, counted once anyway (the
     * stream and the history know each event by its id). While no broker answers at all, it fails at once.
     */
    void publish(List<EventCheck.Valid> accepted) {
        long deadline = System.nanoTime() + RETRY_WITHIN.toNanos();
        while (true) {
            if (!broker.reachable()) {
                throw new IntakeService.PublishFailedException("no Kafka broker answers", null);
            }
            try {
                writeInOneTransaction(accepted);
                return;
            } catch (KafkaException | org.apache.kafka.common.KafkaException e) {
                if (System.nanoTime() > deadline || !broker.reachable()) {
                    throw new IntakeService.PublishFailedException("the broker did not commit the events", e);
                }
                log.warn("The broker did not commit {} events ({}); writing them again", accepted.size(), e.toString());
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IntakeService.PublishFailedException("interrupted", e);
                }
            }
        }
    }

    private void writeInOneTransaction(List<EventCheck.Valid> accepted) {
        var events = IntakeTopics.RECEPTION_EVENTS;
        var persons = IntakeTopics.RECEPTION_EVENT_PERSONS;
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
    }
}

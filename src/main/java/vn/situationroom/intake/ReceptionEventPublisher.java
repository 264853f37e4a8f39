package vn.situationroom.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Writes accepted events to {@code reception-events}, keyed by commune code, and returns only once the broker has
 * acknowledged them all: an id the caller is told is accepted is stored.
 */
@Component
public class ReceptionEventPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, byte[]> kafka;

    ReceptionEventPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** Sends every event and waits for the broker's acknowledgement of each. */
    public void publish(List<ReceptionEvent> events) {
        var topic = IntakeTopics.RECEPTION_EVENTS;
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        for (ReceptionEvent event : events) {
            byte[] value = topic.valueSerde().serializer().serialize(topic.name(), event);
            long timestamp = event.occurredAt().toInstant().toEpochMilli();
            sends.add(kafka.send(new ProducerRecord<>(topic.name(), null, timestamp, event.communeCode(), value)));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("the broker did not acknowledge the events", e);
        }
    }

    /** The broker could not take the events; the caller must retry, nothing was confirmed. */
    public static final class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

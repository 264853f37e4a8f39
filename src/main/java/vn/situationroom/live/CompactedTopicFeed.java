package vn.situationroom.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;

/**
 * The base of a live feed over a compacted topic: each app instance reads the whole topic from its start, whatever
 * its group committed, and hands every change to its subscribers (each open dashboard).
 */
abstract class CompactedTopicFeed<V> extends AbstractConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicFeed.class);

    private final List<Consumer<V>> subscribers = new CopyOnWriteArrayList<>();

    /** Calls {@code subscriber} on a Kafka thread with every change from now on, until the registration is removed. */
    public Registration subscribe(Consumer<V> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Hands a change to every subscriber; one that fails does not keep it from the others. */
    protected void publish(V change) {
        for (Consumer<V> subscriber : subscribers) {
            try {
                subscriber.accept(change);
            } catch (RuntimeException e) {
                log.warn("A live subscriber failed on {}; the others still get it", change, e);
            }
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        // The topic is compacted state: this instance needs all of it.
        callback.seekToBeginning(assignments.keySet());
    }

    /** Ends a subscription. */
    @FunctionalInterface
    public interface Registration {
        void remove();
    }
}

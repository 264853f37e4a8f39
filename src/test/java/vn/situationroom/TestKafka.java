package vn.situationroom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A plain Kafka client for integration tests: writes and reads topics as an outside producer or consumer would. */
public final class TestKafka {

    private final String bootstrapServers;

    public TestKafka(List<String> bootstrapServers) {
        this.bootstrapServers = String.join(",", bootstrapServers);
    }

    /** Writes records with a plain, non-transactional producer and waits for each acknowledgement. */
    public void produce(String topic, List<Map.Entry<String, byte[]>> records) throws Exception {
        produce(topic, null, records);
    }

    /**
     * Writes records to one partition chosen by the caller, as a producer with another partitioner than Java's
     * (librdkafka's CRC32, say) may put them; {@code null} lets the Java client choose.
     */
    public void produce(String topic, Integer partition, List<Map.Entry<String, byte[]>> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (Map.Entry<String, byte[]> record : records) {
                producer.send(new ProducerRecord<>(topic, partition, record.getKey(), record.getValue()))
                        .get();
            }
        }
    }

    /** The first committed record of the topic that matches, waiting up to {@code patience} for it. */
    public ConsumerRecord<String, byte[]> await(
            String topic, Predicate<ConsumerRecord<String, byte[]>> condition, Duration patience) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        readUntil(topic, patience, record -> {
            if (condition.test(record)) {
                found.add(record);
                return true;
            }
            return false;
        });
        if (found.isEmpty()) {
            throw new AssertionError("No matching record on " + topic + " within " + patience);
        }
        return found.getFirst();
    }

    /** Every committed record of the topic that matches, read until {@code count} were found or patience ran out. */
    public List<ConsumerRecord<String, byte[]>> collect(
            String topic, Predicate<ConsumerRecord<String, byte[]>> condition, int count, Duration patience) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        readUntil(topic, patience, record -> {
            if (condition.test(record)) {
                found.add(record);
            }
            return found.size() >= count;
        });
        return found;
    }

    private void readUntil(String topic, Duration patience, Predicate<ConsumerRecord<String, byte[]>> done) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (done.test(record)) {
                        return;
                    }
                }
            }
        }
    }
}

package vn.situationroom.hotspot;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Where a commune's state lives: in the stream task of the partition its code hashes to with Kafka's own partitioner,
 * as the app's producers and Kafka Streams' own sinks put it.
 */
final class Placement {

    private Placement() {}

    /** The partition that holds a commune's state: where Kafka's own partitioner puts its key. */
    static int owner(String commune, int partitions) {
        return BuiltInPartitioner.partitionForKey(commune.getBytes(StandardCharsets.UTF_8), partitions);
    }

    /** Whether the record being processed is in the partition that holds its key's commune. */
    static boolean home(ProcessingContext context, String key, int partitions) {
        return key != null
                && context.recordMetadata()
                        .map(metadata -> metadata.partition() == owner(key, partitions))
                        .orElse(false);
    }
}

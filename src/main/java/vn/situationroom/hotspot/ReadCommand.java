package vn.situationroom.hotspot;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Reads a record of {@code alert-commands}; one that cannot be read becomes {@code null} (only the app writes it). */
final class ReadCommand implements FixedKeyProcessor<String, byte[], ReadCommand.RoutedCommand> {

    /** A command and whether it is in its commune's partition, keyed by that commune. */
    record RoutedCommand(AlertCommand command, boolean home) {}

    private final int partitions;
    private FixedKeyProcessorContext<String, RoutedCommand> context;

    ReadCommand(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, RoutedCommand> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        AlertCommand command;
        try {
            command = HotspotTopics.ALERT_COMMANDS.valueSerde().deserializer().deserialize("", record.value());
        } catch (RuntimeException e) {
            command = null;
        }
        if (command == null || command.communeCode() == null || command.alertId() == null || command.action() == null) {
            context.forward(record.withValue(null));
            return;
        }
        boolean home = command.communeCode().equals(record.key()) && Placement.home(context, record.key(), partitions);
        context.forward(record.withValue(new RoutedCommand(command, home)));
    }
}

package vn.situationroom.hotspot;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.intake.IntakeTopics;
import vn.situationroom.intake.EventCheck;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionEventReader;
import vn.situationroom.platform.JsonSerde;

/**
 * The hotspot analytics: reception events, checked and counted once, and people's decisions about alerts → the
 * per-commune analytics → {@code commune-indicators}, {@code alerts} and {@code commune-hotspots}. Records that are
 * not valid events go to {@code reception-events-rejected} untouched.
 */
public final class HotspotTopology {

    /** The event ids already counted, for the repeat horizon. */
    public static final String EVENT_IDS_STORE = "event-ids-seen";

    private HotspotTopology() {}

    /** Builds the topology; free of Spring so that tests and other runtimes can build it the same way. */
    public static Topology buildTopology(HotspotSettings settings, ElectionCalendar calendar, Set<String> communeCodes,
            int partitions, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        ReceptionEventReader reader = ReceptionEventReader.forTopic(communeCodes, clock);
        Duration horizon = settings.repeatHorizon();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(EVENT_IDS_STORE, horizon, horizon, false),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CommuneAnalytics.STORE),
                Serdes.String(), new JsonSerde<>(CommuneState.class)));

        // Read raw bytes, not events: a record another producer wrote may be anything, and a poison record must be
        // set aside with its original bytes instead of stopping the stream.
        KStream<String, byte[]> raw = builder.stream(
                IntakeTopics.RECEPTION_EVENTS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()));
        KStream<String, Checked> checked = raw.processValues(() -> new CheckEvent(reader), Named.as("check-event"));

        var branches = checked.split(Named.as("event-"))
                .branch((code, c) -> c.event() != null, Branched.as("valid"))
                .defaultBranch(Branched.as("rejected"));

        branches.get("event-rejected")
                .mapValues(Checked::raw, Named.as("original-bytes"))
                .to(IntakeTopics.RECEPTION_EVENTS_REJECTED.name(),
                        Produced.with(IntakeTopics.RECEPTION_EVENTS_REJECTED.keySerde(), Serdes.ByteArray()));

        var eventSerde = IntakeTopics.RECEPTION_EVENTS.valueSerde();
        var inSerde = new JsonSerde<>(HotspotFlow.In.class);
        KStream<String, HotspotFlow.In> events = branches.get("event-valid")
                .mapValues(Checked::event, Named.as("event"))
                // The key is the commune code (checked above), but which partition a producer put it on depends on
                // its partitioner: kcat and other librdkafka clients hash keys with CRC32, Java clients with murmur2.
                // Repartitioning by the stream's own partitioner puts all of a commune's events, and so all of its
                // state, in one task whoever wrote them, at the price of one internal hop.
                .repartition(Repartitioned.<String, ReceptionEvent>as("events-by-commune")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(eventSerde)
                        .withNumberOfPartitions(partitions))
                .processValues(() -> new DropRepeats(horizon), Named.as("drop-repeats"), EVENT_IDS_STORE)
                .mapValues(event -> new HotspotFlow.In(event, null), Named.as("event-in"));

        // People's decisions about alerts join the events of the alert's commune, so that one task holds both. The
        // commands are repartitioned the same way, to as many partitions, which keeps the two co-partitioned.
        var commandsTopic = HotspotTopics.ALERT_COMMANDS;
        KStream<String, HotspotFlow.In> commands = builder.stream(commandsTopic.name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(HotspotTopology::command, Named.as("read-command"))
                .filter((commune, command) -> command != null, Named.as("readable-command"))
                .selectKey((key, command) -> command.communeCode(), Named.as("command-commune"))
                .repartition(Repartitioned.<String, AlertCommand>as("commands-by-commune")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(commandsTopic.valueSerde())
                        .withNumberOfPartitions(partitions))
                .mapValues(command -> new HotspotFlow.In(null, command), Named.as("command-in"));

        KStream<String, HotspotFlow.Out> out = events.merge(commands, Named.as("events-and-commands"))
                .process(() -> new CommuneAnalytics(settings, calendar), Named.as("commune-analytics"),
                        CommuneAnalytics.STORE);

        var indicators = HotspotTopics.COMMUNE_INDICATORS;
        out.filter((key, o) -> o.indicators() != null, Named.as("indicators"))
                .mapValues(HotspotFlow.Out::indicators, Named.as("indicators-value"))
                .to(indicators.name(), Produced.with(indicators.keySerde(), indicators.valueSerde()));
        var alerts = HotspotTopics.ALERTS;
        out.filter((key, o) -> o.alert() != null, Named.as("alerts"))
                .mapValues(HotspotFlow.Out::alert, Named.as("alerts-value"))
                .to(alerts.name(), Produced.with(alerts.keySerde(), alerts.valueSerde()));
        var hotspots = HotspotTopics.COMMUNE_HOTSPOTS;
        out.filter((key, o) -> o.hotspot() != null, Named.as("hotspots"))
                .mapValues(HotspotFlow.Out::hotspot, Named.as("hotspots-value"))
                .to(hotspots.name(), Produced.with(hotspots.keySerde(), hotspots.valueSerde()));
        return builder.build();
    }

    /** A command record, or {@code null} for one that cannot be read (only the app writes the topic). */
    private static AlertCommand command(byte[] value) {
        try {
            AlertCommand command = HotspotTopics.ALERT_COMMANDS.valueSerde().deserializer().deserialize("", value);
            return command != null && command.communeCode() != null && command.alertId() != null
                    && command.action() != null ? command : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A record after the check: the valid event, or the original bytes of an invalid one. */
    record Checked(ReceptionEvent event, byte[] raw) {}

    /**
     * Checks each record, moves a valid event to its own event time (so that windows follow when it happened, not
     * when it was written), and marks an invalid one with the reason in a header.
     */
    private static final class CheckEvent implements FixedKeyProcessor<String, byte[], Checked> {

        private final ReceptionEventReader reader;
        private FixedKeyProcessorContext<String, Checked> context;

        CheckEvent(ReceptionEventReader reader) {
            this.reader = reader;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Checked> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            switch (reader.readRecord(record.key(), record.value())) {
                case EventCheck.Valid valid -> {
                    long eventTime = valid.event().occurredAt().toInstant().toEpochMilli();
                    context.forward(record.withValue(new Checked(valid.event(), null)).withTimestamp(eventTime));
                }
                case EventCheck.Invalid invalid -> {
                    record.headers().remove(IntakeTopics.REJECTION_REASON_HEADER);
                    record.headers().add(IntakeTopics.REJECTION_REASON_HEADER,
                            invalid.summary().getBytes(StandardCharsets.UTF_8));
                    context.forward(record.withValue(new Checked(null, record.value())));
                }
            }
        }
    }

    /**
     * Lets each event id through once: a client that retries, or the same event sent through two channels, must not
     * count twice. Ids are remembered for the repeat horizon, in a changelogged store that survives restarts.
     */
    private static final class DropRepeats implements FixedKeyProcessor<String, ReceptionEvent, ReceptionEvent> {

        private final long horizonMillis;
        private FixedKeyProcessorContext<String, ReceptionEvent> context;
        private WindowStore<String, Long> seen;

        DropRepeats(Duration horizon) {
            this.horizonMillis = horizon.toMillis();
        }

        @Override
        public void init(FixedKeyProcessorContext<String, ReceptionEvent> context) {
            this.context = context;
            this.seen = context.getStateStore(EVENT_IDS_STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, ReceptionEvent> record) {
            String eventId = record.value().eventId().toString();
            long time = record.timestamp();
            try (WindowStoreIterator<Long> earlier = seen.fetch(eventId, time - horizonMillis, time + horizonMillis)) {
                if (earlier.hasNext()) {
                    return;
                }
            }
            seen.put(eventId, time, time);
            context.forward(record);
        }
    }
}

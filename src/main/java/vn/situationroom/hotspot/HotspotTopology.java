package vn.situationroom.hotspot;

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
import org.apache.kafka.streams.state.Stores;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.intake.IntakeTopics;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionEventReader;

/**
 * The hotspot analytics: reception events, checked and counted once, and people's decisions about alerts → the
 * per-commune analytics → {@code commune-indicators}, {@code alerts} and {@code commune-hotspots}. Records that are
 * not valid events go to {@code reception-events-rejected} untouched.
 */
public final class HotspotTopology {

    /** The event ids already counted, with when they arrived, for the repeat horizon. */
    public static final String EVENT_IDS_STORE = "event-ids-seen";
    /** The state stores of the analytics, for tests and benchmarks that look at their size. */
    static final String[] ANALYTICS_STORES = CommuneAnalytics.STORES;

    private HotspotTopology() {}

    /** Builds the topology with the default oldest event: free of Spring, so that tests build it the same way. */
    public static Topology buildTopology(
            HotspotSettings settings,
            ElectionCalendar calendar,
            Set<String> communeCodes,
            int partitions,
            Clock clock) {
        return buildTopology(settings, calendar, communeCodes, partitions, clock, ReceptionEventReader.MAX_AGE);
    }

    /**
     * Builds the topology.
     *
     * @param partitions the partitions of the topics it reads, which decide the task that holds each commune
     * @param maxEventAge how old an event may be: older ones are rejected, younger ones are counted in their windows
     *     however late they come, and the windows are kept that long
     */
    public static Topology buildTopology(
            HotspotSettings settings,
            ElectionCalendar calendar,
            Set<String> communeCodes,
            int partitions,
            Clock clock,
            Duration maxEventAge) {
        StreamsBuilder builder = new StreamsBuilder();
        ReceptionEventReader reader = ReceptionEventReader.forTopic(communeCodes, clock, maxEventAge);
        addStores(builder);

        // Read raw bytes, not events: a record another producer wrote may be anything, and a poison record must be
        // set aside with its original bytes instead of stopping the stream.
        KStream<String, byte[]> raw = builder.stream(
                IntakeTopics.RECEPTION_EVENTS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()));
        KStream<String, CheckEvent.Checked> checked = raw.processValues(
                () -> new CheckEvent(reader, partitions, settings.repeatHorizon(), settings.punctuateInterval()),
                Named.as("check-event"),
                EVENT_IDS_STORE);

        var branches = checked.split(Named.as("event-"))
                .branch((code, c) -> c.event() != null && c.home(), Branched.as("home"))
                .branch((code, c) -> c.event() != null, Branched.as("away"))
                .defaultBranch(Branched.as("rejected"));

        branches.get("event-rejected")
                .mapValues(CheckEvent.Checked::raw, Named.as("original-bytes"))
                .to(
                        IntakeTopics.RECEPTION_EVENTS_REJECTED.name(),
                        Produced.with(IntakeTopics.RECEPTION_EVENTS_REJECTED.keySerde(), Serdes.ByteArray()));

        var eventSerde = IntakeTopics.RECEPTION_EVENTS.valueSerde();
        // All of a commune's state is in the task of the partition its key hashes to (Kafka's own partitioner, as
        // the app's producers and Kafka Streams use it). An event already there is counted where it is read: no
        // hop. One another producer put elsewhere (kcat and other librdkafka clients hash keys with CRC32 by
        // default) travels once through an internal topic to its commune's partition.
        KStream<String, ReceptionEvent> away = branches.get("event-away")
                .mapValues(CheckEvent.Checked::event, Named.as("away-event"))
                .repartition(Repartitioned.<String, ReceptionEvent>as("events-by-commune")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(eventSerde)
                        .withNumberOfPartitions(partitions));
        KStream<String, HotspotFlow.In> events = branches.get("event-home")
                .merge(
                        away.processValues(
                                        () -> new DropRepeats(settings.repeatHorizon()),
                                        Named.as("drop-repeats"),
                                        EVENT_IDS_STORE)
                                .mapValues(
                                        event -> new CheckEvent.Checked(event, null, true), Named.as("away-checked")),
                        Named.as("events"))
                .mapValues(event -> new HotspotFlow.In(event.event(), null), Named.as("event-in"));

        // People's decisions about alerts join the events of the alert's commune, so that one task holds both;
        // the app writes them keyed by the commune, and one that is elsewhere travels the same way as an event.
        var commandsTopic = HotspotTopics.ALERT_COMMANDS;
        var commandBranches = builder.stream(commandsTopic.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .processValues(() -> new ReadCommand(partitions), Named.as("read-command"))
                .filter((key, command) -> command != null, Named.as("readable-command"))
                .split(Named.as("command-"))
                .branch((key, command) -> command.home(), Branched.as("home"))
                .defaultBranch(Branched.as("away"));
        KStream<String, AlertCommand> commandsAway = commandBranches
                .get("command-away")
                .selectKey((key, command) -> command.command().communeCode(), Named.as("command-commune"))
                .mapValues(ReadCommand.RoutedCommand::command, Named.as("away-command"))
                .repartition(Repartitioned.<String, AlertCommand>as("commands-by-commune")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(commandsTopic.valueSerde())
                        .withNumberOfPartitions(partitions));
        KStream<String, HotspotFlow.In> commands = commandBranches
                .get("command-home")
                .mapValues(ReadCommand.RoutedCommand::command, Named.as("home-command"))
                .merge(commandsAway, Named.as("commands"))
                .mapValues(command -> new HotspotFlow.In(null, command), Named.as("command-in"));

        KStream<String, HotspotFlow.Out> out = events.merge(commands, Named.as("events-and-commands"))
                .process(
                        () -> new CommuneAnalytics(settings, calendar, maxEventAge),
                        Named.as("commune-analytics"),
                        CommuneAnalytics.STORES);

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

    /**
     * The analytics' stores, one per kind of state, each entry small: what grows (windows, cases) is on disk
     * (RocksDB), the rest in memory; all are changelogged. The record cache in front of the busy ones turns many
     * changes of one entry between two commits into one write of its store and its changelog.
     */
    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(EVENT_IDS_STORE), Serdes.Bytes(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(CommuneAnalytics.WINDOWS), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CommuneAnalytics.WINDOWS_CLOSED), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CommuneAnalytics.SINCE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(CommuneAnalytics.CASES), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(CommuneAnalytics.ALERTS), Serdes.String(), new AlertCodec())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CommuneAnalytics.RAISED), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(CommuneAnalytics.PENDING), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled());
    }
}

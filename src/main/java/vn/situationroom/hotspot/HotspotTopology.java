package vn.situationroom.hotspot;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import vn.situationroom.intake.IntakeTopics;
import vn.situationroom.intake.EventCheck;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionEventReader;
import vn.situationroom.platform.JsonSerde;

/**
 * The hotspot analytics: reception events → per-commune tumbling windows → a level per commune on
 * {@code commune-hotspots}. Records that are not valid events go to {@code reception-events-rejected} untouched.
 */
public final class HotspotTopology {

    /** The windowed counts per commune; queryable for tests and, later, for interactive queries. */
    public static final String WINDOW_COUNTS_STORE = "commune-window-counts";
    /** The event ids already counted, for the repeat horizon. */
    public static final String EVENT_IDS_STORE = "event-ids-seen";

    private HotspotTopology() {}

    /** Builds the topology; free of Spring so that tests and other runtimes can build it the same way. */
    public static Topology buildTopology(HotspotSettings settings, Set<String> communeCodes, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        ReceptionEventReader reader = ReceptionEventReader.forTopic(communeCodes, clock);
        Duration horizon = settings.repeatHorizon();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(EVENT_IDS_STORE, horizon, horizon, false),
                Serdes.String(), Serdes.Long()));

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
        var hotspots = HotspotTopics.COMMUNE_HOTSPOTS;
        branches.get("event-valid")
                .mapValues(Checked::event, Named.as("event"))
                // The key is the commune code (checked above), but which partition a producer put it on depends on
                // its partitioner: kcat and other librdkafka clients hash keys with CRC32, Java clients with murmur2.
                // Repartitioning by the stream's own partitioner puts all of a commune's events, and so all of its
                // state, in one task whoever wrote them, at the price of one internal hop.
                .repartition(Repartitioned.<String, ReceptionEvent>as("events-by-commune")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(eventSerde))
                .processValues(() -> new DropRepeats(horizon), Named.as("drop-repeats"), EVENT_IDS_STORE)
                .groupByKey(Grouped.with(Serdes.String(), eventSerde))
                .windowedBy(TimeWindows.ofSizeAndGrace(settings.window(), settings.grace()))
                .aggregate(
                        WindowCounts::empty,
                        (code, event, counts) -> counts.add(event),
                        Materialized.<String, WindowCounts, WindowStore<Bytes, byte[]>>as(WINDOW_COUNTS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(new JsonSerde<>(WindowCounts.class)))
                .toStream(Named.as("window-updates"))
                // Every update of a window re-evaluates the commune's level, so a crowd shows at once, not at the
                // window's end.
                .map((window, counts) -> KeyValue.pair(window.key(), hotspot(window, counts, settings)),
                        Named.as("level"))
                .to(hotspots.name(), Produced.with(hotspots.keySerde(), hotspots.valueSerde()));
        return builder.build();
    }

    private static CommuneHotspot hotspot(Windowed<String> window, WindowCounts counts, HotspotSettings settings) {
        return new CommuneHotspot(
                window.key(),
                settings.levelOf(counts.events(), counts.people()),
                window.window().startTime(),
                window.window().endTime(),
                counts.events(),
                counts.people());
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

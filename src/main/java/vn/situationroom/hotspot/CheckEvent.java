package vn.situationroom.hotspot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;
import vn.situationroom.intake.EventCheck;
import vn.situationroom.intake.IntakeTopics;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionEventReader;
import vn.situationroom.platform.Json;

/**
 * Checks each record, moves a valid event to its own event time (so that windows follow when it happened, not
 * when it was written), and marks an invalid one with the reason in a header. An event already in its commune's
 * partition is let through once per event id here; one elsewhere, after the internal topic (see {@link DropRepeats}).
 */
final class CheckEvent implements FixedKeyProcessor<String, byte[], CheckEvent.Checked> {

    /** A record after the check: the valid event and whether it is in its commune's partition, or the bytes. */
    record Checked(ReceptionEvent event, byte[] raw, boolean home) {}

    private final ReceptionEventReader reader;
    private final int partitions;
    private final Duration horizon;
    private final Duration sweepEvery;
    private FixedKeyProcessorContext<String, Checked> context;
    private EventIds ids;

    /**
     * @param horizon how long an event id is remembered after it arrived
     * @param sweepEvery how often the ids older than that are forgotten
     */
    CheckEvent(ReceptionEventReader reader, int partitions, Duration horizon, Duration sweepEvery) {
        this.reader = reader;
        this.partitions = partitions;
        this.horizon = horizon;
        this.sweepEvery = sweepEvery;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Checked> context) {
        this.context = context;
        this.ids = new EventIds(context.getStateStore(HotspotTopology.EVENT_IDS_STORE), horizon.toMillis());
        context.schedule(sweepEvery, PunctuationType.WALL_CLOCK_TIME, ids::forgetOld);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        switch (reader.readRecord(record.key(), record.value())) {
            case EventCheck.Valid valid -> {
                boolean home = Placement.home(context, record.key(), partitions);
                if (home && !ids.firstTime(valid.event().eventId(), context.currentSystemTimeMs())) {
                    return;
                }
                long eventTime = valid.event().occurredAt().toInstant().toEpochMilli();
                context.forward(
                        record.withValue(new Checked(valid.event(), null, home)).withTimestamp(eventTime));
            }
            case EventCheck.Invalid invalid -> {
                record.headers().remove(IntakeTopics.REJECTION_REASON_HEADER);
                record.headers()
                        .add(
                                IntakeTopics.REJECTION_REASON_HEADER,
                                invalid.summary().getBytes(StandardCharsets.UTF_8));
                context.forward(record.withValue(new Checked(null, setAside(record.value()), false)));
            }
        }
    }

    /**
     * The record as it is set aside: its own bytes, except the person it carried, which anyone who may read the
     * rejected records would otherwise see. A JSON object loses its {@code person} member (and says so); a record that
     * is not JSON but names a person keeps only its length.
     */
    static byte[] setAside(byte[] raw) {
        if (raw == null || !new String(raw, StandardCharsets.UTF_8).contains("\"person\"")) {
            return raw;
        }
        try {
            if (Json.MAPPER.readTree(raw) instanceof ObjectNode object && object.has("person")) {
                object.remove("person");
                object.put("personRemoved", true);
                return Json.MAPPER.writeValueAsBytes(object);
            }
            return raw;
        } catch (JacksonException notJson) {
            return ("{\"unreadable\":true,\"bytes\":" + raw.length + ",\"personRemoved\":true}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}

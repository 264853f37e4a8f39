package vn.situationroom.hotspot;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import vn.situationroom.intake.ReceptionEvent;

/** Lets each event id through once, for the events that reached their commune's task through the internal topic. */
final class DropRepeats implements FixedKeyProcessor<String, ReceptionEvent, ReceptionEvent> {

    private final Duration horizon;
    private FixedKeyProcessorContext<String, ReceptionEvent> context;
    private EventIds ids;

    DropRepeats(Duration horizon) {
        this.horizon = horizon;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ReceptionEvent> context) {
        this.context = context;
        this.ids = new EventIds(context.getStateStore(HotspotTopology.EVENT_IDS_STORE), horizon.toMillis());
    }

    @Override
    public void process(FixedKeyRecord<String, ReceptionEvent> record) {
        if (ids.firstTime(record.value().eventId(), context.currentSystemTimeMs())) {
            context.forward(record);
        }
    }
}

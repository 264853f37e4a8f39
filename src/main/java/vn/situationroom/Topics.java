package vn.situationroom;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.platform.JsonSerde;

/**
 * The Kafka topics of the product, each paired with its serdes. Keys are the commune code everywhere, values are
 * UTF-8 JSON. These names are a contract with outside producers and consumers (README lists them).
 */
public final class Topics {

    /** Every accepted or offered reception event, keyed by commune code; the source of truth. */
    public static final Topic<String, ReceptionEvent> RECEPTION_EVENTS =
            new Topic<>("reception-events", Serdes.String(), new JsonSerde<>(ReceptionEvent.class));

    /** Records that failed validation in the stream, with their original bytes and the reason in a header. */
    public static final Topic<String, byte[]> RECEPTION_EVENTS_REJECTED =
            new Topic<>("reception-events-rejected", Serdes.String(), Serdes.ByteArray());

    /** Windowed indicators per commune (filled by the hotspot analytics). */
    public static final Topic<String, byte[]> COMMUNE_INDICATORS =
            new Topic<>("commune-indicators", Serdes.String(), Serdes.ByteArray());

    /** The current hotspot level of each commune; compacted, so the latest value per commune is its state. */
    public static final Topic<String, CommuneHotspot> COMMUNE_HOTSPOTS =
            new Topic<>("commune-hotspots", Serdes.String(), new JsonSerde<>(CommuneHotspot.class));

    /** Alerts raised by the detectors (filled by the hotspot analytics); compacted by alert id. */
    public static final Topic<String, byte[]> ALERTS = new Topic<>("alerts", Serdes.String(), Serdes.ByteArray());

    /** The name of the header that says why a record went to {@link #RECEPTION_EVENTS_REJECTED}. */
    public static final String REJECTION_REASON_HEADER = "rejection-reason";

    private Topics() {}

    /** A topic name with the serdes of its keys and values. */
    public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}
}

package vn.situationroom.hotspot;

import org.apache.kafka.common.serialization.Serdes;
import vn.situationroom.platform.JsonSerde;
import vn.situationroom.platform.Topic;
import vn.situationroom.platform.Topic.Retention;

/** The topics the hotspot analytics own; their names are a contract (README lists them). */
public final class HotspotTopics {

    /** The current hotspot level of each commune; compacted, so the latest value per commune is its state. */
    public static final Topic<String, CommuneHotspot> COMMUNE_HOTSPOTS = new Topic<>(
            "commune-hotspots", Serdes.String(), new JsonSerde<>(CommuneHotspot.class), Retention.COMPACTED);

    /** Windowed indicators per commune (filled by the analytics to come). */
    public static final Topic<String, byte[]> COMMUNE_INDICATORS = new Topic<>(
            "commune-indicators", Serdes.String(), Serdes.ByteArray(), Retention.DEFAULT);

    /** Alerts raised by the detectors (filled by the analytics to come); compacted by alert id. */
    public static final Topic<String, byte[]> ALERTS =
            new Topic<>("alerts", Serdes.String(), Serdes.ByteArray(), Retention.COMPACTED);

    private HotspotTopics() {}
}

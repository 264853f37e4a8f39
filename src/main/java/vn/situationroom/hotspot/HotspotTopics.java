package vn.situationroom.hotspot;

import org.apache.kafka.common.serialization.Serdes;
import vn.situationroom.platform.JsonSerde;
import vn.situationroom.platform.Topic;
import vn.situationroom.platform.Topic.Retention;

/** The topics the hotspot analytics own; their names are a contract (README lists them). */
public final class HotspotTopics {

    /** The stream's application id, which is also its consumer group on the reception events. */
    public static final String STREAM_APPLICATION_ID = "situation-room-hotspots";

    /** The current hotspot level of each commune; compacted, so the latest value per commune is its state. */
    public static final Topic<String, CommuneHotspot> COMMUNE_HOTSPOTS = new Topic<>(
            "commune-hotspots", Serdes.String(), new JsonSerde<>(CommuneHotspot.class), Retention.COMPACTED);

    /** Hour and day indicators per commune, updated while a window is open and once more, final, when it closes. */
    public static final Topic<String, CommuneIndicators> COMMUNE_INDICATORS = new Topic<>(
            "commune-indicators", Serdes.String(), new JsonSerde<>(CommuneIndicators.class), Retention.DEFAULT);

    /** Alerts raised by the rules, in every state of their life; compacted, keyed by alert id. */
    public static final Topic<String, Alert> ALERTS =
            new Topic<>("alerts", Serdes.String(), new JsonSerde<>(Alert.class), Retention.COMPACTED);

    /** People's acknowledgements and resolutions of alerts, keyed by the alert's commune; kept as the audit trail. */
    public static final Topic<String, AlertCommand> ALERT_COMMANDS =
            new Topic<>("alert-commands", Serdes.String(), new JsonSerde<>(AlertCommand.class), Retention.FOREVER);

    private HotspotTopics() {}
}

package vn.situationroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.situationroom.platform.Json;
import vn.situationroom.region.Region;

/**
 * A map of the region's communes drawn from their GeoJSON shapes (no tile server needed), each filled by its state.
 * The browser side is the plain ES module {@code frontend/commune-map.js} on Leaflet from its WebJar.
 */
@Tag("sr-commune-map")
@JsModule("context://sr/commune-map.js")
public class CommuneMap extends Component implements HasSize {

    /**
     * How one commune is drawn.
     *
     * @param level the level code, which picks the fill colour ({@code NONE} for no recent activity)
     * @param label the level's name in the user's language
     * @param detail a line that says why, such as the counts of the window
     */
    public record CommuneStyle(String level, String label, String detail) {}

    /** The kinds of things drawn over the communes, each a layer that can be shown or hidden. */
    public enum MarkerKind {
        CROWD,
        INCIDENT,
        ESCALATION
    }

    /**
     * Something that happened in a commune, drawn over it as a circle sized by its headcount.
     *
     * @param commune the commune's code
     * @param kind what it is, which picks its layer and colour
     * @param headcount how many people
     * @param label what its tooltip says
     */
    public record Marker(String commune, MarkerKind kind, int headcount, String label) {}

    /** The styles the browser draws now; what a new call changes of them is all that is sent. */
    private Map<String, CommuneStyle> drawn = new HashMap<>();

    private boolean sentOnce;

    /** A map of the whole region; its element fetches the shapes itself. */
    public CommuneMap() {
        getElement().setProperty("geojsonUrl", Region.SHAPES_PATH);
        // A map attached again (a screen come back to) is drawn from its whole state, not from the changes it missed.
        addAttachListener(event -> {
            if (sentOnce) {
                getElement().setProperty("styles", Json.MAPPER.writeValueAsString(drawn));
            }
        });
    }

    /**
     * Draws every commune by its style; communes missing from the map are drawn as having no activity. The first call
     * sends every style; later calls send only the communes whose style changed: at a country's 3,321 communes, a
     * level change is one commune, not the whole region.
     */
    public void setStyles(Map<String, CommuneStyle> styles) {
        if (!sentOnce) {
            getElement().setProperty("styles", Json.MAPPER.writeValueAsString(styles));
            sentOnce = true;
        } else {
            Map<String, CommuneStyle> changes = changes(drawn, styles);
            if (!changes.isEmpty()) {
                getElement().callJsFunction("mergeStyles", Json.MAPPER.writeValueAsString(changes));
            }
        }
        // Kept as given, not copied (3,321 entries per screen per change on a country's map): callers hand a map of
        // their own that they no longer change.
        drawn = styles;
    }

    /** What turns {@code before} into {@code after}: each changed or new style, and null for each one gone. */
    static Map<String, CommuneStyle> changes(Map<String, CommuneStyle> before, Map<String, CommuneStyle> after) {
        Map<String, CommuneStyle> changes = new LinkedHashMap<>();
        after.forEach((code, style) -> {
            if (!style.equals(before.get(code))) {
                changes.put(code, style);
            }
        });
        before.keySet().stream().filter(code -> !after.containsKey(code)).forEach(code -> changes.put(code, null));
        return changes;
    }

    /** Draws one province's or district's communes only instead of the whole region's. */
    public void showUnit(String unitCode) {
        getElement()
                .setProperty(
                        "geojsonUrl",
                        Region.SHAPES_PATH + "?unit=" + URLEncoder.encode(unitCode, StandardCharsets.UTF_8));
    }

    /** Whether each commune's label also shows its detail line when it needs attention (the wall screen). */
    public void setLabelDetails(boolean labelDetails) {
        getElement().setProperty("labelDetails", labelDetails);
    }

    /** Draws these markers, replacing the ones before; the map shows no marker layers until their names are set. */
    public void setMarkers(List<Marker> markers) {
        getElement().setProperty("markers", Json.MAPPER.writeValueAsString(markers));
    }

    /** The name of each marker layer in the user's language; setting them adds the control that toggles the layers. */
    public void setMarkerNames(Map<MarkerKind, String> names) {
        getElement().setProperty("markerNames", Json.MAPPER.writeValueAsString(names));
    }

    /**
     * A shape drawn over the communes as one outline: a cluster of communes.
     *
     * @param id what the outline stands for (an alert's id), as the {@code data-outline} attribute of its path
     * @param label its tooltip
     * @param geometry its GeoJSON geometry
     */
    public record Outline(String id, String label, tools.jackson.databind.JsonNode geometry) {}

    /** Draws these outlines, replacing the ones before; only what changed is sent. */
    public void setOutlines(List<Outline> outlines) {
        String value = Json.MAPPER.writeValueAsString(outlines);
        if (!value.equals(getElement().getProperty("outlines"))) {
            getElement().setProperty("outlines", value);
        }
    }

    /** Flies the map to a commune and opens its details. */
    public void flyTo(String communeCode) {
        getElement().callJsFunction("flyTo", communeCode);
    }

    /** An optional tile layer URL template behind the shapes; empty draws the shapes alone. */
    public void setTileUrl(String tileUrl) {
        getElement().setProperty("tileUrl", tileUrl == null ? "" : tileUrl);
    }
}

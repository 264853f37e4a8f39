package vn.situationroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.Map;
import vn.situationroom.platform.Json;

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

    public CommuneMap(String regionGeoJson) {
        getElement().setProperty("geojson", regionGeoJson);
    }

    /** Redraws every commune by its style; communes missing from the map are drawn as having no activity. */
    public void setStyles(Map<String, CommuneStyle> styles) {
        getElement().setProperty("styles", Json.MAPPER.writeValueAsString(styles));
    }

    /** Whether each commune's label also shows its detail line when it needs attention (the wall screen). */
    public void setLabelDetails(boolean labelDetails) {
        getElement().setProperty("labelDetails", labelDetails);
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

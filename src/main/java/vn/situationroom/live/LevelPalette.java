package vn.situationroom.live;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jsoup.nodes.DataNode;
import org.springframework.stereotype.Component;
import vn.situationroom.hotspot.HotspotLevel;

/**
 * The level colours of {@link HotspotLevel} as CSS custom properties on every page ({@code --sr-level-NONE},
 * {@code --sr-level-NORMAL}, …): what the badges, the wall and the map element fill with, so that the screens, the
 * charts and the report draw each level in the same colour from one place.
 */
@Component
class LevelPalette implements VaadinServiceInitListener {

    static final String CSS = ":root{--sr-level-NONE:" + HotspotLevel.hex(HotspotLevel.NO_LEVEL_RGB) + ";"
            + Arrays.stream(HotspotLevel.values())
                    .map(level -> "--sr-level-" + level.name() + ":" + level.hex() + ";")
                    .collect(Collectors.joining())
            + "}";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response ->
                response.getDocument().head().prependElement("style").appendChild(new DataNode(CSS)));
    }
}

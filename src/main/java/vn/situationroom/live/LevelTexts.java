package vn.situationroom.live;

import com.vaadin.flow.component.Component;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.situationroom.hotspot.AlertTexts;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.ui.CommuneMap;

/** The words for levels and reasons, from the i18n bundles, shared by the screens. */
public final class LevelTexts {

    private LevelTexts() {}

    /** A level's name, such as "Cảnh báo". */
    public static String level(Component screen, HotspotLevel level) {
        return screen.getTranslation("level." + level.name());
    }

    /** One reason in words, with its numbers: what was seen, what was expected, and the threshold. */
    public static String reason(Component screen, Reason reason) {
        return AlertTexts.reason(screen::getTranslation, reason);
    }

    /**
     * How each commune of the region is drawn: its level, and its first reason as the detail line; a commune without
     * a state yet is drawn as having none.
     */
    public static Map<String, CommuneMap.CommuneStyle> mapStyles(
            Component screen, Region region, Map<String, CommuneHotspot> hotspots) {
        return mapStyles(screen, region.communes(), hotspots);
    }

    /** How each of these communes is drawn, as {@link #mapStyles(Component, Region, Map)} says. */
    public static Map<String, CommuneMap.CommuneStyle> mapStyles(
            Component screen, List<Commune> communes, Map<String, CommuneHotspot> hotspots) {
        // Each level's name is looked up once per call, not once per commune (3,321 on a country's map).
        Map<HotspotLevel, String> levelNames = new EnumMap<>(HotspotLevel.class);
        CommuneMap.CommuneStyle none = new CommuneMap.CommuneStyle("NONE", screen.getTranslation("level.NONE"), "");
        Map<String, CommuneMap.CommuneStyle> styles = HashMap.newHashMap(communes.size());
        for (Commune commune : communes) {
            CommuneHotspot hotspot = hotspots.get(commune.code());
            styles.put(
                    commune.code(),
                    hotspot == null
                            ? none
                            : new CommuneMap.CommuneStyle(
                                    hotspot.level().name(),
                                    levelNames.computeIfAbsent(hotspot.level(), level -> level(screen, level)),
                                    hotspot.reasons().isEmpty()
                                            ? ""
                                            : reason(screen, hotspot.reasons().getFirst())));
        }
        return styles;
    }
}

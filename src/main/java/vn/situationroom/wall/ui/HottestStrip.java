package vn.situationroom.wall.ui;

import com.vaadin.flow.component.html.Div;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Predicate;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.live.LevelTexts;
import vn.situationroom.region.Region;

/**
 * The strip over the wall's map: the one commune to look at first, and why: the highest level, then the reason
 * furthest over its threshold, then the most people.
 */
final class HottestStrip extends Div {

    HottestStrip() {
        addClassName("wall-hottest");
    }

    /** Names the commune to look at first among those {@code shown}. */
    void show(Map<String, CommuneHotspot> current, Region region, Predicate<String> shown) {
        var top = current.values().stream()
                .filter(h -> region.contains(h.communeCode())
                        && shown.test(h.communeCode())
                        && h.level().compareTo(HotspotLevel.NORMAL) > 0)
                .max(Comparator.comparing(CommuneHotspot::level)
                        .thenComparingDouble(HottestStrip::strength)
                        .thenComparingLong(CommuneHotspot::people));
        if (top.isEmpty()) {
            setText(getTranslation("wall.hottest.none"));
            getElement().removeAttribute("data-commune");
            getElement().setAttribute("data-level", "NORMAL");
            return;
        }
        CommuneHotspot h = top.get();
        setText(getTranslation(
                "wall.hottest",
                region.placeName(h.communeCode()),
                LevelTexts.level(this, h.level()),
                h.reasons().isEmpty() ? "" : LevelTexts.reason(this, h.reasons().getFirst())));
        getElement().setAttribute("data-commune", h.communeCode());
        getElement().setAttribute("data-level", h.level().name());
    }

    /** How far a commune's first reason is over its threshold (1 at the threshold); 0 where it has no measure. */
    private static double strength(CommuneHotspot hotspot) {
        if (hotspot.reasons().isEmpty()) {
            return 0;
        }
        Reason reason = hotspot.reasons().getFirst();
        return reason.observed() == null || reason.threshold() == null || reason.threshold() <= 0
                ? 0
                : reason.observed() / reason.threshold();
    }
}

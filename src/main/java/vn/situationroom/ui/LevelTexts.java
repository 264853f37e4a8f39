package vn.situationroom.ui;

import com.vaadin.flow.component.Component;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.Reason;

/** The words for levels and reasons, from the i18n bundles, shared by the screens. */
public final class LevelTexts {

    private LevelTexts() {}

    /** A level's name, such as "Cảnh báo". */
    public static String level(Component screen, HotspotLevel level) {
        return screen.getTranslation("level." + level.name());
    }

    /** One reason in words, with its numbers: what was seen, what was expected, and the threshold. */
    public static String reason(Component screen, Reason reason) {
        return screen.getTranslation("reason." + reason.kind(), number(reason.observed()), number(reason.expected()),
                number(reason.threshold()));
    }

    private static double number(Double value) {
        return value == null ? 0 : value;
    }
}

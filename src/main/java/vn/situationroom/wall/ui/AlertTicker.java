package vn.situationroom.wall.ui;

import com.vaadin.flow.component.html.Div;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.live.AlertRow;
import vn.situationroom.region.Region;

/**
 * The wall's newest alerts, each with its time, severity, commune, whether someone is on it and why. What happened on
 * the ground comes first, newest first; the standing conditions (a late case, a day without duty) fill the rest, so
 * that a backlog of late cases never pushes a crowd off the screen.
 */
final class AlertTicker extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int SIZE = 5;

    AlertTicker() {
        addClassName("wall-ticker");
    }

    void show(List<Alert> active, Region region, ZoneId zone) {
        removeAll();
        List<Alert> newest = active.stream()
                .sorted(Comparator.comparing((Alert a) -> !a.rule().fromEvents())
                        .thenComparing(Comparator.comparing(Alert::lastSeen).reversed()))
                .limit(SIZE)
                .toList();
        if (newest.isEmpty()) {
            Div none = new Div(getTranslation("wall.ticker.none"));
            none.addClassName("wall-ticker-none");
            add(none);
        }
        for (Alert alert : newest) {
            add(item(alert, region, zone));
        }
    }

    private Div item(Alert alert, Region region, ZoneId zone) {
        // Whether someone is on it: the room sees an acknowledgement made on the police map at once.
        AlertRow row = new AlertRow(
                alert,
                region,
                TIME.format(alert.lastSeen().atZone(zone)),
                alert.state() == AlertState.ACKNOWLEDGED
                        ? getTranslation("wall.ticker.acknowledged", alert.acknowledgedBy())
                        : getTranslation("wall.ticker.open"));
        row.addClassName("wall-ticker-item");
        return row;
    }
}

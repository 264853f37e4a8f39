package vn.situationroom.wall.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.situationroom.history.Counter;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.live.LevelTexts;

/**
 * The wall's figures: each of today's counters against the same day last week by the same hour, and the open alerts
 * of the ground by severity, with the late and nearly late cases on a line of their own.
 */
final class FigureTiles extends Div {

    /** The figures of the day, in the order of the tiles. */
    static final List<Counter> TILES = List.of(
            Counter.VISITS,
            Counter.PEOPLE,
            Counter.CROWDS,
            Counter.INCIDENTS,
            Counter.CANDIDATE_RELATED,
            Counter.ESCALATIONS);

    private final Map<Counter, Tile> tiles = new EnumMap<>(Counter.class);
    private final Map<HotspotLevel, Span> openAlerts = new EnumMap<>(HotspotLevel.class);
    private final Div lateCases = new Div();

    FigureTiles() {
        addClassName("wall-tiles");
        for (Counter counter : TILES) {
            Tile tile = new Tile(getTranslation("wall.tile." + counter.apiName()));
            tile.getElement().setAttribute("data-counter", counter.apiName());
            tiles.put(counter, tile);
            add(tile);
        }
        add(alertTile());
    }

    /** Today's figures against those of the same day last week until the same hour. */
    void show(Map<Counter, Long> today, Map<Counter, Long> sameDayLastWeek) {
        for (Counter counter : TILES) {
            tiles.get(counter).show(today.get(counter), sameDayLastWeek.get(counter));
        }
    }

    /** The open alerts of the ground by severity, and how many cases are late and nearly late. */
    void showAlerts(List<Alert> ground, long overdue, long dueSoon) {
        for (var entry : openAlerts.entrySet()) {
            entry.getValue()
                    .setText(String.valueOf(ground.stream()
                            .filter(a -> a.severity() == entry.getKey())
                            .count()));
        }
        lateCases.setText(getTranslation("wall.cases", overdue, dueSoon));
        lateCases.getElement().setAttribute("data-overdue", String.valueOf(overdue));
    }

    private Div alertTile() {
        Div counts = new Div();
        counts.addClassName("wall-alert-counts");
        for (HotspotLevel level : List.of(HotspotLevel.CRITICAL, HotspotLevel.WARNING, HotspotLevel.WATCH)) {
            Span count = new Span("0");
            count.addClassName("wall-alert-count");
            openAlerts.put(level, count);
            Span badge = new Span(LevelTexts.level(this, level));
            badge.addClassNames("level-badge", "level-" + level.name());
            Div line = new Div(badge, count);
            line.getElement().setAttribute("data-severity", level.name());
            counts.add(line);
        }
        Div label = new Div(getTranslation("wall.tile.alerts"));
        label.addClassName("wall-tile-label");
        lateCases.addClassName("wall-late-cases");
        Div tile = new Div(label, counts, lateCases);
        tile.addClassNames("wall-tile", "wall-tile-alerts");
        return tile;
    }

    /** One figure of today, with its change against the same day last week. */
    private static final class Tile extends Div {

        private final Span value = new Span("0");
        private final Span change = new Span();

        Tile(String label) {
            Div name = new Div(label);
            name.addClassName("wall-tile-label");
            value.addClassName("wall-tile-value");
            change.addClassName("wall-tile-change");
            add(name, value, change);
            addClassName("wall-tile");
        }

        void show(long today, long sameDayLastWeek) {
            value.setText(String.valueOf(today));
            long difference = today - sameDayLastWeek;
            change.setText(
                    difference > 0
                            ? getTranslation("wall.change.up", difference, sameDayLastWeek)
                            : difference < 0
                                    ? getTranslation("wall.change.down", -difference, sameDayLastWeek)
                                    : getTranslation("wall.change.same", sameDayLastWeek));
            change.getElement()
                    .setAttribute("data-direction", difference > 0 ? "up" : difference < 0 ? "down" : "same");
        }
    }
}

package vn.situationroom.wall.ui;

import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;
import vn.situationroom.analysis.ChartOptions;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.Counter;
import vn.situationroom.history.Granularity;
import vn.situationroom.history.IndicatorHistory;
import vn.situationroom.ui.Chart;

/** The wall's trend panel: the region's last {@value #DAYS} days of a few counters, in large type on the dark wall. */
final class TrendPanel extends Div {

    /** The span of the panel, in days. */
    static final int DAYS = 14;
    /** The counters drawn. */
    static final List<Counter> COUNTERS = List.of(Counter.VISITS, Counter.PEOPLE, Counter.INCIDENTS);

    private final Chart chart = new Chart();

    TrendPanel() {
        chart.addClassName("wall-trend-chart");
        Div title = new Div(getTranslation("wall.trend.title", DAYS));
        title.addClassName("wall-trend-title");
        add(title, chart);
        addClassNames("wall-map", "wall-trend");
    }

    /** Reads the days up to today of these communes (none: the whole region) from the history and draws them. */
    void render(IndicatorHistory history, ElectionCalendar calendar, LocalDate today, List<String> communes) {
        LocalDate first = today.minusDays(DAYS - 1);
        List<ChartOptions.Line> lines = COUNTERS.stream()
                .map(counter -> new ChartOptions.Line(
                        getTranslation("counter." + counter.apiName()),
                        history.trend(counter, Granularity.DAY, first, today, communes)))
                .toList();
        ObjectNode option = ChartOptions.trend(
                lines,
                calendar,
                first.atStartOfDay(calendar.zone()),
                today.plusDays(1).atStartOfDay(calendar.zone()),
                List.of(
                        getTranslation("analysis.phase.BEFORE"),
                        getTranslation("analysis.phase.ELECTION_DAY"),
                        getTranslation("analysis.phase.AFTER")));
        // Large, light type on the dark wall, readable from across the room.
        option.putObject("textStyle").put("color", "#e2e8f0").put("fontSize", 20);
        option.withObject("legend")
                .putObject("textStyle")
                .put("color", "#f1f5f9")
                .put("fontSize", 22);
        for (String axis : List.of("xAxis", "yAxis")) {
            option.withObject(axis)
                    .withObject("axisLabel")
                    .put("color", "#cbd5e1")
                    .put("fontSize", 18);
        }
        option.remove("dataZoom");
        option.withObject("grid").put("bottom", 40).put("top", 56);
        chart.setOption(option);
    }
}

package vn.situationroom.analysis;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.situationroom.detection.Detection;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.IndicatorHistory;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.platform.Json;

/** The ECharts options of the analysis view: trends with the election's phases as bands, and a back-test. */
public final class ChartOptions {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** The phases' band colours: before, election day, after. */
    private static final Map<ElectionCalendar.Phase, String> BANDS = Map.of(
            ElectionCalendar.Phase.BEFORE, "rgba(66, 133, 244, 0.07)",
            ElectionCalendar.Phase.ELECTION_DAY, "rgba(214, 40, 40, 0.18)",
            ElectionCalendar.Phase.AFTER, "rgba(124, 200, 138, 0.10)");

    private ChartOptions() {}

    /** One line of a trend. */
    public record Line(String name, List<IndicatorHistory.Point> points) {}

    /**
     * Lines over time with the election's phases as bands behind them ({@code phaseNames} in the order before, election
     * day, after); {@code start} and {@code end} bound the chart.
     */
    public static ObjectNode trend(
            List<Line> lines,
            ElectionCalendar calendar,
            ZonedDateTime start,
            ZonedDateTime end,
            List<String> phaseNames) {
        ObjectNode option = base();
        option.putObject("legend").put("top", 0).put("type", "scroll");
        // Day-first numeric dates, the country's way, whatever ECharts' own language (it ships no Vietnamese).
        option.putObject("xAxis")
                .put("type", "time")
                .putObject("axisLabel")
                .putObject("formatter")
                .put("year", "{yyyy}")
                .put("month", "{MM}/{yyyy}")
                .put("day", "{dd}/{MM}")
                .put("hour", "{HH}:{mm}")
                .put("minute", "{HH}:{mm}");
        option.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode series = option.putArray("series");
        for (Line line : lines) {
            ObjectNode s = series.addObject();
            s.put("name", line.name())
                    .put("type", "line")
                    .put("showSymbol", line.points().size() <= 62);
            ArrayNode data = s.putArray("data");
            for (IndicatorHistory.Point point : line.points()) {
                data.addArray().add(point.start().format(ISO)).add(point.value());
            }
        }
        if (!lines.isEmpty()) {
            ArrayNode bands =
                    series.get(0).withObject("markArea").put("silent", true).putArray("data");
            ZonedDateTime dayStart = calendar.day().atStartOfDay(calendar.zone());
            ZonedDateTime dayEnd = dayStart.plusDays(1);
            band(bands, phaseNames.get(0), ElectionCalendar.Phase.BEFORE, start, min(end, dayStart));
            band(bands, phaseNames.get(1), ElectionCalendar.Phase.ELECTION_DAY, max(start, dayStart), min(end, dayEnd));
            band(bands, phaseNames.get(2), ElectionCalendar.Phase.AFTER, max(start, dayEnd), end);
        }
        return option;
    }

    /**
     * A detector run over a daily series from {@code first}: the counts as bars, the bound as a dashed line, the days
     * that alarm as red points, and beside them the days on which the live analytics did raise an alert for the
     * commune ({@code fired}, with how many), as purple diamonds above the bars.
     */
    public static ObjectNode backtest(
            List<Detection> days,
            LocalDate first,
            Map<LocalDate, Integer> fired,
            String observedName,
            String boundName,
            String alarmName,
            String firedName) {
        ObjectNode option = base();
        option.putObject("legend").put("top", 0);
        option.putObject("xAxis").put("type", "category").putArray("data");
        option.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode categories = (ArrayNode) option.get("xAxis").get("data");
        ArrayNode series = option.putArray("series");
        ArrayNode observed =
                series.addObject().put("name", observedName).put("type", "bar").putArray("data");
        ObjectNode boundSeries =
                series.addObject().put("name", boundName).put("type", "line").put("showSymbol", false);
        boundSeries.putObject("lineStyle").put("type", "dashed").put("color", HotspotLevel.WARNING.hex());
        boundSeries.putObject("itemStyle").put("color", HotspotLevel.WARNING.hex());
        ArrayNode bound = boundSeries.putArray("data");
        ObjectNode alarmSeries =
                series.addObject().put("name", alarmName).put("type", "scatter").put("symbolSize", 12);
        alarmSeries.putObject("itemStyle").put("color", HotspotLevel.CRITICAL.hex());
        ArrayNode alarms = alarmSeries.putArray("data");
        ObjectNode firedSeries = series.addObject()
                .put("name", firedName)
                .put("type", "scatter")
                .put("symbol", "diamond")
                .put("symbolSize", 14);
        firedSeries.putObject("itemStyle").put("color", "#6a1b9a");
        ArrayNode firedDays = firedSeries.putArray("data");
        double top = days.stream().mapToDouble(Detection::observed).max().orElse(0) + 1;
        for (Detection day : days) {
            LocalDate date = first.plusDays(day.index());
            if (fired.containsKey(date)) {
                firedDays.addArray().add(date.toString()).add(top).add(fired.get(date));
            }
        }
        for (Detection day : days) {
            String label = first.plusDays(day.index()).toString();
            categories.add(label);
            observed.add(day.observed());
            if (day.upperbound() == null) {
                bound.addNull();
            } else {
                bound.add(Math.round(day.upperbound() * 100) / 100.0);
            }
            if (Boolean.TRUE.equals(day.alarm())) {
                alarms.addArray().add(label).add(day.observed());
            }
        }
        return option;
    }

    private static ObjectNode base() {
        ObjectNode option = Json.MAPPER.createObjectNode();
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("left", 48).put("right", 24).put("top", 40).put("bottom", 64);
        ArrayNode zoom = option.putArray("dataZoom");
        zoom.addObject().put("type", "inside");
        zoom.addObject().put("type", "slider").put("height", 18).put("bottom", 12);
        return option;
    }

    private static void band(
            ArrayNode bands, String name, ElectionCalendar.Phase phase, ZonedDateTime from, ZonedDateTime to) {
        if (!from.isBefore(to)) {
            return;
        }
        ArrayNode pair = bands.addArray();
        ObjectNode first = pair.addObject()
                .put("name", name)
                .put("xAxis", from.toOffsetDateTime().format(ISO));
        first.putObject("itemStyle").put("color", BANDS.get(phase));
        first.putObject("label").put("color", "#455a64");
        pair.addObject().put("xAxis", to.toOffsetDateTime().format(ISO));
    }

    private static ZonedDateTime min(ZonedDateTime a, ZonedDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static ZonedDateTime max(ZonedDateTime a, ZonedDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}

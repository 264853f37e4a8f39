package vn.situationroom.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import vn.situationroom.analysis.ChartOptions;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.EventHistory;
import vn.situationroom.history.IndicatorHistory;
import vn.situationroom.history.Page;
import vn.situationroom.region.Region;
import vn.situationroom.security.AuditLog;

/**
 * The analyst's exports as CSV and XLSX: the trend's series, the ranking of the communes and the events, each of the
 * filters shown; every download audited, and an events file cut at {@value #MAX_ROWS} rows says so on the screen.
 */
final class Exports {

    /** The most events one file holds. */
    static final int MAX_ROWS = 100_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Component screen;
    private final IndicatorHistory history;
    private final EventHistory events;
    private final Region region;
    private final ElectionCalendar calendar;
    private final AuditLog audit;
    private final Supplier<AnalysisFilters> filters;
    private volatile long cut;

    Exports(
            Component screen,
            IndicatorHistory history,
            EventHistory events,
            Region region,
            ElectionCalendar calendar,
            AuditLog audit,
            Supplier<AnalysisFilters> filters) {
        this.screen = screen;
        this.history = history;
        this.events = events;
        this.region = region;
        this.calendar = calendar;
        this.audit = audit;
        this.filters = filters;
    }

    /** A link that downloads a table of what the screen shows, as {@code csv} or {@code xlsx}. */
    Anchor link(String what, String format, Supplier<Table> table) {
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    cut = 0;
                    Table rows = table.get();
                    byte[] file = format.equals("csv") ? rows.csv() : rows.xlsx();
                    AnalysisFilters shown = filters.get();
                    String name = "%s-%s-%s-%s.%s"
                            .formatted(what, shown.counter().apiName(), shown.from(), shown.to(), format);
                    audit.record(AuditLog.Action.EXPORT, name, shown.toQuery().getQueryString());
                    long rowsLeftOut = cut;
                    if (rowsLeftOut > 0) {
                        // Said on the screen, not in the file, so that the file stays a plain table.
                        event.getUI()
                                .access(() -> Notification.show(
                                        screen.getTranslation("analysis.export.cut", MAX_ROWS, rowsLeftOut),
                                        10_000,
                                        Notification.Position.TOP_CENTER));
                    }
                    return new DownloadResponse(
                            new ByteArrayInputStream(file),
                            name,
                            format.equals("csv")
                                    ? "text/csv; charset=UTF-8"
                                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            file.length);
                }),
                format.toUpperCase(Locale.ROOT));
        link.addClassName("export-" + format);
        return link;
    }

    Table series(List<ChartOptions.Line> lines) {
        List<List<Object>> rows = new ArrayList<>();
        for (ChartOptions.Line line : lines) {
            for (IndicatorHistory.Point point : line.points()) {
                rows.add(List.of(
                        line.name(),
                        point.start().atZoneSameInstant(calendar.zone()).format(TIME),
                        point.value()));
            }
        }
        return new Table(
                text("analysis.tab.trend"),
                List.of(text("analysis.export.line"), text("analysis.export.bucket"), counterName()),
                rows);
    }

    Table ranking() {
        AnalysisFilters shown = filters.get();
        List<List<Object>> rows = new ArrayList<>();
        int rank = 0;
        for (IndicatorHistory.Ranked ranked : history.top(
                shown.counter(), shown.from(), shown.to(), region.communes().size())) {
            rows.add(List.of(++rank, ranked.communeCode(), region.shortName(ranked.communeCode()), ranked.value()));
        }
        return new Table(
                text("analysis.export.ranking"),
                List.of(
                        text("analysis.export.rank"),
                        text("analysis.export.code"),
                        text("analysis.ranking.commune"),
                        counterName()),
                rows);
    }

    Table events() {
        AnalysisFilters shown = filters.get();
        // One query: the rows of one moment, however many arrive while the file is written.
        Page<EventHistory.StoredEvent> page = events.events(shown.from(), shown.to(), shown.eventFilter(), 0, MAX_ROWS);
        if (page.total() > page.items().size()) {
            cut = page.total();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (EventHistory.StoredEvent e : page.items()) {
            rows.add(Arrays.asList(
                    e.eventId().toString(),
                    e.occurredAt().atZoneSameInstant(calendar.zone()).format(TIME),
                    e.communeCode(),
                    region.shortName(e.communeCode()),
                    label("EventType", e.type()),
                    label("Content", e.content()),
                    label("Field", e.field()),
                    e.headcount(),
                    e.complex(),
                    e.candidateRelated(),
                    e.caseRef(),
                    e.summary()));
        }
        return new Table(
                text("analysis.tab.events"),
                List.of(
                        text("field.eventId"),
                        text("field.occurredAt"),
                        text("analysis.export.code"),
                        text("field.communeCode"),
                        text("field.type"),
                        text("field.content"),
                        text("field.field"),
                        text("field.headcount"),
                        text("field.complex"),
                        text("field.candidateRelated"),
                        text("field.caseRef"),
                        text("field.summary")),
                rows);
    }

    private String counterName() {
        return text("counter." + filters.get().counter().apiName());
    }

    private String label(String type, String code) {
        return code == null ? "" : text("enum." + type + "." + code);
    }

    private String text(String key) {
        return screen.getTranslation(key);
    }
}

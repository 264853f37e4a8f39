package vn.situationroom.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import vn.situationroom.analysis.ChartOptions;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.AlertHistory;
import vn.situationroom.history.Counter;
import vn.situationroom.history.DailyCounts;
import vn.situationroom.history.EventHistory;
import vn.situationroom.history.Granularity;
import vn.situationroom.history.IndicatorHistory;
import vn.situationroom.live.NotifiedAlerts;
import vn.situationroom.region.Region;
import vn.situationroom.report.DailyReportService;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Viewer;
import vn.situationroom.ui.Chart;

/**
 * The analyst's drill-down. The filters (days, communes, counter, granularity, the events' type, content, field and
 * flags, the open tab) live in the URL, so a view survives a reload and can be shared. Tabs: the trend with the
 * election's phases as bands and the ranking of communes; the events, paged; the alerts with who handled them; the
 * back-test of a detector over a commune's history. With one commune picked, the page is that commune's page.
 * Every table and series exports to CSV and XLSX with the filters applied.
 */
@RolesAllowed({Roles.LEADERSHIP, Roles.INSPECTION, Roles.COMMUNE})
@Route("analysis")
@Menu(title = "shell.menu.analysis", order = 3, icon = "vaadin:chart")
public class AnalysisView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** Communes charted one line each; more are summed into one line. */
    private static final int MAX_LINES = 8;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Region region;
    private final IndicatorHistory history;
    private final DailyCounts dailyCounts;
    private final ElectionCalendar calendar;

    private AnalysisFilters filters;

    private final FilterBar filterBar;

    private final H2 heading = new H2();
    private final Span reportLabel = new Span();
    private final Anchor reportPdf = new Anchor("", "PDF");
    private final Anchor reportDocx = new Anchor("", "DOCX");
    private final Span spanLabel = new Span();
    private final Anchor spanPdf = new Anchor("", "PDF");
    private final Anchor spanDocx = new Anchor("", "DOCX");
    private final TabSheet tabs = new TabSheet();
    private final Chart trend = new Chart();
    private final Grid<IndicatorHistory.Ranked> ranking = new Grid<>();
    private final AuditLog audit;
    /** A commune's officer sees their own commune only: no ranking of the others, no district report. */
    private final boolean districtWide = !Viewer.current().limitedToCommune();

    private final EventsTab events;
    private final AlertsTab alerts;
    private final BacktestTab backtest;
    private final Exports exports;

    private final Clock clock;

    public AnalysisView(
            Region region,
            IndicatorHistory history,
            EventHistory eventHistory,
            AlertHistory alertHistory,
            DailyCounts dailyCounts,
            ElectionCalendar calendar,
            AuditLog audit,
            NotifiedAlerts notified,
            Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.region = region;
        this.history = history;
        this.dailyCounts = dailyCounts;
        this.calendar = calendar;
        this.filters = AnalysisFilters.defaults(LocalDate.now(clock.withZone(calendar.zone())));
        this.alerts = new AlertsTab(alertHistory, region, calendar, () -> filters, this::unlessUnavailable, notified);
        this.backtest = new BacktestTab(region, dailyCounts, alertHistory, calendar, () -> filters);
        this.exports = new Exports(this, history, eventHistory, region, calendar, audit, () -> filters);
        this.events = new EventsTab(eventHistory, region, calendar, () -> filters, this::unlessUnavailable, exports);
        this.filterBar = new FilterBar(region, changed -> {
            filters = changed;
            showFilters();
            refresh();
        });
        setSizeFull();
        addClassName("analysis-view");
        heading.addClassName("analysis-heading");
        reportPdf.addClassName("report-pdf");
        reportDocx.addClassName("report-docx");
        reportPdf.getElement().setAttribute("download", true);
        reportDocx.getElement().setAttribute("download", true);
        reportLabel.setVisible(districtWide);
        reportPdf.setVisible(districtWide);
        reportDocx.setVisible(districtWide);
        spanPdf.addClassName("report-span-pdf");
        spanDocx.addClassName("report-span-docx");
        spanPdf.getElement().setAttribute("download", true);
        spanDocx.getElement().setAttribute("download", true);
        HorizontalLayout top =
                new HorizontalLayout(heading, reportLabel, reportPdf, reportDocx, spanLabel, spanPdf, spanDocx);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWidthFull();
        top.setFlexGrow(1, heading);
        top.addClassName("analysis-top");
        add(top, filterBar, tabs);
        setFlexGrow(1, tabs);
        tabs.setSizeFull();
        tabs.add(getTranslation("analysis.tab.trend"), trendTab());
        tabs.add(getTranslation("analysis.tab.events"), events);
        tabs.add(getTranslation("analysis.tab.alerts"), alerts);
        tabs.add(getTranslation("analysis.tab.backtest"), backtest);
        tabs.addSelectedChangeListener(event -> {
            if (event.isFromClient()) {
                filters = filters.withTab(AnalysisFilters.Tab.values()[tabs.getSelectedIndex()]);
                showFilters();
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("analysis.page-title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filters = AnalysisFilters.parse(
                event.getLocation().getQueryParameters(),
                LocalDate.now(clock.withZone(calendar.zone())),
                region::contains);
        if (!districtWide) {
            filters = filters.withCommunes(Viewer.current().communes(List.of()));
        }
        if (!filters.problems().isEmpty()) {
            Notification.show(
                    getTranslation("analysis.bad-parameters", String.join(", ", filters.problems())),
                    8000,
                    Notification.Position.TOP_CENTER);
        }
        fillFields();
        refresh();
    }

    private Component trendTab() {
        trend.addClassName("analysis-trend");
        trend.setWidthFull();
        trend.setHeight("100%");
        ranking.addClassName("analysis-ranking");
        ranking.addColumn(r -> communeName(r.communeCode()))
                .setHeader(getTranslation("analysis.ranking.commune"))
                .setFlexGrow(2);
        ranking.addColumn(IndicatorHistory.Ranked::value)
                .setHeader(getTranslation("analysis.ranking.value"))
                .setFlexGrow(1);
        ranking.setWidth("24em");
        ranking.getStyle().set("flex", "0 0 24em");
        ranking.setHeightFull();
        // A commune picked in the ranking opens its page: the same view, filtered to it.
        ranking.addItemClickListener(e -> {
            filters = filters.withCommunes(List.of(e.getItem().communeCode()));
            fillFields();
            showFilters();
            refresh();
        });
        Div chartArea = new Div(trend);
        chartArea.addClassName("analysis-chart-area");
        HorizontalLayout body = new HorizontalLayout(chartArea, ranking);
        body.setSizeFull();
        body.setFlexGrow(1, chartArea);
        HorizontalLayout links = new HorizontalLayout(
                new Span(getTranslation("analysis.export.series")),
                exports.link("series", "csv", () -> exports.series(lines())),
                exports.link("series", "xlsx", () -> exports.series(lines())));
        if (districtWide) {
            // A commune's officer has no ranking of the communes to export.
            links.add(
                    new Span(getTranslation("analysis.export.ranking")),
                    exports.link("ranking", "csv", exports::ranking),
                    exports.link("ranking", "xlsx", exports::ranking));
        }
        links.addClassName("analysis-exports");
        links.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout tab = new VerticalLayout(links, body);
        tab.setSizeFull();
        tab.setPadding(false);
        tab.setFlexGrow(1, body);
        return tab;
    }

    /** Puts the filters into the fields and the tabs, without the fields reporting a change. */
    private void fillFields() {
        filterBar.show(filters);
        tabs.setSelectedIndex(filters.tab().ordinal());
        if (filters.communes().size() == 1) {
            region.commune(filters.communes().getFirst()).ifPresent(backtest::select);
        }
    }

    /** Writes the filters into the address bar, replacing the entry: reload and share give this view back. */
    private void showFilters() {
        UI.getCurrent().getPage().getHistory().replaceState(null, new Location("analysis", filters.toQuery()));
    }

    private void refresh() {
        try {
            show();
        } catch (DataAccessException e) {
            // The history cannot be read right now: say so, keep the filters; the next change tries again.
            Notification.show(getTranslation("analysis.unavailable"), 8000, Notification.Position.TOP_CENTER);
        }
    }

    private void show() {
        // The daily situation report of the last day picked: the whole region, whatever the filters.
        reportLabel.setText(getTranslation("analysis.report", filters.to().format(DAY_MONTH)));
        reportPdf.setHref("api/v1/reports/daily?day=" + filters.to() + "&format=pdf");
        reportDocx.setHref("api/v1/reports/daily?day=" + filters.to() + "&format=docx");
        // The whole period too, when one report can hold it.
        boolean span = districtWide
                && filters.from().isBefore(filters.to())
                && DailyReportService.holds(filters.from(), filters.to());
        spanLabel.setVisible(span);
        spanPdf.setVisible(span);
        spanDocx.setVisible(span);
        spanLabel.setText(getTranslation(
                "analysis.report.span",
                filters.from().format(DAY_MONTH),
                filters.to().format(DAY_MONTH)));
        String period = "api/v1/reports/daily?from=" + filters.from() + "&to=" + filters.to();
        spanPdf.setHref(period + "&format=pdf");
        spanDocx.setHref(period + "&format=docx");
        heading.setText(
                filters.communes().size() == 1
                        ? getTranslation(
                                "analysis.title.commune",
                                region.placeName(filters.communes().getFirst()))
                        : filters.communes().isEmpty()
                                ? getTranslation("analysis.title.region", region.name())
                                : region.unitOf(filters.communes())
                                        .map(unit -> getTranslation(
                                                "analysis.title.unit",
                                                unit.name(),
                                                unit.communes().size()))
                                        .orElseGet(() -> getTranslation(
                                                "analysis.title.communes",
                                                filters.communes().size())));
        ZonedDateTime start = filters.granularity().bucketOf(filters.from(), calendar.zone());
        ZonedDateTime end = filters.granularity() == Granularity.HOUR || filters.granularity() == Granularity.DAY
                ? filters.to().plusDays(1).atStartOfDay(calendar.zone())
                : filters.granularity().next(filters.granularity().bucketOf(filters.to(), calendar.zone()));
        trend.setOption(ChartOptions.trend(
                lines(),
                calendar,
                start,
                end,
                List.of(
                        getTranslation("analysis.phase.BEFORE"),
                        getTranslation("analysis.phase.ELECTION_DAY"),
                        getTranslation("analysis.phase.AFTER"))));
        ranking.setVisible(districtWide);
        ranking.setItems(
                districtWide
                        ? history.top(
                                filters.counter(),
                                filters.from(),
                                filters.to(),
                                region.communes().size())
                        : List.of());
        events.refresh();
        alerts.getDataProvider().refreshAll();
    }

    private List<ChartOptions.Line> lines() {
        String name = counterName(filters.counter());
        if (filters.communes().isEmpty()) {
            return List.of(new ChartOptions.Line(name + " · " + region.name(), trendOf(List.of())));
        }
        if (filters.communes().size() > MAX_LINES) {
            return List.of(new ChartOptions.Line(
                    name + " · "
                            + getTranslation(
                                    "analysis.title.communes",
                                    filters.communes().size()),
                    trendOf(filters.communes())));
        }
        return filters.communes().stream()
                .map(code -> new ChartOptions.Line(communeName(code), trendOf(List.of(code))))
                .toList();
    }

    private List<IndicatorHistory.Point> trendOf(List<String> codes) {
        return history.trend(filters.counter(), filters.granularity(), filters.from(), filters.to(), codes);
    }

    /** Reads from the history, or gives what it is told (with a notice) while the history cannot be read. */
    @FunctionalInterface
    interface Reader {
        <T> T unlessUnavailable(Supplier<T> read, T otherwise);
    }

    /** What {@code read} gives, or {@code otherwise} (with a notice) while the history cannot be read. */
    private <T> T unlessUnavailable(Supplier<T> read, T otherwise) {
        try {
            return read.get();
        } catch (DataAccessException e) {
            Notification.show(getTranslation("analysis.unavailable"), 8000, Notification.Position.TOP_CENTER);
            return otherwise;
        }
    }

    private String counterName(Counter value) {
        return getTranslation("counter." + value.apiName());
    }

    private String communeName(String code) {
        return region.shortName(code);
    }
}

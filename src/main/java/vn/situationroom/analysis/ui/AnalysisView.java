package vn.situationroom.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import vn.situationroom.detection.Detection;
import vn.situationroom.detection.EarsC;
import vn.situationroom.detection.Ewma;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.Counter;
import vn.situationroom.history.DailyCounts;
import vn.situationroom.history.Granularity;
import vn.situationroom.history.HistoryQueries;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.hotspot.AlertTexts;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Viewer;
import vn.situationroom.ui.Chart;
import vn.situationroom.ui.ViewerCommunes;
import vn.situationroom.live.LevelTexts;
import jakarta.annotation.security.RolesAllowed;
import vn.situationroom.security.Roles;
import vn.situationroom.analysis.ChartOptions;

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

    /** The most rows an export holds. */
    private static final int MAX_EXPORT_ROWS = 100_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The longest period one situation report holds (the report API's limit). */
    private static final int MAX_REPORT_SPAN_DAYS = 31;

    private final Region region;
    private final HistoryQueries history;
    private final DailyCounts dailyCounts;
    private final ElectionCalendar calendar;

    private AnalysisFilters filters;
    /** How many rows the last export would have held where it was cut at the limit; 0 when it was whole. */
    private volatile long exportCut;

    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final MultiSelectComboBox<Commune> communes = new MultiSelectComboBox<>();
    private final Select<Counter> counter = new Select<>();
    private final Select<Granularity> granularity = new Select<>();
    private final Select<EventType> type = new Select<>();
    private final Select<Content> content = new Select<>();
    private final Select<Field> field = new Select<>();
    private final Checkbox complex = new Checkbox();
    private final Checkbox candidateRelated = new Checkbox();

    private final H2 heading = new H2();
    private final Span reportLabel = new Span();
    private final Anchor reportPdf = new Anchor("", "PDF");
    private final Anchor reportDocx = new Anchor("", "DOCX");
    private final Span spanLabel = new Span();
    private final Anchor spanPdf = new Anchor("", "PDF");
    private final Anchor spanDocx = new Anchor("", "DOCX");
    private final TabSheet tabs = new TabSheet();
    private final Chart trend = new Chart();
    private final Grid<HistoryQueries.Ranked> ranking = new Grid<>();
    private final AuditLog audit;
    /** A commune's officer sees their own commune only: no ranking of the others, no district report. */
    private final boolean districtWide = !Viewer.current().limitedToCommune();
    private final Grid<HistoryQueries.StoredEvent> events = new Grid<>();
    private final Span eventsTotal = new Span();
    private final Grid<HistoryQueries.StoredAlert> alerts = new Grid<>();
    private final Chart backtest = new Chart();
    private final Select<Commune> backtestCommune = new Select<>();
    private final Select<String> method = new Select<>();
    private final IntegerField baseline = new IntegerField();
    private final NumberField alpha = new NumberField();
    private final NumberField weight = new NumberField();
    private final Span backtestSummary = new Span();

    public AnalysisView(Region region, HistoryQueries history, DailyCounts dailyCounts, ElectionCalendar calendar,
            AuditLog audit) {
        this.audit = audit;
        this.region = region;
        this.history = history;
        this.dailyCounts = dailyCounts;
        this.calendar = calendar;
        this.filters = AnalysisFilters.defaults(LocalDate.now(calendar.zone()));
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
        HorizontalLayout top = new HorizontalLayout(heading, reportLabel, reportPdf, reportDocx, spanLabel, spanPdf,
                spanDocx);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWidthFull();
        top.setFlexGrow(1, heading);
        top.addClassName("analysis-top");
        add(top, filterBar(), tabs);
        setFlexGrow(1, tabs);
        tabs.setSizeFull();
        tabs.add(getTranslation("analysis.tab.trend"), trendTab());
        tabs.add(getTranslation("analysis.tab.events"), eventsTab());
        tabs.add(getTranslation("analysis.tab.alerts"), alertsTab());
        tabs.add(getTranslation("analysis.tab.backtest"), backtestTab());
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
        filters = AnalysisFilters.parse(event.getLocation().getQueryParameters(), LocalDate.now(calendar.zone()),
                region::contains);
        if (!districtWide) {
            filters = filters.withCommunes(Viewer.current().communes(List.of()));
        }
        if (!filters.problems().isEmpty()) {
            Notification.show(getTranslation("analysis.bad-parameters", String.join(", ", filters.problems())),
                    8000, Notification.Position.TOP_CENTER);
        }
        fillFields();
        refresh();
    }

    private Component filterBar() {
        from.setLabel(getTranslation("analysis.filter.from"));
        to.setLabel(getTranslation("analysis.filter.to"));
        communes.setLabel(getTranslation("analysis.filter.communes"));
        communes.setPlaceholder(getTranslation("analysis.filter.all-communes"));
        ViewerCommunes.limitMany(communes, region);
        communes.setItemLabelGenerator(Commune::name);
        communes.setWidth("22em");
        counter.setLabel(getTranslation("analysis.filter.counter"));
        counter.setItems(Counter.values());
        counter.setItemLabelGenerator(this::counterName);
        counter.setWidth("16em");
        granularity.setLabel(getTranslation("analysis.filter.granularity"));
        granularity.setItems(Granularity.values());
        granularity.setItemLabelGenerator(g -> getTranslation("analysis.granularity." + g.name()));
        type.setLabel(getTranslation("field.type"));
        type.setItems(EventType.values());
        content.setLabel(getTranslation("field.content"));
        content.setItems(Content.values());
        field.setLabel(getTranslation("field.field"));
        field.setItems(Field.values());
        for (Select<? extends Enum<?>> select : List.of(type, content, field)) {
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(getTranslation("analysis.filter.any"));
        }
        type.setItemLabelGenerator(this::enumLabel);
        content.setItemLabelGenerator(this::enumLabel);
        field.setItemLabelGenerator(this::enumLabel);
        complex.setLabel(getTranslation("field.complex"));
        candidateRelated.setLabel(getTranslation("field.candidateRelated"));
        from.addValueChangeListener(e -> changedByUser(e.isFromClient()));
        to.addValueChangeListener(e -> changedByUser(e.isFromClient()));
        communes.addValueChangeListener(e -> changedByUser(e.isFromClient()));
        counter.addValueChangeListener(e -> changedByUser(e.isFromClient()));
        granularity.addValueChangeListener(e -> changedByUser(e.isFromClient()));
        type.addValueChangeListener(e -> changedByUser(e.isFromClient()));
        content.addValueChangeListener(e -> changedByUser(e.isFromClient()));
        field.addValueChangeListener(e -> changedByUser(e.isFromClient()));
        complex.addValueChangeListener(e -> changedByUser(e.isFromClient()));
        candidateRelated.addValueChangeListener(e -> changedByUser(e.isFromClient()));
        HorizontalLayout bar = new HorizontalLayout(from, to, communes, counter, granularity, type, content, field,
                complex, candidateRelated);
        bar.addClassName("analysis-filters");
        bar.setWrap(true);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        return bar;
    }

    private Component trendTab() {
        trend.addClassName("analysis-trend");
        trend.setWidthFull();
        trend.setHeight("100%");
        ranking.addClassName("analysis-ranking");
        ranking.addColumn(r -> communeName(r.communeCode())).setHeader(getTranslation("analysis.ranking.commune"))
                .setFlexGrow(2);
        ranking.addColumn(HistoryQueries.Ranked::value).setHeader(getTranslation("analysis.ranking.value"))
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
        HorizontalLayout exports = new HorizontalLayout(new Span(getTranslation("analysis.export.series")),
                download("csv", () -> seriesTable().csv(), () -> fileName("series", "csv")),
                download("xlsx", () -> seriesTable().xlsx(), () -> fileName("series", "xlsx")));
        if (districtWide) {
            // A commune's officer has no ranking of the communes to export.
            exports.add(new Span(getTranslation("analysis.export.ranking")),
                    download("csv", () -> rankingTable().csv(), () -> fileName("ranking", "csv")),
                    download("xlsx", () -> rankingTable().xlsx(), () -> fileName("ranking", "xlsx")));
        }
        exports.addClassName("analysis-exports");
        exports.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout tab = new VerticalLayout(exports, body);
        tab.setSizeFull();
        tab.setPadding(false);
        tab.setFlexGrow(1, body);
        return tab;
    }

    private Component eventsTab() {
        events.addClassName("analysis-events");
        events.addColumn(e -> e.occurredAt().atZoneSameInstant(calendar.zone()).format(TIME))
                .setHeader(getTranslation("field.occurredAt")).setAutoWidth(true).setFlexGrow(0);
        events.addColumn(e -> communeName(e.communeCode())).setHeader(getTranslation("field.communeCode"))
                .setAutoWidth(true);
        events.addColumn(e -> enumLabel("EventType", e.type())).setHeader(getTranslation("field.type")).setAutoWidth(true);
        events.addColumn(e -> enumLabel("Content", e.content())).setHeader(getTranslation("field.content"))
                .setAutoWidth(true);
        events.addColumn(e -> enumLabel("Field", e.field())).setHeader(getTranslation("field.field")).setAutoWidth(true);
        events.addColumn(HistoryQueries.StoredEvent::headcount).setHeader(getTranslation("field.headcount"))
                .setAutoWidth(true).setFlexGrow(0);
        events.addColumn(this::flags).setHeader(getTranslation("analysis.events.flags")).setAutoWidth(true);
        events.addColumn(HistoryQueries.StoredEvent::caseRef).setHeader(getTranslation("field.caseRef"))
                .setAutoWidth(true);
        events.addColumn(HistoryQueries.StoredEvent::summary).setHeader(getTranslation("field.summary")).setFlexGrow(3);
        events.setSizeFull();
        events.setItems(query -> {
            AnalysisFilters current = filters;
            return unlessUnavailable(() -> history.events(current.from(), current.to(), current.eventFilter(),
                    query.getPage(), query.getPageSize()).items(), List.<HistoryQueries.StoredEvent>of()).stream();
        }, query -> {
            long total = unlessUnavailable(() -> history.events(filters.from(), filters.to(), filters.eventFilter(), 0,
                    1).total(), 0L);
            eventsTotal.setText(getTranslation("analysis.events.total", total));
            return (int) Math.min(total, Integer.MAX_VALUE);
        });
        HorizontalLayout exports = new HorizontalLayout(eventsTotal,
                new Span(getTranslation("analysis.export.events")),
                download("csv", () -> eventsTable().csv(), () -> fileName("events", "csv")),
                download("xlsx", () -> eventsTable().xlsx(), () -> fileName("events", "xlsx")));
        exports.addClassName("analysis-exports");
        exports.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout tab = new VerticalLayout(exports, events);
        tab.addClassName("analysis-events-tab");
        tab.setSizeFull();
        tab.setPadding(false);
        tab.setFlexGrow(1, events);
        return tab;
    }

    private Component alertsTab() {
        alerts.addClassName("analysis-alerts");
        alerts.addColumn(a -> a.firstSeen().atZone(calendar.zone()).format(TIME))
                .setHeader(getTranslation("analysis.alerts.first-seen")).setAutoWidth(true).setFlexGrow(0);
        alerts.addColumn(a -> communeName(a.communeCode())).setHeader(getTranslation("field.communeCode"))
                .setAutoWidth(true);
        alerts.addColumn(a -> getTranslation("level." + a.severity())).setHeader(getTranslation("field.severity"))
                .setAutoWidth(true);
        alerts.addColumn(a -> a.reasons().isEmpty() ? "" : LevelTexts.reason(this, a.reasons().getFirst()))
                .setHeader(getTranslation("analysis.alerts.why")).setFlexGrow(3);
        alerts.addColumn(a -> getTranslation("analysis.alerts.state." + a.state()))
                .setHeader(getTranslation("analysis.alerts.state")).setAutoWidth(true);
        alerts.addColumn(this::handling).setHeader(getTranslation("analysis.alerts.handling")).setFlexGrow(2);
        alerts.setSizeFull();
        alerts.setItems(query -> {
            AnalysisFilters current = filters;
            return unlessUnavailable(() -> history.alerts(current.from(), current.to(),
                    new HistoryQueries.AlertFilter(current.communes(), null, null), query.getPage(),
                    query.getPageSize()).items(), List.<HistoryQueries.StoredAlert>of()).stream();
        }, query -> unlessUnavailable(() -> (int) history.alerts(filters.from(), filters.to(),
                new HistoryQueries.AlertFilter(filters.communes(), null, null), 0, 1).total(), 0));
        return alerts;
    }

    private Component backtestTab() {
        backtestCommune.setLabel(getTranslation("field.communeCode"));
        ViewerCommunes.limit(backtestCommune, region);
        backtestCommune.setItemLabelGenerator(Commune::name);
        method.setLabel(getTranslation("analysis.backtest.method"));
        method.setItems("C1", "C2", "C3", "EWMA");
        method.setItemLabelGenerator(m -> getTranslation("analysis.backtest.method." + m));
        method.setWidth("20em");
        method.setValue("C2");
        baseline.setLabel(getTranslation("analysis.backtest.baseline"));
        baseline.setPlaceholder("7");
        baseline.setMin(1);
        baseline.setMax(365);
        alpha.setLabel(getTranslation("analysis.backtest.alpha"));
        alpha.setPlaceholder("0.001");
        weight.setLabel(getTranslation("analysis.backtest.weight"));
        weight.setPlaceholder("0.4");
        // The hints are the defaults the detector uses when a field is left empty.
        method.addValueChangeListener(e -> {
            boolean ewma = "EWMA".equals(e.getValue());
            alpha.setVisible(!ewma);
            weight.setVisible(ewma);
            baseline.setPlaceholder(ewma ? "28" : "7");
            alpha.setPlaceholder("C3".equals(e.getValue()) ? "0.025" : "0.001");
        });
        weight.setVisible(false);
        Button run = new Button(getTranslation("analysis.backtest.run"), e -> runBacktest());
        run.addClassName("analysis-backtest-run");
        HorizontalLayout form = new HorizontalLayout(backtestCommune, method, baseline, alpha, weight, run);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        backtest.addClassName("analysis-backtest");
        backtest.setWidthFull();
        backtest.setHeight("100%");
        backtestSummary.addClassName("analysis-backtest-summary");
        Div help = new Div(getTranslation("analysis.backtest.help"));
        help.addClassName("analysis-help");
        VerticalLayout tab = new VerticalLayout(help, form, backtestSummary, backtest);
        tab.setSizeFull();
        tab.setPadding(false);
        tab.setFlexGrow(1, backtest);
        return tab;
    }

    private void runBacktest() {
        Commune commune = backtestCommune.getValue();
        if (commune == null) {
            backtestCommune.setInvalid(true);
            backtestCommune.setErrorMessage(getTranslation("police.dialog.required"));
            return;
        }
        backtestCommune.setInvalid(false);
        double[] series = dailyCounts.visitsAndPetitions(commune.code(), filters.from(), filters.to(), calendar.zone());
        List<Detection> days;
        try {
            days = "EWMA".equals(method.getValue())
                    ? Ewma.detect(series, new Ewma.Params(weight.getValue(), baseline.getValue(), null, null, null, null))
                    : EarsC.detect(series, new EarsC.Params(EarsC.Method.valueOf(method.getValue()), baseline.getValue(),
                            alpha.getValue(), null));
        } catch (IllegalArgumentException e) {
            backtestSummary.setText(getTranslation("analysis.backtest.refused", e.getMessage()));
            return;
        }
        long alarms = days.stream().filter(d -> Boolean.TRUE.equals(d.alarm())).count();
        backtestSummary.setText(getTranslation("analysis.backtest.summary", commune.name(), series.length, alarms));
        backtest.setOption(ChartOptions.backtest(days, filters.from(), getTranslation("analysis.backtest.observed"),
                getTranslation("analysis.backtest.bound"), getTranslation("analysis.backtest.alarm")));
    }

    /** Puts the filters into the fields, without the fields reporting a change. */
    private void fillFields() {
        from.setValue(filters.from());
        to.setValue(filters.to());
        Set<Commune> picked = new LinkedHashSet<>();
        filters.communes().forEach(code -> region.commune(code).ifPresent(picked::add));
        communes.setValue(picked);
        counter.setValue(filters.counter());
        granularity.setValue(filters.granularity());
        type.setValue(filters.type());
        content.setValue(filters.content());
        field.setValue(filters.field());
        complex.setValue(filters.complex());
        candidateRelated.setValue(filters.candidateRelated());
        tabs.setSelectedIndex(filters.tab().ordinal());
        if (filters.communes().size() == 1) {
            region.commune(filters.communes().getFirst()).ifPresent(backtestCommune::setValue);
        }
    }

    private void changedByUser(boolean fromClient) {
        if (!fromClient) {
            return;
        }
        LocalDate first = from.getValue() == null ? filters.from() : from.getValue();
        LocalDate last = to.getValue() == null ? filters.to() : to.getValue();
        Granularity buckets = granularity.getValue() == null ? filters.granularity() : granularity.getValue();
        if (last.isBefore(first)) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("analysis.filter.to-before-from"));
            return;
        }
        to.setInvalid(false);
        if (buckets == Granularity.HOUR && java.time.temporal.ChronoUnit.DAYS.between(first, last)
                >= AnalysisFilters.MAX_HOUR_DAYS) {
            granularity.setInvalid(true);
            granularity.setErrorMessage(getTranslation("analysis.filter.hour-span", AnalysisFilters.MAX_HOUR_DAYS));
            return;
        }
        granularity.setInvalid(false);
        filters = new AnalysisFilters(first, last,
                communes.getValue().stream().sorted(Comparator.comparing(Commune::code)).map(Commune::code).toList(),
                counter.getValue() == null ? filters.counter() : counter.getValue(), buckets, type.getValue(),
                content.getValue(), field.getValue(), complex.getValue(), candidateRelated.getValue(), filters.tab(),
                List.of());
        showFilters();
        refresh();
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
        boolean span = districtWide && filters.from().isBefore(filters.to())
                && java.time.temporal.ChronoUnit.DAYS.between(filters.from(), filters.to()) < MAX_REPORT_SPAN_DAYS;
        spanLabel.setVisible(span);
        spanPdf.setVisible(span);
        spanDocx.setVisible(span);
        spanLabel.setText(getTranslation("analysis.report.span", filters.from().format(DAY_MONTH),
                filters.to().format(DAY_MONTH)));
        String period = "api/v1/reports/daily?from=" + filters.from() + "&to=" + filters.to();
        spanPdf.setHref(period + "&format=pdf");
        spanDocx.setHref(period + "&format=docx");
        heading.setText(filters.communes().size() == 1
                ? getTranslation("analysis.title.commune", region.placeName(filters.communes().getFirst()))
                : filters.communes().isEmpty() ? getTranslation("analysis.title.region", region.name())
                : getTranslation("analysis.title.communes", filters.communes().size()));
        ZonedDateTime start = filters.granularity().bucketOf(filters.from(), calendar.zone());
        ZonedDateTime end = filters.granularity() == Granularity.HOUR || filters.granularity() == Granularity.DAY
                ? filters.to().plusDays(1).atStartOfDay(calendar.zone())
                : filters.granularity().next(filters.granularity().bucketOf(filters.to(), calendar.zone()));
        trend.setOption(ChartOptions.trend(lines(), calendar, start, end, List.of(
                getTranslation("analysis.phase.BEFORE"), getTranslation("analysis.phase.ELECTION_DAY"),
                getTranslation("analysis.phase.AFTER"))));
        ranking.setVisible(districtWide);
        ranking.setItems(districtWide
                ? history.top(filters.counter(), filters.from(), filters.to(), region.communes().size()) : List.of());
        events.getDataProvider().refreshAll();
        alerts.getDataProvider().refreshAll();
    }

    private List<ChartOptions.Line> lines() {
        String name = counterName(filters.counter());
        if (filters.communes().isEmpty()) {
            return List.of(new ChartOptions.Line(name + " · " + region.name(), trendOf(List.of())));
        }
        if (filters.communes().size() > MAX_LINES) {
            return List.of(new ChartOptions.Line(
                    name + " · " + getTranslation("analysis.title.communes", filters.communes().size()),
                    trendOf(filters.communes())));
        }
        return filters.communes().stream()
                .map(code -> new ChartOptions.Line(communeName(code), trendOf(List.of(code))))
                .toList();
    }

    private List<HistoryQueries.Point> trendOf(List<String> codes) {
        return history.trend(filters.counter(), filters.granularity(), filters.from(), filters.to(), codes);
    }

    private Table seriesTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (ChartOptions.Line line : lines()) {
            for (HistoryQueries.Point point : line.points()) {
                rows.add(List.of(line.name(), point.start().atZoneSameInstant(calendar.zone()).format(TIME),
                        point.value()));
            }
        }
        return new Table(getTranslation("analysis.tab.trend"), List.of(getTranslation("analysis.export.line"),
                getTranslation("analysis.export.bucket"), counterName(filters.counter())), rows);
    }

    private Table rankingTable() {
        List<List<Object>> rows = new ArrayList<>();
        int rank = 0;
        for (HistoryQueries.Ranked ranked : history.top(filters.counter(), filters.from(), filters.to(),
                region.communes().size())) {
            rows.add(List.of(++rank, ranked.communeCode(), communeName(ranked.communeCode()), ranked.value()));
        }
        return new Table(getTranslation("analysis.export.ranking"), List.of(getTranslation("analysis.export.rank"),
                getTranslation("analysis.export.code"), getTranslation("analysis.ranking.commune"),
                counterName(filters.counter())), rows);
    }

    private Table eventsTable() {
        // One query: the rows of one moment, however many arrive while the file is written.
        HistoryQueries.Page<HistoryQueries.StoredEvent> page = history.events(filters.from(), filters.to(),
                filters.eventFilter(), 0, MAX_EXPORT_ROWS);
        if (page.total() > page.items().size()) {
            exportCut = page.total();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (HistoryQueries.StoredEvent e : page.items()) {
            rows.add(java.util.Arrays.asList(e.eventId().toString(),
                    e.occurredAt().atZoneSameInstant(calendar.zone()).format(TIME), e.communeCode(),
                    communeName(e.communeCode()), enumLabel("EventType", e.type()), enumLabel("Content", e.content()),
                    enumLabel("Field", e.field()), e.headcount(), e.complex(), e.candidateRelated(), e.caseRef(),
                    e.summary()));
        }
        return new Table(getTranslation("analysis.tab.events"), List.of(getTranslation("field.eventId"),
                getTranslation("field.occurredAt"), getTranslation("analysis.export.code"),
                getTranslation("field.communeCode"), getTranslation("field.type"), getTranslation("field.content"),
                getTranslation("field.field"), getTranslation("field.headcount"), getTranslation("field.complex"),
                getTranslation("field.candidateRelated"), getTranslation("field.caseRef"),
                getTranslation("field.summary")), rows);
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

    private Anchor download(String format, Supplier<byte[]> bytes, Supplier<String> name) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            exportCut = 0;
            byte[] file = bytes.get();
            audit.record(AuditLog.Action.EXPORT, name.get(), filters.toQuery().getQueryString());
            long cut = exportCut;
            if (cut > 0) {
                // Said on the screen, not in the file, so that the file stays a plain table.
                event.getUI().access(() -> Notification.show(getTranslation("analysis.export.cut", MAX_EXPORT_ROWS,
                        cut), 10_000, Notification.Position.TOP_CENTER));
            }
            return new DownloadResponse(new ByteArrayInputStream(file), name.get(),
                    format.equals("csv") ? "text/csv; charset=UTF-8"
                            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    file.length);
        }), format.toUpperCase(java.util.Locale.ROOT));
        link.addClassName("export-" + format);
        return link;
    }

    private String fileName(String what, String extension) {
        return "%s-%s-%s-%s.%s".formatted(what, filters.counter().apiName(), filters.from(), filters.to(), extension);
    }

    private String flags(HistoryQueries.StoredEvent event) {
        List<String> flags = new ArrayList<>();
        if (event.complex()) {
            flags.add(getTranslation("field.complex"));
        }
        if (event.candidateRelated()) {
            flags.add(getTranslation("field.candidateRelated"));
        }
        return String.join(", ", flags);
    }

    private String handling(HistoryQueries.StoredAlert alert) {
        return AlertTexts.handling(this::getTranslation, alert.acknowledgedBy(), alert.acknowledgeNote(),
                alert.resolvedBy(), alert.resolveNote());
    }

    private String counterName(Counter value) {
        return getTranslation("counter." + value.apiName());
    }

    private String enumLabel(Enum<?> value) {
        return value == null ? "" : enumLabel(value.getDeclaringClass().getSimpleName(), value.name());
    }

    private String enumLabel(String type, String code) {
        return code == null ? "" : getTranslation("enum." + type + "." + code);
    }

    private String communeName(String code) {
        return region.shortName(code);
    }
}

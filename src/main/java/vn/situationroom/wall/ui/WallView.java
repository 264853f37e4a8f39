package vn.situationroom.wall.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.node.ObjectNode;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.Counter;
import vn.situationroom.history.Granularity;
import vn.situationroom.history.HistoryQueries;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.live.LiveHotspots;
import vn.situationroom.region.Region;
import vn.situationroom.roster.DutyRoster;
import vn.situationroom.ui.Chart;
import vn.situationroom.ui.OwnWindow;
import vn.situationroom.ui.CommuneMap;
import vn.situationroom.live.LevelTexts;
import vn.situationroom.live.LiveScreens;
import vn.situationroom.ui.UiProperties;
import vn.situationroom.analysis.ChartOptions;
import jakarta.annotation.security.RolesAllowed;
import vn.situationroom.security.LiveSessions;
import vn.situationroom.security.Roles;

/**
 * The wall screen for leadership, read from across the room: dark and large, no scrolling and nothing to click. The
 * district map with each commune's level and why; today's figures against the same day last week; the open alerts by
 * severity and the newest ones; the election countdown. Levels and alerts arrive by push; the figures are re-read
 * every two seconds.
 */
@RolesAllowed({Roles.LEADERSHIP, Roles.POLICE, Roles.KIOSK})
@Route(value = "wall", autoLayout = false)
@Menu(title = "shell.menu.wall", order = 13, icon = "vaadin:desktop")
@OwnWindow
public class WallView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    /** The figures of the day, in the order of the tiles. */
    static final List<Counter> TILES = List.of(Counter.VISITS, Counter.PEOPLE, Counter.CROWDS, Counter.INCIDENTS,
            Counter.CANDIDATE_RELATED, Counter.ESCALATIONS);

    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wall-clock");
        thread.setDaemon(true);
        return thread;
    });
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int TICKER_SIZE = 5;
    /** The trend panel's span and counters. */
    private static final int TREND_DAYS = 14;
    static final List<Counter> TREND = List.of(Counter.VISITS, Counter.PEOPLE, Counter.INCIDENTS);

    private final Region region;
    private final LiveHotspots hotspots;
    private final LiveAlerts alerts;
    private final HistoryQueries history;
    private final ElectionCalendar calendar;
    private final UiProperties settings;
    private final CommuneMap map;
    private final Span phase = new Span();
    private final Span clock = new Span();
    private final Map<Counter, Tile> tiles = new EnumMap<>(Counter.class);
    private final Map<HotspotLevel, Span> openAlerts = new EnumMap<>(HotspotLevel.class);
    private final Div ticker = new Div();
    private final Div hottest = new Div();
    private final Div onDuty = new Div();
    /** The days ahead without anyone on duty at the district office (the roster-gap alerts). */
    private final Div rosterGaps = new Div();
    /** How many cases are late and nearly late (their alerts). */
    private final Div lateCases = new Div();
    private final DutyRoster roster;
    private final Div mapArea;
    private final Div trendArea;
    private final Chart trend = new Chart();
    private Duration rotation;
    private Instant turnedAt = Instant.now();
    private LiveHotspots.Registration following;
    private ScheduledFuture<?> refresh;

    private final LiveSessions live;

    public WallView(Region region, LiveHotspots hotspots, LiveAlerts alerts, HistoryQueries history,
            ElectionCalendar calendar, UiProperties settings, DutyRoster roster, LiveSessions live) {
        this.live = live;
        this.roster = roster;
        this.region = region;
        this.hotspots = hotspots;
        this.alerts = alerts;
        this.history = history;
        this.calendar = calendar;
        this.settings = settings;
        addClassName("wall-view");
        setSizeFull();

        H1 title = new H1(getTranslation("wall.title", region.name()));
        phase.addClassName("wall-phase");
        clock.addClassName("wall-clock");
        Div header = new Div(title, phase, clock);
        header.addClassName("wall-header");

        map = new CommuneMap(region.geoJson());
        map.setTileUrl(settings.tileUrl());
        map.setLabelDetails(true);
        hottest.addClassName("wall-hottest");
        mapArea = new Div(map);
        mapArea.addClassName("wall-map");
        trend.addClassName("wall-trend-chart");
        Div trendTitle = new Div(getTranslation("wall.trend.title", TREND_DAYS));
        trendTitle.addClassName("wall-trend-title");
        trendArea = new Div(trendTitle, trend);
        trendArea.addClassNames("wall-map", "wall-trend");
        trendArea.setVisible(false);
        rotation = settings.wallRotation();

        Div tileGrid = new Div();
        tileGrid.addClassName("wall-tiles");
        for (Counter counter : TILES) {
            Tile tile = new Tile(getTranslation("wall.tile." + counter.apiName()));
            tile.getElement().setAttribute("data-counter", counter.apiName());
            tiles.put(counter, tile);
            tileGrid.add(tile);
        }
        tileGrid.add(alertTile());

        Div tickerTitle = new Div(getTranslation("wall.ticker.title"));
        tickerTitle.addClassName("wall-ticker-title");
        ticker.addClassName("wall-ticker");
        onDuty.addClassName("wall-on-duty");
        rosterGaps.addClassName("wall-roster-gap");
        rosterGaps.setVisible(false);
        Div side = new Div(onDuty, rosterGaps, tileGrid, tickerTitle, ticker);
        side.addClassName("wall-side");

        Div main = new Div(hottest, mapArea, trendArea);
        main.addClassName("wall-main");
        Div body = new Div(main, side);
        body.addClassName("wall-body");
        // Shown by the browser itself while the server cannot be reached (see onAttach): large, across the screen.
        Div connectionLost = new Div(getTranslation("wall.connection-lost"));
        connectionLost.addClassName("wall-connection-lost");
        add(connectionLost, header, body);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wall.page-title");
    }

    /** A screen's address may set its own rotation: {@code ?rotate=30} turns every 30 seconds, 0 never. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> rotate = event.getLocation().getQueryParameters().getParameters().getOrDefault("rotate", List.of());
        if (!rotate.isEmpty()) {
            try {
                rotation = Duration.ofSeconds(Math.max(0, Integer.parseInt(rotate.getFirst())));
            } catch (NumberFormatException e) {
                rotation = settings.wallRotation();
            }
        }
    }

    /** Turns between the map and the trend panel when the rotation's time is up. */
    private void rotate() {
        if (rotation.isZero() || Duration.between(turnedAt, Instant.now()).compareTo(rotation) < 0) {
            return;
        }
        turnedAt = Instant.now();
        boolean showTrend = mapArea.isVisible();
        if (showTrend) {
            try {
                renderTrend();
            } catch (DataAccessException e) {
                return;
            }
        }
        mapArea.setVisible(!showTrend);
        trendArea.setVisible(showTrend);
    }

    private void renderTrend() {
        LocalDate today = LocalDate.now(calendar.zone());
        LocalDate first = today.minusDays(TREND_DAYS - 1);
        List<ChartOptions.Line> lines = TREND.stream().map(counter -> new ChartOptions.Line(
                getTranslation("counter." + counter.apiName()),
                history.trend(counter, Granularity.DAY, first, today, List.of()))).toList();
        ObjectNode option = ChartOptions.trend(lines, calendar, first.atStartOfDay(calendar.zone()),
                today.plusDays(1).atStartOfDay(calendar.zone()), List.of(getTranslation("analysis.phase.BEFORE"),
                        getTranslation("analysis.phase.ELECTION_DAY"), getTranslation("analysis.phase.AFTER")));
        // Large, light type on the dark wall, readable from across the room.
        option.putObject("textStyle").put("color", "#e2e8f0").put("fontSize", 20);
        option.withObject("legend").putObject("textStyle").put("color", "#f1f5f9").put("fontSize", 22);
        for (String axis : List.of("xAxis", "yAxis")) {
            option.withObject(axis).withObject("axisLabel").put("color", "#cbd5e1").put("fontSize", 18);
        }
        option.remove("dataZoom");
        option.withObject("grid").put("bottom", 40).put("top", 56);
        trend.setOption(option);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        // Revoking the kiosk token (or disabling the officer) closes this wall at once.
        live.register(ui);
        // A network drop: the connection indicator says so, in large type, and retries for as long as it takes.
        ui.getReconnectDialogConfiguration().setDialogText(getTranslation("wall.connection-lost"));
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(getTranslation("wall.connection-lost"));
        ui.getReconnectDialogConfiguration().setReconnectAttempts(Integer.MAX_VALUE);
        ui.getReconnectDialogConfiguration().setReconnectInterval(5_000);
        // Vaadin's own indicator is a thin line at the top; from across the room the wall needs more.
        ui.getPage().executeJs("""
                const state = window.Vaadin && window.Vaadin.connectionState;
                if (state && !window.__srConnectionWatched) {
                  window.__srConnectionWatched = true;
                  state.addStateChangeListener((before, now) => document.body.classList.toggle('sr-offline',
                      now === 'reconnecting' || now === 'connection-lost'));
                }""");
        renderMap();
        renderAlerts();
        renderFiguresIfAvailable();
        following = LiveScreens.follow(ui, hotspots, this::renderMap, alerts, this::renderAlerts);
        refresh = CLOCK.scheduleWithFixedDelay(() -> ui.access(() -> {
            renderFiguresIfAvailable();
            rotate();
        }), 2, 2, TimeUnit.SECONDS);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (following != null) {
            following.remove();
            following = null;
        }
        if (refresh != null) {
            refresh.cancel(false);
        }
    }

    private void renderMap() {
        Map<String, CommuneHotspot> current = hotspots.current();
        map.setStyles(LevelTexts.mapStyles(this, region, current));
        // The one commune to look at first, and why: the highest level, then the reason furthest over its threshold.
        var top = current.values().stream()
                .filter(h -> region.contains(h.communeCode()) && h.level().compareTo(HotspotLevel.NORMAL) > 0)
                .max(Comparator.comparing(CommuneHotspot::level).thenComparingDouble(WallView::strength)
                        .thenComparingLong(CommuneHotspot::people));
        if (top.isEmpty()) {
            hottest.setText(getTranslation("wall.hottest.none"));
            hottest.getElement().removeAttribute("data-commune");
            hottest.getElement().setAttribute("data-level", "NORMAL");
        } else {
            CommuneHotspot h = top.get();
            hottest.setText(getTranslation("wall.hottest",
                    region.placeName(h.communeCode()),
                    LevelTexts.level(this, h.level()),
                    h.reasons().isEmpty() ? "" : LevelTexts.reason(this, h.reasons().getFirst())));
            hottest.getElement().setAttribute("data-commune", h.communeCode());
            hottest.getElement().setAttribute("data-level", h.level().name());
        }
    }

    /** How far a commune's first reason is over its threshold (1 at the threshold); 0 where it has no measure. */
    private static double strength(CommuneHotspot hotspot) {
        if (hotspot.reasons().isEmpty()) {
            return 0;
        }
        Reason reason = hotspot.reasons().getFirst();
        return reason.observed() == null || reason.threshold() == null || reason.threshold() <= 0 ? 0
                : reason.observed() / reason.threshold();
    }

    private void renderAlerts() {
        List<Alert> active = LiveScreens.activeAlerts(alerts, region);
        // The counts by severity are of what happens on the ground; the late cases are counted on their own line.
        List<Alert> security = LiveScreens.securityAlerts(alerts, region);
        for (var entry : openAlerts.entrySet()) {
            entry.getValue().setText(String.valueOf(security.stream().filter(a -> a.severity() == entry.getKey())
                    .count()));
        }
        long overdue = active.stream().filter(a -> a.rule() == AlertRule.CASE_OVERDUE).count();
        long dueSoon = active.stream().filter(a -> a.rule() == AlertRule.CASE_DUE_SOON).count();
        lateCases.setText(getTranslation("wall.cases", overdue, dueSoon));
        lateCases.getElement().setAttribute("data-overdue", String.valueOf(overdue));
        List<String> gaps = active.stream().filter(a -> a.rule() == AlertRule.ROSTER_GAP && !a.reasons().isEmpty())
                .map(a -> a.reasons().getFirst())
                .sorted(Comparator.comparing(Reason::date, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(reason -> LevelTexts.reason(this, reason)).toList();
        rosterGaps.setText(String.join(" · ", gaps));
        rosterGaps.setVisible(!gaps.isEmpty());
        ticker.removeAll();
        // What happened comes first, newest first; the standing conditions (a late case, a day without duty) fill
        // the rest, so that a backlog of late cases never pushes a crowd off the screen.
        List<Alert> newest = active.stream()
                .sorted(Comparator.comparing((Alert a) -> !a.rule().fromEvents())
                        .thenComparing(Comparator.comparing(Alert::lastSeen).reversed()))
                .limit(TICKER_SIZE).toList();
        if (newest.isEmpty()) {
            Div none = new Div(getTranslation("wall.ticker.none"));
            none.addClassName("wall-ticker-none");
            ticker.add(none);
        }
        for (Alert alert : newest) {
            Span level = new Span(LevelTexts.level(this, alert.severity()));
            level.addClassNames("level-badge", "level-" + alert.severity().name());
            String commune = region.placeName(alert.communeCode());
            Span time = new Span(TIME.format(alert.lastSeen().atZone(settings.zone())));
            time.addClassName("wall-ticker-time");
            Div why = new Div(alert.reasons().isEmpty() ? "" : LevelTexts.reason(this, alert.reasons().getFirst()));
            why.addClassName("wall-ticker-why");
            // Whether someone is on it: the room sees an acknowledgement made on the police map at once.
            Div state = new Div(alert.state() == AlertState.ACKNOWLEDGED
                    ? getTranslation("wall.ticker.acknowledged", alert.acknowledgedBy())
                    : getTranslation("wall.ticker.open"));
            state.addClassNames("wall-ticker-state", "state-" + alert.state().name());
            Span name = new Span(commune);
            name.addClassName("wall-ticker-commune");
            Div item = new Div(time, level, name, state, why);
            item.addClassName("wall-ticker-item");
            item.getElement().setAttribute("data-alert", alert.alertId());
            item.getElement().setAttribute("data-state", alert.state().name());
            ticker.add(item);
        }
    }

    /** The day's figures come from the history; while it cannot be read the tiles keep their last figures. */
    private void renderFiguresIfAvailable() {
        try {
            renderFigures();
        } catch (DataAccessException e) {
            getElement().setAttribute("data-history", "unavailable");
            return;
        }
        getElement().removeAttribute("data-history");
    }

    /** Who is on duty now, from the roster: the district office's officers first. */
    private void renderOnDuty(ZonedDateTime now) {
        List<DutyRoster.Shift> shifts = roster.onDutyAt(now.toLocalDateTime()).stream()
                .sorted(Comparator.comparing((DutyRoster.Shift s) -> s.point() != ReceptionPoint.DISTRICT_OFFICE))
                .toList();
        boolean office = shifts.stream().anyMatch(s -> s.point() == ReceptionPoint.DISTRICT_OFFICE);
        onDuty.getElement().setAttribute("data-office", String.valueOf(office));
        if (shifts.isEmpty()) {
            onDuty.setText(getTranslation("wall.on-duty.none"));
            return;
        }
        onDuty.setText(getTranslation("wall.on-duty", shifts.stream()
                .map(s -> getTranslation("wall.on-duty.shift", s.officer(),
                        getTranslation("enum.ReceptionPoint." + s.point().name()), TIME.format(s.ends())))
                .collect(java.util.stream.Collectors.joining("; "))));
    }

    private void renderFigures() {
        ZonedDateTime now = ZonedDateTime.now(settings.zone());
        LocalDate today = now.withZoneSameInstant(calendar.zone()).toLocalDate();
        renderOnDuty(now.withZoneSameInstant(calendar.zone()));
        clock.setText(TIME.format(now) + " · " + DATE.format(now));
        long days = calendar.daysUntilElection(today);
        phase.setText(switch (calendar.phaseOf(today)) {
            case BEFORE -> getTranslation("wall.phase.BEFORE", days, DATE.format(calendar.day()));
            case ELECTION_DAY -> getTranslation("wall.phase.ELECTION_DAY");
            case AFTER -> getTranslation("wall.phase.AFTER", -days, DATE.format(calendar.day()));
        });
        phase.getElement().setAttribute("data-phase", calendar.phaseOf(today).name());
        Map<Counter, Long> figures = history.regionDay(today);
        // Today so far against the same day last week by the same hour, not against its whole day.
        Map<Counter, Long> lastWeek = history.regionDayUntil(today.minusDays(7),
                now.withZoneSameInstant(calendar.zone()).toLocalTime());
        for (Counter counter : TILES) {
            tiles.get(counter).show(figures.get(counter), lastWeek.get(counter));
        }
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
    private final class Tile extends Div {

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
            change.setText(difference > 0 ? getTranslation("wall.change.up", difference, sameDayLastWeek)
                    : difference < 0 ? getTranslation("wall.change.down", -difference, sameDayLastWeek)
                    : getTranslation("wall.change.same", sameDayLastWeek));
            change.getElement().setAttribute("data-direction", difference > 0 ? "up" : difference < 0 ? "down" : "same");
        }
    }
}

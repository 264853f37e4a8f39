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
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DataAccessException;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.AnalyticsLag;
import vn.situationroom.history.IndicatorHistory;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.live.LevelTexts;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.live.LiveHotspots;
import vn.situationroom.live.LiveScreens;
import vn.situationroom.platform.BrokerStatus;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.region.Unit;
import vn.situationroom.roster.DutyRoster;
import vn.situationroom.security.LiveSessions;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrokerDownBanner;
import vn.situationroom.ui.CommuneMap;
import vn.situationroom.ui.OwnWindow;
import vn.situationroom.ui.UiProperties;

/**
 * The wall screen for leadership, read from across the room: dark and large, no scrolling and nothing to click. The
 * region's map with each commune's level and why, and the commune to look at first; today's figures against the same
 * day last week; the open alerts by severity and the newest ones; who is on duty; the election countdown; optionally
 * turning to a trend panel. Levels and alerts arrive by push; the figures are re-read every two seconds.
 */
@RolesAllowed({Roles.LEADERSHIP, Roles.POLICE, Roles.KIOSK})
@Route(value = "wall", autoLayout = false)
@Menu(title = "shell.menu.wall", order = 13, icon = "vaadin:desktop")
@OwnWindow
public class WallView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wall-clock");
        thread.setDaemon(true);
        return thread;
    });
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Region region;
    private final LiveHotspots hotspots;
    private final LiveAlerts alerts;
    private final IndicatorHistory history;
    private final ElectionCalendar calendar;
    private final UiProperties settings;
    private final DutyRoster roster;
    private final LiveSessions live;
    private final CommuneMap map;
    private final Span phase = new Span();
    private final Span clock = new Span();
    private final HottestStrip hottest = new HottestStrip();
    private final FigureTiles figures = new FigureTiles();
    private final AlertTicker ticker = new AlertTicker();
    private final DutyPanel onDuty;
    /** The days ahead without anyone on duty at the district office (the roster-gap alerts). */
    private final Div rosterGaps = new Div();

    private final Div mapArea;
    private final TrendPanel trendArea = new TrendPanel();
    private final H1 title = new H1();
    private final AnalyticsLag analyticsLag;
    /** Across the screen while the figures from the stream are behind what was taken in for longer than allowed. */
    private final Div behind = new Div();
    /** When the figures were last complete ("data as of"). */
    private final Div asOf = new Div();

    /** Says so when the address names a unit the region does not have; the wall then shows the whole region. */
    private final Span unknownUnit = new Span();
    /** The unit this wall shows ({@code ?unit=<code>}), or null for the whole region. */
    private Unit unit;

    private List<Commune> communes;
    private Duration rotation;
    private Instant turnedAt = Instant.now();
    private LiveHotspots.Registration following;
    private ScheduledFuture<?> refresh;

    private final Clock appClock;

    public WallView(
            Region region,
            LiveHotspots hotspots,
            LiveAlerts alerts,
            IndicatorHistory history,
            ElectionCalendar calendar,
            UiProperties settings,
            DutyRoster roster,
            LiveSessions live,
            AnalyticsLag analyticsLag,
            BrokerStatus broker,
            Clock appClock) {
        this.appClock = appClock;
        this.region = region;
        this.onDuty = new DutyPanel(region);
        this.hotspots = hotspots;
        this.alerts = alerts;
        this.history = history;
        this.calendar = calendar;
        this.settings = settings;
        this.roster = roster;
        this.live = live;
        this.analyticsLag = analyticsLag;
        addClassName("wall-view");
        setSizeFull();

        title.setText(getTranslation("wall.title", region.name()));
        communes = region.communes();
        phase.addClassName("wall-phase");
        clock.addClassName("wall-clock");
        unknownUnit.addClassName("wall-unknown-unit");
        unknownUnit.setVisible(false);
        Div header = new Div(title, unknownUnit, phase, clock);
        header.addClassName("wall-header");

        map = new CommuneMap();
        map.setTileUrl(settings.tileUrl());
        map.setLabelDetails(true);
        mapArea = new Div(map);
        mapArea.addClassName("wall-map");
        trendArea.setVisible(false);
        rotation = settings.wallRotation();

        Div tickerTitle = new Div(getTranslation("wall.ticker.title"));
        tickerTitle.addClassName("wall-ticker-title");
        rosterGaps.addClassName("wall-roster-gap");
        rosterGaps.setVisible(false);
        Div side = new Div(onDuty, rosterGaps, figures, asOf, tickerTitle, ticker);
        side.addClassName("wall-side");

        Div main = new Div(hottest, mapArea, trendArea);
        main.addClassName("wall-main");
        Div body = new Div(main, side);
        body.addClassName("wall-body");
        // Shown by the browser itself while the server cannot be reached (see onAttach): large, across the screen.
        Div connectionLost = new Div(getTranslation("wall.connection-lost"));
        connectionLost.addClassName("wall-connection-lost");
        behind.addClassName("wall-behind");
        behind.setVisible(false);
        asOf.addClassName("wall-as-of");
        BrokerDownBanner brokerDown = new BrokerDownBanner(broker, settings.zone());
        brokerDown.addClassName("wall-broker-down");
        add(connectionLost, brokerDown, header, behind, body);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wall.page-title");
    }

    /**
     * A screen's address may set its own rotation: {@code ?rotate=30} turns every 30 seconds, 0 never; and its unit:
     * {@code ?unit=<code>} shows one province or district (its communes, figures, alerts and trend) instead of the
     * whole region.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        List<String> asked = parameters.getOrDefault("unit", List.of());
        if (!asked.isEmpty()) {
            showUnit(asked.getFirst().strip());
        }
        List<String> rotate = parameters.getOrDefault("rotate", List.of());
        if (!rotate.isEmpty()) {
            try {
                rotation = Duration.ofSeconds(Math.max(0, Integer.parseInt(rotate.getFirst())));
            } catch (NumberFormatException e) {
                rotation = settings.wallRotation();
            }
        }
    }

    private void showUnit(String code) {
        Optional<Unit> found = region.unit(code).filter(u -> u.kind() != Unit.Kind.COMMUNE);
        if (found.isEmpty()) {
            unknownUnit.setText(getTranslation("wall.unknown-unit", code));
            unknownUnit.setVisible(true);
            return;
        }
        unit = found.get();
        communes = unit.communes().stream()
                .map(region::commune)
                .flatMap(Optional::stream)
                .toList();
        title.setText(getTranslation("wall.title", unit.name()));
        map.showUnit(unit.code());
        getElement().setAttribute("data-unit", unit.code());
    }

    /** Whether a commune is one this wall shows; what concerns the whole region (a day without duty) always is. */
    private boolean shown(String communeCode) {
        return unit == null
                || Region.DISTRICT.equals(communeCode)
                || unit.communes().contains(communeCode);
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
                trendArea.render(
                        history,
                        calendar,
                        LocalDate.now(appClock.withZone(calendar.zone())),
                        unit == null ? List.of() : unit.communes());
            } catch (DataAccessException e) {
                return;
            }
        }
        mapArea.setVisible(!showTrend);
        trendArea.setVisible(showTrend);
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
        refresh = CLOCK.scheduleWithFixedDelay(
                () -> ui.access(() -> {
                    renderFiguresIfAvailable();
                    rotate();
                }),
                2,
                2,
                TimeUnit.SECONDS);
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
        var current = hotspots.current();
        map.setStyles(LevelTexts.mapStyles(this, communes, current));
        hottest.show(current, region, this::shown);
    }

    private void renderAlerts() {
        List<Alert> active = LiveScreens.activeAlerts(alerts, region).stream()
                .filter(a -> shown(a.communeCode()))
                .toList();
        // The counts by severity are of what happens on the ground; the late cases are counted on their own line.
        long overdue =
                active.stream().filter(a -> a.rule() == AlertRule.CASE_OVERDUE).count();
        long dueSoon =
                active.stream().filter(a -> a.rule() == AlertRule.CASE_DUE_SOON).count();
        figures.showAlerts(
                LiveScreens.securityAlerts(alerts, region).stream()
                        .filter(a -> shown(a.communeCode()))
                        .toList(),
                overdue,
                dueSoon);
        List<String> gaps = active.stream()
                .filter(a -> a.rule() == AlertRule.ROSTER_GAP && !a.reasons().isEmpty())
                .map(a -> a.reasons().getFirst())
                .sorted(Comparator.comparing(Reason::date, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(reason -> LevelTexts.reason(this, reason))
                .toList();
        rosterGaps.setText(String.join(" · ", gaps));
        rosterGaps.setVisible(!gaps.isEmpty());
        ticker.show(active, region, settings.zone());
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

    /** "Data as of" under the figures, and the banner while they are behind for longer than allowed. */
    private void renderFreshness(ZonedDateTime now) {
        AnalyticsLag.Freshness freshness = analyticsLag.current();
        String since = TIME_SECONDS.format(
                (freshness.behind() ? freshness.asOf() : freshness.measuredAt()).atZone(settings.zone()));
        asOf.setText(getTranslation("wall.as-of", since));
        Duration behindFor = freshness.behindFor(now.toInstant());
        boolean late = behindFor.compareTo(settings.analyticsBehindAfter()) > 0;
        behind.setVisible(late);
        if (late) {
            long seconds = behindFor.toSeconds();
            String howLong = seconds < 60
                    ? getTranslation("wall.behind.seconds", seconds)
                    : getTranslation("wall.behind.minutes", seconds / 60);
            behind.setText(
                    freshness.eventsBehind() > 0
                            ? getTranslation("wall.behind", freshness.eventsBehind(), howLong, since)
                            : getTranslation("wall.behind.storing", howLong, since));
        }
        getElement().setAttribute("data-behind", String.valueOf(late));
    }

    private void renderFigures() {
        ZonedDateTime now = ZonedDateTime.now(appClock.withZone(settings.zone()));
        renderFreshness(now);
        ZonedDateTime local = now.withZoneSameInstant(calendar.zone());
        LocalDate today = local.toLocalDate();
        onDuty.show(roster.onDutyAt(local.toLocalDateTime(), unit == null ? null : unit.code()));
        clock.setText(TIME.format(now) + " · " + DATE.format(now));
        ElectionCalendar.PhaseText where = calendar.phaseText(today, DATE);
        phase.setText(getTranslation(where.key(), where.params()));
        phase.getElement().setAttribute("data-phase", calendar.phaseOf(today).name());
        // Today so far against the same day last week by the same hour, not against its whole day.
        if (unit == null) {
            figures.show(history.regionDay(today), history.regionDayUntil(today.minusDays(7), local.toLocalTime()));
        } else {
            figures.show(
                    history.communesDay(unit.communes(), today),
                    history.communesDayUntil(unit.communes(), today.minusDays(7), local.toLocalTime()));
        }
    }
}

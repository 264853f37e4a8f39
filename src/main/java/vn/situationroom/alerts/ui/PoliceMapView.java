package vn.situationroom.alerts.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import vn.situationroom.alerts.AlertService;
import vn.situationroom.history.EventHistory;
import vn.situationroom.history.IndicatorHistory;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.hotspot.AlertTexts;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.HotspotSettings;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.live.AlertRow;
import vn.situationroom.live.LevelTexts;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.live.LiveHotspots;
import vn.situationroom.live.LiveScreens;
import vn.situationroom.live.NotifiedAlerts;
import vn.situationroom.region.Region;
import vn.situationroom.region.RegionGeometry;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.CommuneMap;
import vn.situationroom.ui.PagedList;
import vn.situationroom.ui.UiProperties;

/**
 * Police command's map: the communes by level, with layers of the last 24 hours' crowds (sized by headcount),
 * incidents and escalations, and the open alerts beside it, most severe and longest waiting first. Picking an alert
 * flies the map to its commune; an officer acknowledges it (with a note) or resolves it here, and every screen sees
 * the new state. A new CRITICAL alert flashes, and sounds where the officer switched sound on. A slider replays the
 * last 24 hours of levels.
 */
@RolesAllowed({Roles.POLICE})
@Route("map")
@Menu(title = "shell.menu.police", order = 2, icon = "vaadin:shield")
public class PoliceMapView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM");
    private static final Duration FLASH = Duration.ofSeconds(10);
    private static final Duration MARKER_SPAN = Duration.ofHours(24);
    private static final Duration MARKERS_EVERY = Duration.ofSeconds(5);
    /** The most markers drawn: the newest. */
    private static final int MARKERS_MAX = 1000;

    /** The minute the alerts were drawn in: their ages are redrawn when it has passed. */
    private long renderedMinute;

    /** The alerts, a page at a time: a country can have thousands open. */
    private final PagedList<Alert> alertPages = new PagedList<>();

    private final Region region;
    private final LiveHotspots hotspots;
    private final LiveAlerts alerts;
    private final ObjectProvider<RegionGeometry> geometry;
    private final AlertService service;
    private final UiProperties settings;
    private final IndicatorHistory history;
    private final NotifiedAlerts notifications;
    private final EventHistory events;
    private final int crowdThreshold;
    private final CommuneMap map;
    private final ReplayBar replayBar;
    private final SoundSwitch soundSwitch;
    private final Set<String> sounded = new HashSet<>();
    private Instant markersAt = Instant.EPOCH;
    /** The moment replayed, or null while live. */
    private Instant replaying;

    private final Div alertList = new Div();
    private final Span alertCount = new Span();
    /** When each alert first appeared on this screen; a CRITICAL one flashes for its first seconds here. */
    private final Map<String, Instant> appeared = new HashMap<>();

    private boolean firstRender = true;
    private Map<String, List<NotifiedAlerts.Notice>> lastNotified = Map.of();
    private LiveHotspots.Registration following;
    private com.vaadin.flow.shared.Registration polling;

    private final Clock clock;

    public PoliceMapView(
            Region region,
            LiveHotspots hotspots,
            LiveAlerts alerts,
            AlertService service,
            UiProperties settings,
            IndicatorHistory history,
            EventHistory events,
            HotspotSettings hotspotSettings,
            ObjectProvider<RegionGeometry> geometry,
            NotifiedAlerts notifications,
            Clock clock) {
        this.clock = clock;
        this.region = region;
        this.notifications = notifications;
        this.geometry = geometry;
        this.hotspots = hotspots;
        this.alerts = alerts;
        this.service = service;
        this.settings = settings;
        this.history = history;
        this.events = events;
        this.crowdThreshold = hotspotSettings.detectors().crowdThreshold();
        addClassName("police-map-view");
        setSizeFull();

        H1 title = new H1(getTranslation("police.title", region.name()));
        Div header = new Div(title);
        header.addClassName("police-header");
        soundSwitch = settings.alertSound() ? new SoundSwitch() : null;
        if (soundSwitch != null) {
            header.add(soundSwitch);
        }
        map = new CommuneMap();
        map.setTileUrl(settings.tileUrl());
        Map<CommuneMap.MarkerKind, String> markerNames = new EnumMap<>(CommuneMap.MarkerKind.class);
        for (CommuneMap.MarkerKind kind : CommuneMap.MarkerKind.values()) {
            markerNames.put(kind, getTranslation("police.layer." + kind.name()));
        }
        map.setMarkerNames(markerNames);
        replayBar = new ReplayBar(clock, moment -> {
            replaying = moment;
            renderMap();
            refreshMarkers(true);
        });
        Div mapArea = new Div(map);
        mapArea.addClassName("police-map");
        Div panelTitle = new Div(new Span(getTranslation("police.alerts.title")), alertCount);
        panelTitle.addClassName("police-alerts-title");
        alertList.addClassName("police-alert-list");
        Div panel = new Div(panelTitle, alertList);
        panel.addClassName("police-alerts");
        Div body = new Div(mapArea, panel);
        body.addClassName("police-body");
        add(header, replayBar, body);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("police.page-title");
    }

    /**
     * The alert a link names ({@code /map?alert=<id>}, as an email or a webhook carries it, or {@code /map?a=<its short
     * id>}, as an SMS does to stay one message): the map flies to its commune.
     */
    private String linkedAlert;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        linkedAlert = parameters
                .getSingleParameter("alert")
                .or(() -> parameters
                        .getSingleParameter("a")
                        .flatMap(alerts::findByShortId)
                        .map(Alert::alertId))
                .orElse(null);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        renderMap();
        renderAlerts();
        if (linkedAlert != null) {
            alerts.find(linkedAlert).ifPresent(alert -> map.flyTo(alert.communeCode()));
        }
        following = LiveScreens.follow(ui, hotspots, this::onLiveLevels, alerts, this::renderAlerts);
        // The sound stays on across the screens of one tab: the button says what the page does.
        if (soundSwitch != null) {
            soundSwitch.restore();
        }
        // The markers come from the history, a moment after the levels: look again now and then.
        ui.setPollInterval((int) MARKERS_EVERY.multipliedBy(2).toMillis());
        polling = ui.addPollListener(poll -> {
            refreshMarkers(false);
            // A notification sent, retried or failed since: the alert's line says so. A new minute: the alerts' ages
            // ("vừa xong", "5 phút trước") move on.
            if (minute() != renderedMinute
                    || !notified(LiveScreens.securityAlerts(alerts, region)).equals(lastNotified)) {
                renderAlerts();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (following != null) {
            following.remove();
            following = null;
        }
        if (polling != null) {
            polling.remove();
            polling = null;
            event.getUI().setPollInterval(-1);
        }
    }

    /** A live change of levels: drawn unless the officer is replaying the past. */
    private void onLiveLevels() {
        if (replaying == null) {
            renderMap();
        }
    }

    private void renderMap() {
        if (replaying == null) {
            map.setStyles(withClusters(LevelTexts.mapStyles(this, region, hotspots.current())));
            replayBar.showLive();
            map.getElement().removeAttribute("data-replay-at");
        } else {
            try {
                map.setStyles(LevelTexts.mapStyles(this, region, history.levelsAt(replaying)));
            } catch (org.springframework.dao.DataAccessException e) {
                Notification.show(getTranslation("police.replay.unavailable"))
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
                return;
            }
            replayBar.showReplaying(replaying, settings.zone());
            map.getElement().setAttribute("data-replay-at", replaying.toString());
        }
        refreshMarkers(false);
    }

    /**
     * Redraws the crowds, incidents and escalations of the 24 hours up to now (or to the moment replayed) from the
     * history; while live, at most every few seconds however often the levels change.
     */
    private void refreshMarkers(boolean now) {
        // How often: on the machine's clock. Up to when: the app's now (or the moment replayed).
        Instant tick = Instant.now();
        if (!now && Duration.between(markersAt, tick).compareTo(MARKERS_EVERY) < 0) {
            return;
        }
        markersAt = tick;
        Instant end = replaying == null ? clock.instant() : replaying;
        List<CommuneMap.Marker> markers = new ArrayList<>();
        try {
            for (EventHistory.StoredEvent event :
                    events.notable(end.minus(MARKER_SPAN), end, crowdThreshold, MARKERS_MAX)) {
                CommuneMap.MarkerKind kind = switch (event.type()) {
                    case "INCIDENT" -> CommuneMap.MarkerKind.INCIDENT;
                    case "ESCALATION" -> CommuneMap.MarkerKind.ESCALATION;
                    default -> CommuneMap.MarkerKind.CROWD;
                };
                String commune = region.shortName(event.communeCode());
                markers.add(new CommuneMap.Marker(
                        event.communeCode(),
                        kind,
                        event.headcount(),
                        getTranslation(
                                "police.marker",
                                getTranslation("police.layer." + kind.name()),
                                commune,
                                event.headcount(),
                                TIME.format(event.occurredAt().atZoneSameInstant(settings.zone())))));
            }
        } catch (org.springframework.dao.DataAccessException e) {
            // The history is unreachable for now: keep the markers drawn; the levels and alerts still come live.
            return;
        }
        map.setMarkers(markers);
    }

    private long minute() {
        return clock.instant().getEpochSecond() / 60;
    }

    private void renderAlerts() {
        List<Alert> active = LiveScreens.securityAlerts(alerts, region);
        alertCount.setText(String.valueOf(active.size()));
        alertList.removeAll();
        if (active.isEmpty()) {
            Div none = new Div(getTranslation("police.alerts.none"));
            none.addClassName("police-alerts-none");
            alertList.add(none);
        }
        boolean newCritical = false;
        Instant now = clock.instant();
        // Every new critical alert sounds, even one past the first page; the page draws the most severe first.
        Set<String> flashing = new HashSet<>();
        for (Alert alert : active) {
            Instant first = appeared.computeIfAbsent(alert.alertId(), id -> firstRender ? Instant.EPOCH : now);
            if (alert.severity() == HotspotLevel.CRITICAL
                    && Duration.between(first, now).compareTo(FLASH) < 0) {
                flashing.add(alert.alertId());
                newCritical = true;
                if (sounded.add(alert.alertId()) && soundSwitch != null) {
                    soundSwitch.beep();
                }
            }
        }
        alertList.add(alertPages);
        Map<String, List<NotifiedAlerts.Notice>> notified = notified(active);
        lastNotified = notified;
        alertPages.show(active, alert -> {
            Div item = item(alert, notified.getOrDefault(alert.alertId(), List.of()));
            if (flashing.contains(alert.alertId())) {
                item.addClassName("flash");
            }
            return item;
        });
        alertList.getElement().setAttribute("data-new-critical", String.valueOf(newCritical));
        firstRender = false;
        renderedMinute = minute();
        map.setOutlines(LiveScreens.clusterOutlines(this, active, region, geometry::getObject, code -> true));
    }

    /**
     * The styles with each cluster named by its other communes too: a commune of a cluster that has no reason of its
     * own says it belongs to the cluster (the alert, and so the level, sits on the cluster's centre).
     */
    private Map<String, CommuneMap.CommuneStyle> withClusters(Map<String, CommuneMap.CommuneStyle> styles) {
        for (Alert alert : LiveScreens.securityAlerts(alerts, region)) {
            if (alert.rule() != AlertRule.CLUSTER || alert.reasons().isEmpty()) {
                continue;
            }
            Reason reason = alert.reasons().getFirst();
            for (String member : reason.communes() == null ? List.<String>of() : reason.communes()) {
                CommuneMap.CommuneStyle style = styles.get(member);
                if (style != null && style.detail().isEmpty()) {
                    styles.put(
                            member,
                            new CommuneMap.CommuneStyle(style.level(), style.label(), LevelTexts.reason(this, reason)));
                }
            }
        }
        return styles;
    }

    /** Who was told of the alerts shown, by the notifications; nothing while the database cannot be read. */
    private Map<String, List<NotifiedAlerts.Notice>> notified(List<Alert> active) {
        try {
            return notifications.of(active.stream().map(Alert::alertId).toList());
        } catch (DataAccessException e) {
            return Map.of();
        }
    }

    private Div notifiedLine(List<NotifiedAlerts.Notice> sent) {
        Div line = new Div(NotifiedAlerts.summary(this::getTranslation, sent));
        line.addClassName("police-alert-notified");
        return line;
    }

    private Div item(Alert alert, List<NotifiedAlerts.Notice> sent) {
        String ago = AlertTexts.ago(this::getTranslation, Duration.between(alert.firstSeen(), clock.instant()));
        String age = getTranslation(
                "police.alert.age", TIME.format(alert.firstSeen().atZone(settings.zone())), ago, alert.count());
        String state = alert.state() == AlertState.ACKNOWLEDGED
                ? getTranslation(
                        "police.alert.acknowledged",
                        alert.acknowledgedBy(),
                        alert.acknowledgeNote() == null ? "" : alert.acknowledgeNote())
                : getTranslation("police.alert.open");

        Button acknowledge = new Button(
                getTranslation("police.action.acknowledge"),
                click -> new DecisionDialog(alert, DecisionDialog.Decision.ACKNOWLEDGE, service, region).ask());
        acknowledge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        acknowledge.setEnabled(alert.state() == AlertState.OPEN);
        acknowledge.addClassName("police-acknowledge");
        Button resolve = new Button(
                getTranslation("police.action.resolve"),
                click -> new DecisionDialog(alert, DecisionDialog.Decision.RESOLVE, service, region).ask());
        resolve.addThemeVariants(ButtonVariant.LUMO_SMALL);
        resolve.addClassName("police-resolve");
        Div actions = new Div(acknowledge, resolve);
        actions.addClassName("police-alert-actions");

        AlertRow item = new AlertRow(alert, region, age, state);
        if (!sent.isEmpty()) {
            item.with(notifiedLine(sent));
        }
        item.with(actions);
        item.addClassName("police-alert");
        item.addClickListener(click -> map.flyTo(alert.communeCode()));
        return item;
    }
}

package vn.situationroom.ui.police;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import vn.situationroom.ui.MainLayout;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.situationroom.alerts.AlertService;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.live.LiveHotspots;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.ui.CommuneMap;
import vn.situationroom.ui.LevelTexts;
import vn.situationroom.ui.LiveScreens;
import vn.situationroom.ui.UiProperties;

/**
 * Police command's map: the communes by level, and the open alerts beside it, most severe and longest waiting first.
 * Picking an alert flies the map to its commune; an officer acknowledges it (with a note) or resolves it here, and
 * every screen sees the new state. A new CRITICAL alert flashes.
 */
@Route(value = "map", layout = MainLayout.class)
public class PoliceMapView extends Div implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM");
    private static final Duration FLASH = Duration.ofSeconds(10);

    private final Region region;
    private final LiveHotspots hotspots;
    private final LiveAlerts alerts;
    private final AlertService service;
    private final UiProperties settings;
    private final CommuneMap map;
    private final Div alertList = new Div();
    private final Span alertCount = new Span();
    /** When each alert first appeared on this screen; a CRITICAL one flashes for its first seconds here. */
    private final Map<String, Instant> appeared = new HashMap<>();
    private boolean firstRender = true;
    private LiveHotspots.Registration following;

    public PoliceMapView(Region region, LiveHotspots hotspots, LiveAlerts alerts, AlertService service,
            UiProperties settings) {
        this.region = region;
        this.hotspots = hotspots;
        this.alerts = alerts;
        this.service = service;
        this.settings = settings;
        addClassName("police-map-view");
        setSizeFull();

        H1 title = new H1(getTranslation("police.title", region.name()));
        Div header = new Div(title);
        header.addClassName("police-header");
        map = new CommuneMap(region.geoJson());
        map.setTileUrl(settings.tileUrl());
        Div mapArea = new Div(map);
        mapArea.addClassName("police-map");
        Div panelTitle = new Div(new Span(getTranslation("police.alerts.title")), alertCount);
        panelTitle.addClassName("police-alerts-title");
        alertList.addClassName("police-alert-list");
        Div panel = new Div(panelTitle, alertList);
        panel.addClassName("police-alerts");
        Div body = new Div(mapArea, panel);
        body.addClassName("police-body");
        add(header, body);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("police.page-title");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        renderMap();
        renderAlerts();
        following = LiveScreens.follow(ui, hotspots, this::renderMap, alerts, this::renderAlerts);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (following != null) {
            following.remove();
            following = null;
        }
    }

    private void renderMap() {
        map.setStyles(LevelTexts.mapStyles(this, region, hotspots.current()));
    }

    private void renderAlerts() {
        List<Alert> active = LiveScreens.activeAlerts(alerts, region);
        alertCount.setText(String.valueOf(active.size()));
        alertList.removeAll();
        if (active.isEmpty()) {
            Div none = new Div(getTranslation("police.alerts.none"));
            none.addClassName("police-alerts-none");
            alertList.add(none);
        }
        boolean newCritical = false;
        Instant now = Instant.now();
        for (Alert alert : active) {
            Div item = item(alert);
            Instant first = appeared.computeIfAbsent(alert.alertId(), id -> firstRender ? Instant.EPOCH : now);
            if (alert.severity() == HotspotLevel.CRITICAL && Duration.between(first, now).compareTo(FLASH) < 0) {
                item.addClassName("flash");
                newCritical = true;
            }
            alertList.add(item);
        }
        alertList.getElement().setAttribute("data-new-critical", String.valueOf(newCritical));
        firstRender = false;
    }

    private Div item(Alert alert) {
        Span level = new Span(LevelTexts.level(this, alert.severity()));
        level.addClassNames("level-badge", "level-" + alert.severity().name());
        String commune = region.commune(alert.communeCode()).map(Commune::fullName).orElse(alert.communeCode());
        Span name = new Span(commune);
        name.addClassName("police-alert-commune");
        long minutes = Math.max(0, Duration.between(alert.firstSeen(), Instant.now()).toMinutes());
        Span age = new Span(getTranslation("police.alert.age", TIME.format(alert.firstSeen().atZone(settings.zone())),
                minutes, alert.count()));
        age.addClassName("police-alert-age");
        Div why = new Div(alert.reasons().isEmpty() ? "" : LevelTexts.reason(this, alert.reasons().getFirst()));
        why.addClassName("police-alert-why");
        Div state = new Div(alert.state() == AlertState.ACKNOWLEDGED
                ? getTranslation("police.alert.acknowledged", alert.acknowledgedBy(),
                        alert.acknowledgeNote() == null ? "" : alert.acknowledgeNote())
                : getTranslation("police.alert.open"));
        state.addClassNames("police-alert-state", "state-" + alert.state().name());

        Button acknowledge = new Button(getTranslation("police.action.acknowledge"),
                click -> decide(alert, AlertAction.ACKNOWLEDGE));
        acknowledge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        acknowledge.setEnabled(alert.state() == AlertState.OPEN);
        acknowledge.addClassName("police-acknowledge");
        Button resolve = new Button(getTranslation("police.action.resolve"),
                click -> decide(alert, AlertAction.RESOLVE));
        resolve.addThemeVariants(ButtonVariant.LUMO_SMALL);
        resolve.addClassName("police-resolve");
        Div actions = new Div(acknowledge, resolve);
        actions.addClassName("police-alert-actions");

        Div item = new Div(level, name, age, why, state, actions);
        item.addClassName("police-alert");
        item.getElement().setAttribute("data-alert", alert.alertId());
        item.getElement().setAttribute("data-commune", alert.communeCode());
        item.getElement().setAttribute("data-state", alert.state().name());
        item.addClickListener(click -> map.flyTo(alert.communeCode()));
        return item;
    }

    private enum AlertAction {
        ACKNOWLEDGE,
        RESOLVE
    }

    /** Asks who decides and why, then sends the decision; every screen then shows the alert's new state. */
    private void decide(Alert alert, AlertAction action) {
        String key = action == AlertAction.ACKNOWLEDGE ? "acknowledge" : "resolve";
        Dialog dialog = new Dialog();
        dialog.addClassName("police-decision");
        dialog.setHeaderTitle(getTranslation("police.dialog." + key + ".title",
                region.commune(alert.communeCode()).map(Commune::fullName).orElse(alert.communeCode())));
        TextField by = new TextField(getTranslation("police.dialog.by"));
        by.setRequired(true);
        by.setWidthFull();
        by.addClassName("police-decision-by");
        TextArea note = new TextArea(getTranslation("police.dialog.note"));
        note.setRequired(action == AlertAction.ACKNOWLEDGE);
        note.setWidthFull();
        note.addClassName("police-decision-note");
        by.addValueChangeListener(change -> by.setInvalid(false));
        note.addValueChangeListener(change -> note.setInvalid(false));
        dialog.add(by, note);
        Button confirm = new Button(getTranslation("police.dialog." + key + ".confirm"), click -> {
            by.setInvalid(by.getValue().isBlank());
            note.setInvalid(note.isRequired() && note.getValue().isBlank());
            if (by.isInvalid() || note.isInvalid()) {
                by.setErrorMessage(getTranslation("police.dialog.required"));
                note.setErrorMessage(getTranslation("police.dialog.required"));
                return;
            }
            try {
                if (action == AlertAction.ACKNOWLEDGE) {
                    service.acknowledge(alert.alertId(), by.getValue().strip(), note.getValue().strip());
                } else {
                    service.resolve(alert.alertId(), by.getValue().strip(), note.getValue().strip());
                }
                dialog.close();
            } catch (AlertService.AlertClosedException | AlertService.UnknownAlertException e) {
                dialog.close();
                Notification.show(getTranslation("police.dialog.closed")).addThemeVariants(
                        NotificationVariant.LUMO_WARNING);
            } catch (IllegalStateException e) {
                Notification.show(getTranslation("police.dialog.failed")).addThemeVariants(
                        NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("police-decision-confirm");
        Button cancel = new Button(getTranslation("police.dialog.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        by.focus();
    }
}

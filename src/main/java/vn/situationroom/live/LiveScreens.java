package vn.situationroom.live;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.region.Region;
import vn.situationroom.region.RegionGeometry;
import vn.situationroom.ui.CommuneMap;

/** What the live map screens share: following the levels and the alerts, and the region's active alerts. */
public final class LiveScreens {

    private LiveScreens() {}

    /**
     * Hands every change of the levels and of the alerts to the screen's UI (push then sends it to the browser); the
     * registration returned ends both.
     */
    public static LiveHotspots.Registration follow(
            UI ui, LiveHotspots hotspots, Runnable onLevels, LiveAlerts alerts, Runnable onAlerts) {
        Redraw levelsRedraw = new Redraw(ui, onLevels);
        Redraw alertsRedraw = new Redraw(ui, onAlerts);
        LiveHotspots.Registration levels = hotspots.subscribe(change -> levelsRedraw.request());
        LiveAlerts.Registration changes = alerts.subscribe(change -> alertsRedraw.request());
        return () -> {
            levels.remove();
            changes.remove();
        };
    }

    /** Hands every change of the levels to the screen's UI, as {@link #follow} does for a screen of alerts too. */
    public static LiveHotspots.Registration followLevels(UI ui, LiveHotspots hotspots, Runnable onLevels) {
        Redraw redraw = new Redraw(ui, onLevels);
        return hotspots.subscribe(change -> redraw.request());
    }

    /**
     * Has a screen draw itself again from the latest state, off the feed's thread. The feed's Kafka thread used to
     * draw and push every open screen in turn: with 200 walls open, the last one got a change 200 draws after the
     * first. Now each screen draws on a thread of its own, and changes that arrive while a screen's redraw is still
     * waiting are one redraw (the redraw reads the latest state, not the change), so a burst costs a screen no more
     * than it can draw.
     */
    private static final class Redraw {

        private static final Executor SCREENS = Executors.newVirtualThreadPerTaskExecutor();

        private final UI ui;
        private final Runnable draw;
        private final AtomicBoolean waiting = new AtomicBoolean();

        Redraw(UI ui, Runnable draw) {
            this.ui = ui;
            this.draw = draw;
        }

        void request() {
            if (waiting.compareAndSet(false, true)) {
                SCREENS.execute(() -> {
                    try {
                        ui.access(() -> {
                            waiting.set(false);
                            draw.run();
                        });
                    } catch (UIDetachedException closed) {
                        // The screen was closed meanwhile; its subscription ends with it.
                    }
                });
            }
        }
    }

    /**
     * The OPEN and ACKNOWLEDGED alerts of the region's communes and of the district as a whole, most severe first,
     * then the longest waiting.
     */
    public static List<Alert> activeAlerts(LiveAlerts alerts, Region region) {
        return alerts.active().stream()
                .filter(a -> region.contains(a.communeCode()) || Region.DISTRICT.equals(a.communeCode()))
                .toList();
    }

    /**
     * Each active cluster alert's communes as one outline on a map, labelled with its reason; only the clusters whose
     * every commune the viewer may see (a commune's officer sees their own commune only) and that lie in the region
     * (a region file changed since leaves a cluster of other communes). The region's shapes are built only when a
     * cluster is drawn.
     */
    public static List<CommuneMap.Outline> clusterOutlines(
            Component screen,
            List<Alert> active,
            Region region,
            Supplier<RegionGeometry> geometry,
            Predicate<String> visible) {
        List<CommuneMap.Outline> outlines = new ArrayList<>();
        for (Alert alert : active) {
            if (alert.rule() != AlertRule.CLUSTER || alert.reasons().isEmpty()) {
                continue;
            }
            Reason reason = alert.reasons().getFirst();
            if (reason.communes() == null
                    || !reason.communes().stream().allMatch(code -> region.contains(code) && visible.test(code))) {
                continue;
            }
            outlines.add(new CommuneMap.Outline(
                    alert.alertId(),
                    LevelTexts.reason(screen, reason),
                    geometry.get().outline(reason.communes())));
        }
        return outlines;
    }

    /**
     * The active alerts of what happened in the region's communes (crowds, incidents, escalations...), without those
     * of standing conditions such as a late case, which are the office's business rather than the police's.
     */
    public static List<Alert> securityAlerts(LiveAlerts alerts, Region region) {
        return activeAlerts(alerts, region).stream()
                .filter(a -> a.rule().onTheGround())
                .toList();
    }
}

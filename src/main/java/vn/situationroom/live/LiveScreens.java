package vn.situationroom.live;

import com.vaadin.flow.component.UI;
import java.util.List;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.region.Region;

/** What the live map screens share: following the levels and the alerts, and the region's active alerts. */
public final class LiveScreens {

    private LiveScreens() {}

    /**
     * Hands every change of the levels and of the alerts to the screen's UI (push then sends it to the browser); the
     * registration returned ends both.
     */
    public static LiveHotspots.Registration follow(
            UI ui, LiveHotspots hotspots, Runnable onLevels, LiveAlerts alerts, Runnable onAlerts) {
        LiveHotspots.Registration levels = hotspots.subscribe(change -> ui.access(onLevels::run));
        LiveAlerts.Registration changes = alerts.subscribe(change -> ui.access(onAlerts::run));
        return () -> {
            levels.remove();
            changes.remove();
        };
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
     * The active alerts of what happened in the region's communes (crowds, incidents, escalations...), without those
     * of standing conditions such as a late case, which are the office's business rather than the police's.
     */
    public static List<Alert> securityAlerts(LiveAlerts alerts, Region region) {
        return activeAlerts(alerts, region).stream()
                .filter(a -> a.rule().fromEvents())
                .toList();
    }
}

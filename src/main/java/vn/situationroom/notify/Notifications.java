package vn.situationroom.notify;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.hotspot.AlertTexts;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.region.Region;

/**
 * Turns each new CRITICAL alert into one notification per recipient: a row in PostgreSQL whose unique key (alert,
 * step, channel, recipient) makes it one row however many app instances see the alert, and however often one of them
 * restarts and reads the alerts again. {@link NotificationDelivery} sends the rows. The message is Vietnamese, short
 * enough for an SMS, and holds no citizen's data: the commune, the rule's reason with its numbers, the time, a link.
 */
@Service
public class Notifications {

    static final String EMAIL = "EMAIL";
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final LiveAlerts alerts;
    private final JdbcClient jdbc;
    private final NotificationSettings settings;
    private final I18NProvider i18n;
    private final Region region;
    private final ZoneId zone;
    private final Clock clock;

    Notifications(
            LiveAlerts alerts,
            JdbcClient jdbc,
            NotificationSettings settings,
            I18NProvider i18n,
            Region region,
            vn.situationroom.election.ElectionCalendar calendar) {
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.settings = settings;
        this.i18n = i18n;
        this.region = region;
        this.zone = calendar.zone();
        this.clock = Clock.systemUTC();
    }

    @EventListener(ApplicationReadyEvent.class)
    void listen() {
        if (settings.emailTo().isEmpty()) {
            log.info("Notifications: no recipients (situationroom.notifications.email-to); none will be sent");
            return;
        }
        alerts.subscribe(this::onAlert);
        alerts.active().forEach(this::onAlert);
        log.info(
                "Notifications: every CRITICAL alert goes by email to {} recipient(s)",
                settings.emailTo().size());
    }

    /** Queues the notifications of an alert, once each: a CRITICAL alert that is open and new. */
    void onAlert(Alert alert) {
        if (alert.severity() != HotspotLevel.CRITICAL
                || alert.state() != AlertState.OPEN
                || Duration.between(alert.firstSeen(), clock.instant()).compareTo(settings.within()) > 0) {
            return;
        }
        String subject = text(
                "notify.subject",
                text("level." + alert.severity().name()),
                region.placeName(alert.communeCode()),
                reason(alert));
        String body = text(
                "notify.body",
                region.placeName(alert.communeCode()),
                reason(alert),
                TIME.format(alert.firstSeen().atZone(zone)),
                settings.baseUrl() + "/map?alert=" + alert.alertId());
        for (String recipient : settings.emailTo()) {
            int added = jdbc.sql("""
                    INSERT INTO notification (alert_id, commune_code, step, channel, recipient, subject, body, state)
                    VALUES (:alert, :commune, 0, :channel, :recipient, :subject, :body, 'PENDING')
                    ON CONFLICT (alert_id, step, channel, recipient) DO NOTHING""")
                    .param("alert", alert.alertId())
                    .param("commune", alert.communeCode())
                    .param("channel", EMAIL)
                    .param("recipient", recipient)
                    .param("subject", subject)
                    .param("body", body)
                    .update();
            if (added > 0) {
                log.info("Notification of alert {} queued for {}", alert.alertId(), recipient);
            }
        }
    }

    private String reason(Alert alert) {
        return alert.reasons().isEmpty()
                ? text("notify.rule", alert.rule().name())
                : AlertTexts.reason(this::text, alert.reasons().getFirst());
    }

    private String text(String key, Object... params) {
        return i18n.getTranslation(key, VIETNAMESE, params);
    }
}

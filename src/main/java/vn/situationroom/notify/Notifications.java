package vn.situationroom.notify;

import com.vaadin.flow.i18n.I18NProvider;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.hotspot.AlertTexts;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.notify.Subscriptions.Channel;
import vn.situationroom.platform.Json;
import vn.situationroom.region.Region;
import vn.situationroom.roster.DutyRoster;

/**
 * Turns alerts into notifications, one per recipient and channel at each step of the chain: a row in PostgreSQL whose
 * unique key (alert, step, channel, recipient) makes it one row however many app instances see the alert, and however
 * often one of them restarts and reads the alerts again. {@link NotificationDelivery} sends the rows.
 *
 * <p>Step 0, as soon as an alert is raised: a CRITICAL alert goes to the addresses of {@code email.to} and, by SMS, to
 * the officers on duty now who serve its commune (the roster's shifts with a phone, for the whole region or for a unit
 * that holds the commune); any alert goes to the step-0 subscriptions of its unit
 * and severity. Step n: a CRITICAL alert still OPEN (nobody acknowledged it) n × {@code escalate-after} after it was
 * first seen CRITICAL goes to the step-n subscriptions; acknowledging it ends the chain.
 *
 * <p>The message is Vietnamese, short enough for an SMS, and holds no citizen's data: the commune, the rule's reason
 * with its numbers, the time, a link to the alert on the hotspot map.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    /** An SMS counts its letters: the day without its year. */
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM");

    private final LiveAlerts alerts;
    private final JdbcClient jdbc;
    private final NotificationSettings settings;
    private final Subscriptions subscriptions;
    private final DutyRoster roster;
    private final I18NProvider i18n;
    private final Region region;
    private final ZoneId zone;
    private final Clock clock;
    /** The steps this instance has queued already: the chain's check need not ask the database again. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** When each alert was first seen CRITICAL, as the database keeps it: it never changes once written. */
    private final Map<String, Instant> criticalSince = new ConcurrentHashMap<>();

    Notifications(
            LiveAlerts alerts,
            JdbcClient jdbc,
            NotificationSettings settings,
            Subscriptions subscriptions,
            DutyRoster roster,
            I18NProvider i18n,
            Region region,
            ElectionCalendar calendar,
            Clock clock) {
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.roster = roster;
        this.i18n = i18n;
        this.region = region;
        this.zone = calendar.zone();
        this.clock = clock;
    }

    /** One recipient of a step: how, where, and who. */
    record Recipient(Channel channel, String address, String name) {}

    @EventListener(ApplicationReadyEvent.class)
    void listen() {
        if (!settings.enabled()) {
            log.info("Notifications: off (situationroom.notifications.enabled=false); none will be sent");
            return;
        }
        alerts.subscribe(this::onAlert);
        alerts.active().forEach(this::onAlert);
        if (settings.webhook().secret() == null) {
            log.warn("Notifications: no situationroom.notifications.webhook.secret; webhooks go unsigned");
        }
        log.info(
                "Notifications: CRITICAL alerts by email to {} address(es){}; the chain escalates after {}",
                settings.email().to().size(),
                settings.sms().enabled() ? ", by SMS to the officers on duty" : "",
                settings.escalateAfter());
    }

    /** Queues the first step of an alert, once: an alert that is open and new. */
    void onAlert(Alert alert) {
        if (alert.state() == AlertState.OPEN
                && (alert.severity() == HotspotLevel.CRITICAL || alert.severity() == HotspotLevel.WARNING)) {
            if (alert.severity() == HotspotLevel.CRITICAL) {
                criticalSince(alert);
            }
            queue(alert, 0, alert.lastSeen());
        } else if (alert.state() != AlertState.OPEN) {
            // Acknowledged or resolved: its chain has ended.
            criticalSince.remove(alert.alertId());
        }
    }

    /**
     * When the alert was first seen CRITICAL: the app's time when the first instance to see it so did (and notified
     * step 0), written once for every instance. The chain counts from when people could first have known, not from
     * the trigger's own time: a stream that is behind, or an alert that grew from WARNING, does not make steps fall
     * due together. An alert that became CRITICAL while no instance ran counts from when one first saw it: later
     * rather than all at once.
     */
    private Instant criticalSince(Alert alert) {
        return criticalSince.computeIfAbsent(alert.alertId(), id -> {
            jdbc.sql("""
                    INSERT INTO notification_chain (alert_id, critical_since) VALUES (:alert, :since)
                    ON CONFLICT (alert_id) DO NOTHING""")
                    .param("alert", id)
                    .param("since", Timestamp.from(clock.instant()))
                    .update();
            return jdbc.sql("SELECT critical_since FROM notification_chain WHERE alert_id = :alert")
                    .param("alert", id)
                    .query(Timestamp.class)
                    .single()
                    .toInstant();
        });
    }

    /**
     * The chain: each CRITICAL alert still OPEN goes to the next step once its time has come. Every instance looks;
     * the unique row makes each step one notification per recipient.
     */
    @Scheduled(
            initialDelayString = "${situationroom.notifications.deliver-every:PT5S}",
            fixedDelayString = "${situationroom.notifications.deliver-every:PT5S}")
    void escalate() {
        if (!settings.enabled()) {
            return;
        }
        List<Alert> waiting = alerts.active().stream()
                .filter(a -> a.severity() == HotspotLevel.CRITICAL && a.state() == AlertState.OPEN)
                .toList();
        if (waiting.isEmpty()) {
            return;
        }
        int lastStep = subscriptions.lastStep();
        Instant now = clock.instant();
        for (Alert alert : waiting) {
            Instant since = criticalSince(alert);
            for (int step = 1; step <= lastStep; step++) {
                Instant due = since.plus(settings.escalateAfter().multipliedBy(step));
                if (due.isAfter(now)) {
                    break;
                }
                queue(alert, step, due);
            }
        }
    }

    /** Queues one step of an alert for its recipients, unless the step fell due too long ago. */
    private void queue(Alert alert, int step, Instant due) {
        if (Duration.between(due, clock.instant()).compareTo(settings.within()) > 0
                || !queued.add(alert.alertId() + "/" + step + "/" + alert.severity())) {
            return;
        }
        List<Recipient> recipients = recipients(alert, step);
        if (recipients.isEmpty()) {
            return;
        }
        String place = region.placeName(alert.communeCode());
        String reason = reason(alert);
        String time = TIME.format(alert.firstSeen().atZone(zone));
        String link = settings.baseUrl() + "/map?alert=" + alert.alertId();
        // An SMS counts its letters: the link names the alert by its short id (the map finds it).
        String shortLink = settings.baseUrl() + "/map?a=" + LiveAlerts.shortId(alert.alertId());
        Duration waited = settings.escalateAfter().multipliedBy(step);
        String level = text("level." + alert.severity().name());
        String unacknowledged = step == 0 ? "" : text("notify.unacknowledged", waited(waited)) + " ";
        String subject = unacknowledged + text("notify.subject", level, place, reason);
        String body = unacknowledged + text("notify.body", place, reason, time, link);
        String brief = unacknowledged
                + text(
                        "notify.sms",
                        level,
                        place,
                        reason,
                        SHORT_TIME.format(alert.firstSeen().atZone(zone)),
                        shortLink);
        String sms = settings.sms().withoutDiacritics() ? withoutDiacritics(brief) : brief;
        String payload = payload(alert, step, place, reason, link, brief);
        for (Recipient recipient : recipients) {
            int added = jdbc.sql("""
                    INSERT INTO notification (alert_id, commune_code, step, severity, channel, recipient,
                        recipient_name, subject, body, payload, state)
                    VALUES (:alert, :commune, :step, :severity, :channel, :recipient, :name, :subject, :body,
                        :payload, 'PENDING')
                    ON CONFLICT (alert_id, step, severity, channel, recipient) DO NOTHING""")
                    .param("alert", alert.alertId())
                    .param("commune", alert.communeCode())
                    .param("step", step)
                    .param("severity", alert.severity().name())
                    .param("channel", recipient.channel().name())
                    .param("recipient", recipient.address())
                    .param("name", recipient.name())
                    .param("subject", subject)
                    .param("body", recipient.channel() == Channel.SMS ? sms : body)
                    .param("payload", recipient.channel() == Channel.WEBHOOK ? payload : null)
                    .update();
            if (added > 0) {
                log.info(
                        "Notification of alert {} (step {}) queued: {} {}",
                        alert.alertId(),
                        step,
                        recipient.channel(),
                        recipient.address());
            }
        }
    }

    /** Who receives a step of an alert: the settings' and the roster's at step 0, then the subscriptions. */
    List<Recipient> recipients(Alert alert, int step) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        if (step == 0 && alert.severity() == HotspotLevel.CRITICAL) {
            if (settings.sms().enabled()) {
                LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone);
                for (DutyRoster.Shift shift : roster.servingAt(now, alert.communeCode())) {
                    if (shift.phone() != null && Subscriptions.validAddress(Channel.SMS, shift.phone())) {
                        add(recipients, new Recipient(Channel.SMS, shift.phone(), shift.officer()));
                    }
                }
            }
            for (String address : settings.email().to()) {
                add(recipients, new Recipient(Channel.EMAIL, address, null));
            }
        }
        for (Subscriptions.Subscription subscription :
                subscriptions.receiving(alert.communeCode(), alert.severity(), step)) {
            if (subscription.channel() != Channel.SMS || settings.sms().enabled()) {
                add(recipients, new Recipient(subscription.channel(), subscription.address(), subscription.name()));
            }
        }
        return new ArrayList<>(recipients.values());
    }

    private static void add(Map<String, Recipient> recipients, Recipient recipient) {
        recipients.putIfAbsent(recipient.channel() + " " + recipient.address(), recipient);
    }

    /** What a webhook receives: the alert's facts in fields, and the text ready to forward. */
    private String payload(Alert alert, int step, String place, String reason, String link, String text) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("alertId", alert.alertId());
        payload.put("step", step);
        payload.put("communeCode", alert.communeCode());
        payload.put("commune", place);
        payload.put("severity", alert.severity().name());
        payload.put("rule", alert.rule().name());
        payload.put("reason", reason);
        payload.put("count", alert.count());
        payload.put("firstSeen", alert.firstSeen().toString());
        payload.put("link", link);
        payload.put("text", text);
        return Json.MAPPER.writeValueAsString(payload);
    }

    /** Vietnamese without its diacritics, as an SMS of 160 plain letters carries it: "Nghiêm trọng" → "Nghiem trong". */
    static String withoutDiacritics(String text) {
        return Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
    }

    /** A wait in words: minutes, or seconds when shorter than one. */
    private String waited(Duration waited) {
        return waited.toMinutes() > 0
                ? text("notify.minutes", waited.toMinutes())
                : text("notify.seconds", waited.toSeconds());
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

package vn.situationroom.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertCommand;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.HotspotTopics;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Callers;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Scopes;
import vn.situationroom.security.Viewer;

/**
 * Acknowledges and resolves alerts, and raises those of standing conditions, by writing commands that the analytics
 * apply to the alert's commune.
 */
@Service
public class AlertService {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final LiveAlerts alerts;
    private final KafkaTemplate<String, byte[]> kafka;
    private final AuditLog audit;
    private final Clock clock;

    AlertService(LiveAlerts alerts, KafkaTemplate<String, byte[]> kafka, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.alerts = alerts;
        this.kafka = kafka;
        this.audit = audit;
    }

    /**
     * The signed-in officer (or token) took the alert up.
     *
     * @param statedBy who acted on the ground, as typed; kept in the note when it is someone else, never as who decided
     */
    public AlertCommand acknowledge(String alertId, String statedBy, String note) {
        return send(alertId, AlertCommand.Action.ACKNOWLEDGE, statedBy, note);
    }

    /** The alert is handled, says the signed-in officer (or token); {@code statedBy} as for {@link #acknowledge}. */
    public AlertCommand resolve(String alertId, String statedBy, String note) {
        return send(alertId, AlertCommand.Action.RESOLVE, statedBy, note);
    }

    private AlertCommand send(String alertId, AlertCommand.Action action, String statedBy, String typedNote) {
        // The police map and the API check this too; the service does not rely on them (defence in depth).
        Viewer viewer = Callers.requireAny(
                "decide about alerts", Callers.role(Roles.POLICE), Scopes.authority(Scopes.ALERTS_WRITE));
        String by = viewer.signature();
        String note = viewer.noteWith(statedBy, typedNote);
        Alert alert = alerts.find(alertId).orElseThrow(() -> new UnknownAlertException(alertId));
        if (!alert.isActive()) {
            throw new AlertClosedException(alert);
        }
        AlertCommand command = write(
                new AlertCommand(UUID.randomUUID(), alertId, alert.communeCode(), action, by, note, clock.instant()));
        audit.record(
                action == AlertCommand.Action.ACKNOWLEDGE
                        ? AuditLog.Action.ALERT_ACKNOWLEDGED
                        : AuditLog.Action.ALERT_RESOLVED,
                alertId,
                "by " + by + (note == null ? "" : ": " + note));
        return command;
    }

    /**
     * Raises the alert of a standing condition the app found (a case late, a day without duty). Sending the same
     * condition again, under the same id, raises nothing more: the analytics raise each id once.
     */
    public void raise(
            String alertId, String communeCode, AlertRule rule, HotspotLevel severity, Reason reason, Instant at) {
        write(AlertCommand.raise(alertId, communeCode, rule, severity, reason, at));
    }

    /**
     * Resolves a standing condition's alert whose condition ended, as the system; an alert a person resolved already
     * stays as it is.
     */
    public void conditionEnded(String alertId, String communeCode, Instant at) {
        write(new AlertCommand(
                UUID.randomUUID(),
                alertId,
                communeCode,
                AlertCommand.Action.RESOLVE,
                Alert.SYSTEM,
                Alert.CONDITION_ENDED,
                at));
    }

    /** Writes a command and waits until the broker has it. */
    private AlertCommand write(AlertCommand command) {
        var topic = HotspotTopics.ALERT_COMMANDS;
        try {
            kafka.send(
                            topic.name(),
                            command.communeCode(),
                            topic.valueSerde().serializer().serialize(topic.name(), command))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the command", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the command", e);
        }
        return command;
    }

    /** No alert has this id. */
    public static final class UnknownAlertException extends RuntimeException {
        UnknownAlertException(String alertId) {
            super("no alert has the id " + alertId);
        }
    }

    /** The alert is resolved already; nothing more can be done with it. */
    public static final class AlertClosedException extends RuntimeException {
        AlertClosedException(Alert alert) {
            super("the alert " + alert.alertId() + " was resolved by " + alert.resolvedBy() + " at "
                    + alert.resolvedAt());
        }
    }
}

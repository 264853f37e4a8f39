package vn.situationroom.hotspot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import vn.situationroom.region.Region;

/**
 * A decision about an alert: the value on {@code alert-commands}, keyed by the alert's commune so that it reaches the
 * stream task that holds the alert. Every app instance sees the resulting alert on {@code alerts}.
 *
 * @param commandId the command's id
 * @param alertId the alert
 * @param communeCode the alert's commune, or {@link #DISTRICT} for an alert about the district as a whole
 * @param action RAISE, ACKNOWLEDGE or RESOLVE
 * @param by who decided; {@link Alert#SYSTEM} for the app's own checks
 * @param note why, or what is being done
 * @param at when
 * @param rule the rule of the alert to raise (RAISE only)
 * @param severity its severity (RAISE only)
 * @param reason its reason (RAISE only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertCommand(
        UUID commandId,
        String alertId,
        String communeCode,
        Action action,
        String by,
        String note,
        Instant at,
        AlertRule rule,
        HotspotLevel severity,
        Reason reason) {

    /** The key of alerts about the district as a whole rather than one commune. */
    public static final String DISTRICT = Region.DISTRICT;

    /** What was decided. */
    public enum Action {
        /** The app found a standing condition (a case late, a day without duty): raise its alert, once. */
        RAISE,
        ACKNOWLEDGE,
        RESOLVE
    }

    /** A person's (or the app's) acknowledgement or resolution. */
    public AlertCommand(
            UUID commandId, String alertId, String communeCode, Action action, String by, String note, Instant at) {
        this(commandId, alertId, communeCode, action, by, note, at, null, null, null);
    }

    /** The app raises the alert of a standing condition; its id must be the same each time the condition is found. */
    public static AlertCommand raise(
            String alertId, String communeCode, AlertRule rule, HotspotLevel severity, Reason reason, Instant at) {
        if (rule.fromEvents()) {
            throw new IllegalArgumentException("the rule " + rule + " is raised by events, not by a command");
        }
        return new AlertCommand(
                UUID.randomUUID(), alertId, communeCode, Action.RAISE, Alert.SYSTEM, null, at, rule, severity, reason);
    }
}

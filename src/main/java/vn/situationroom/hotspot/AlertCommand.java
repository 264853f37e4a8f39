package vn.situationroom.hotspot;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's decision about an alert: the value on {@code alert-commands}, keyed by the alert's commune so that it
 * reaches the stream task that holds the alert. Every app instance sees the resulting alert on {@code alerts}.
 *
 * @param commandId the command's id
 * @param alertId the alert
 * @param communeCode the alert's commune
 * @param action ACKNOWLEDGE or RESOLVE
 * @param by who decided
 * @param note why, or what is being done
 * @param at when
 */
public record AlertCommand(UUID commandId, String alertId, String communeCode, Action action, String by, String note,
        Instant at) {

    /** What the person decided. */
    public enum Action {
        ACKNOWLEDGE,
        RESOLVE
    }
}

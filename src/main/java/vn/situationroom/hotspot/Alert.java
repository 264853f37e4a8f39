package vn.situationroom.hotspot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An alert raised by a rule for a commune: the value on {@code alerts}, keyed by alert id. While it is OPEN or
 * ACKNOWLEDGED, new triggers of the same rule in the same commune merge into it. An alert of a standing condition (a
 * case late, a day without duty) is one per condition, and may be about the whole district.
 *
 * @param alertId the alert's id
 * @param communeCode the commune, or {@link AlertCommand#DISTRICT} for the district as a whole
 * @param rule the rule that raised it
 * @param severity the highest severity of its triggers
 * @param state OPEN, ACKNOWLEDGED or RESOLVED
 * @param firstSeen the time of its first trigger
 * @param lastSeen the time of its latest trigger
 * @param count how many events triggered it
 * @param reasons the latest trigger's reason
 * @param acknowledgedBy who acknowledged it
 * @param acknowledgedAt when
 * @param acknowledgeNote with what note
 * @param resolvedBy who resolved it; {@code system} when it resolved itself after the quiet period, or its condition
 *     ended
 * @param resolvedAt when
 * @param resolveNote with what note; the system's notes are codes ({@link #QUIET}, {@link #CONDITION_ENDED})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
        String alertId,
        String communeCode,
        AlertRule rule,
        HotspotLevel severity,
        AlertState state,
        Instant firstSeen,
        Instant lastSeen,
        long count,
        List<Reason> reasons,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String acknowledgeNote,
        String resolvedBy,
        Instant resolvedAt,
        String resolveNote) {

    /** Who resolves an alert that stayed quiet. */
    public static final String SYSTEM = "system";
    /** The system's note on an alert of events that stayed quiet for the quiet period. */
    public static final String QUIET = "QUIET";
    /** The system's note on an alert of a standing condition that no longer holds. */
    public static final String CONDITION_ENDED = "CONDITION_ENDED";

    public Alert {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Whether it still needs attention: OPEN or ACKNOWLEDGED. */
    public boolean isActive() {
        return state != AlertState.RESOLVED;
    }

    static Alert open(String alertId, String communeCode, Trigger trigger, Instant at) {
        return new Alert(
                alertId,
                communeCode,
                trigger.rule(),
                trigger.severity(),
                AlertState.OPEN,
                at,
                at,
                1,
                List.of(trigger.reason().forAlert(alertId)),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** One more trigger: counted, the latest time and reason kept, the severity raised if it is higher. */
    Alert merge(Trigger trigger, Instant at) {
        Instant last = at.isAfter(lastSeen) ? at : lastSeen;
        return new Alert(
                alertId,
                communeCode,
                rule,
                severity.max(trigger.severity()),
                state,
                firstSeen,
                last,
                count + 1,
                List.of(trigger.reason().forAlert(alertId)),
                acknowledgedBy,
                acknowledgedAt,
                acknowledgeNote,
                resolvedBy,
                resolvedAt,
                resolveNote);
    }

    Alert acknowledge(String by, String note, Instant at) {
        return new Alert(
                alertId,
                communeCode,
                rule,
                severity,
                AlertState.ACKNOWLEDGED,
                firstSeen,
                lastSeen,
                count,
                reasons,
                by,
                at,
                note,
                null,
                null,
                null);
    }

    Alert resolve(String by, String note, Instant at) {
        return new Alert(
                alertId,
                communeCode,
                rule,
                severity,
                AlertState.RESOLVED,
                firstSeen,
                lastSeen,
                count,
                reasons,
                acknowledgedBy,
                acknowledgedAt,
                acknowledgeNote,
                by,
                at,
                note);
    }
}

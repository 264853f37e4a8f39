package vn.situationroom.hotspot;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a commune has its level, in numbers the screens can put into words.
 *
 * @param kind the rule ({@code CROWD}, {@code INCIDENT}, {@code CANDIDATE}, {@code ESCALATION}, {@code REPEAT}) or the
 *     statistic ({@code EARS_C1}, {@code EARS_C2}, {@code EARS_C3}, {@code EWMA}, {@code HOURLY_SURGE})
 * @param severity the level this reason alone gives
 * @param observed what was seen: the people of a crowd, the visits of a case, the count of the day or hour
 * @param expected what was expected where a statistic has it (the baseline mean)
 * @param threshold the value it reached or passed
 * @param alertId the alert this reason stands for, for a rule
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(String kind, HotspotLevel severity, Double observed, Double expected, Double threshold,
        String alertId) {

    /** The same reason, for the alert it now belongs to. */
    Reason forAlert(String id) {
        return new Reason(kind, severity, observed, expected, threshold, id);
    }
}

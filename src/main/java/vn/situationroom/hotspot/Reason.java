package vn.situationroom.hotspot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * Why a commune has its level, in numbers the screens can put into words.
 *
 * @param kind the rule ({@code CROWD}, {@code INCIDENT}, {@code CANDIDATE}, {@code ESCALATION}, {@code REPEAT},
 *     {@code CASE_DUE_SOON}, {@code CASE_OVERDUE}, {@code ROSTER_GAP}, {@code CLUSTER}) or the statistic ({@code FARRINGTON},
 *     {@code EARS_C1}, {@code EARS_C2}, {@code EARS_C3}, {@code EWMA}, {@code HOURLY_SURGE})
 * @param severity the level this reason alone gives
 * @param observed what was seen: the people of a crowd, the visits of a case, the count of the day or hour, the days
 *     a case is late
 * @param expected what was expected where a statistic has it (the baseline mean)
 * @param threshold the value it reached or passed; a cluster's p-value
 * @param alertId the alert this reason stands for, for a rule
 * @param subject what a standing condition is about: the case's reference, a cluster's communes by name; null for
 *     the others
 * @param step which deadline of a case: {@code ACCEPT} or {@code RESOLVE}; null for the others
 * @param date the day of a standing condition: a case's deadline, the day without anyone on duty; a cluster's first day
 * @param communes the communes of a cluster ({@code CLUSTER}), its centre first; null for the others
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(
        String kind,
        HotspotLevel severity,
        Double observed,
        Double expected,
        Double threshold,
        String alertId,
        String subject,
        String step,
        LocalDate date,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> communes) {

    public Reason {
        communes = communes == null ? null : List.copyOf(communes);
    }

    /** A reason of a rule, statistic or standing condition, which concerns its own commune. */
    public Reason(
            String kind,
            HotspotLevel severity,
            Double observed,
            Double expected,
            Double threshold,
            String alertId,
            String subject,
            String step,
            LocalDate date) {
        this(kind, severity, observed, expected, threshold, alertId, subject, step, date, null);
    }

    /** A reason of a rule or statistic, which has numbers only. */
    public Reason(
            String kind, HotspotLevel severity, Double observed, Double expected, Double threshold, String alertId) {
        this(kind, severity, observed, expected, threshold, alertId, null, null, null, null);
    }

    /** The same reason, for the alert it now belongs to. */
    Reason forAlert(String id) {
        return new Reason(kind, severity, observed, expected, threshold, id, subject, step, date, communes);
    }
}

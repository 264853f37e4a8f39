package vn.situationroom.detection;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One day of a detector's answer.
 *
 * @param index the day's position in the series, from 0
 * @param observed the day's count
 * @param upperbound the bound above which the day alarms; {@code null} before the detector's range or when undefined
 * @param alarm whether the observed count is above the bound; {@code null} where there is no bound
 * @param statistic what the bound applies to where that is not the observed count (EWMA: the smoothed count)
 * @param level how strong the alarm is where a detector grades it (EWMA: {@code RED} or {@code YELLOW}); else null
 */
public record Detection(
        int index,
        double observed,
        @JsonInclude(JsonInclude.Include.ALWAYS) Double upperbound,
        @JsonInclude(JsonInclude.Include.ALWAYS) Boolean alarm,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double statistic,
        @JsonInclude(JsonInclude.Include.NON_NULL) String level) {

    static Detection none(int index, double observed) {
        return new Detection(index, observed, null, null, null, null);
    }

    static Detection of(int index, double observed, double upperbound) {
        if (Double.isNaN(upperbound)) {
            return none(index, observed);
        }
        return new Detection(index, observed, upperbound, observed > upperbound, null, null);
    }
}

package vn.situationroom.analysis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.AlertHistory;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.Reason;

/**
 * {@code POST /api/v1/analysis/clusters}: the space-time cluster scan run as of the end of each day of a period, as
 * the live check would have run it, beside the {@code CLUSTER} alerts that did fire in the period.
 */
@RestController
@RequestMapping("/api/v1/analysis/clusters")
class ClusterBacktestController {

    /** The most days one back-test runs: each is a scan with its replications. */
    static final int MAX_DAYS = 31;

    private final ClusterAlerts clusters;
    private final AlertHistory alerts;
    private final ElectionCalendar calendar;

    private final Clock clock;

    ClusterBacktestController(ClusterAlerts clusters, AlertHistory alerts, ElectionCalendar calendar, Clock clock) {
        this.clock = clock;
        this.clusters = clusters;
        this.alerts = alerts;
        this.calendar = calendar;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> backtest(@RequestBody JsonNode request) {
        RequestProblems errors = new RequestProblems();
        LocalDate from = errors.date(request, "from");
        LocalDate to = errors.date(request, "to");
        if (from != null && to != null && (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() >= MAX_DAYS)) {
            errors.add("to", "must be on or after from, at most " + MAX_DAYS + " days");
        }
        if (to != null && to.isAfter(LocalDate.now(clock.withZone(calendar.zone())))) {
            errors.add("to", "must not lie in the future");
        }
        if (!errors.isEmpty()) {
            return errors.answer("cluster back-test");
        }
        List<Map<String, Object>> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("day", day.toString());
            one.put(
                    "clusters",
                    clusters.clustersOn(day).stream()
                            .map(ClusterBacktestController::cluster)
                            .toList());
            days.add(one);
        }
        List<Map<String, Object>> fired = alerts
                .alerts(from, to, new AlertHistory.AlertFilter(List.of(), null, AlertRule.CLUSTER.name()), 0, 500)
                .items()
                .stream()
                .filter(alert -> !alert.reasons().isEmpty())
                .map(alert -> {
                    Map<String, Object> one = cluster(alert.reasons().getFirst());
                    one.put("alertId", alert.alertId());
                    one.put("firstSeen", alert.firstSeen().toString());
                    one.put("state", alert.state());
                    return one;
                })
                .toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", from.toString());
        answer.put("to", to.toString());
        answer.put("days", days);
        answer.put("fired", fired);
        return ResponseEntity.ok(answer);
    }

    private static Map<String, Object> cluster(Reason reason) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("communes", reason.communes());
        cluster.put("names", reason.subject());
        cluster.put("firstDay", reason.date() == null ? null : reason.date().toString());
        cluster.put("observed", reason.observed());
        cluster.put("expected", reason.expected());
        cluster.put("pValue", reason.threshold());
        return cluster;
    }
}

package vn.situationroom.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.platform.QueryReader;
import vn.situationroom.region.Region;
import vn.situationroom.security.Viewer;

/**
 * {@code /api/v1/history/...}: the analysts' queries over the stored history. Every parameter is checked, and a bad
 * one is named in a 400 problem; an unknown parameter is an error too, so that a typo does not silently widen a query.
 */
@RestController
@RequestMapping(path = "/api/v1/history", produces = MediaType.APPLICATION_JSON_VALUE)
class HistoryController {

    /** Hourly trends are for the recent past: at most this many days (2,232 points). */
    static final int MAX_PAGE_SIZE = 500;

    private final IndicatorHistory queries;
    private final EventHistory events;
    private final AlertHistory alerts;
    private final Region region;

    HistoryController(IndicatorHistory queries, EventHistory events, AlertHistory alerts, Region region) {
        this.queries = queries;
        this.events = events;
        this.alerts = alerts;
        this.region = region;
    }

    @GetMapping("/trend")
    ResponseEntity<?> trend(@RequestParam MultiValueMap<String, String> query) {
        QueryReader params =
                new QueryReader(query, "Invalid history query", "counter", "granularity", "from", "to", "commune");
        Counter counter = counter(params);
        Granularity granularity = params.choice("granularity", Granularity.class, Granularity.DAY);
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        List<String> asked = params.communes(region::contains, region.name());
        params.range(
                from, to, granularity == Granularity.HOUR ? IndicatorHistory.MAX_HOUR_DAYS : IndicatorHistory.MAX_DAYS);
        if (params.failed()) {
            return params.problem();
        }
        // A commune's officer gets their own commune, and is refused any other.
        List<String> communes = Viewer.current().communes(asked);
        List<IndicatorHistory.Point> points = queries.trend(counter, granularity, from, to, communes);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("counter", counter.apiName());
        answer.put("granularity", granularity);
        answer.put("from", from);
        answer.put("to", to);
        answer.put("zone", queries.zone().getId());
        answer.put("communes", communes.isEmpty() ? "all" : communes);
        answer.put(
                "total",
                points.stream().mapToLong(IndicatorHistory.Point::value).sum());
        answer.put("points", points);
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/top")
    ResponseEntity<?> top(@RequestParam MultiValueMap<String, String> query) {
        QueryReader params = new QueryReader(query, "Invalid history query", "counter", "from", "to", "limit");
        Counter counter = counter(params);
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        int limit = params.integer("limit", 10, 1, 1000);
        params.range(from, to, IndicatorHistory.MAX_DAYS);
        if (params.failed()) {
            return params.problem();
        }
        List<Map<String, Object>> ranking = new ArrayList<>();
        for (IndicatorHistory.Ranked ranked : queries.top(counter, from, to, limit)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("communeCode", ranked.communeCode());
            row.put(
                    "name",
                    region.commune(ranked.communeCode()).map(c -> c.fullName()).orElse(null));
            row.put("value", ranked.value());
            ranking.add(row);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("counter", counter.apiName());
        answer.put("from", from);
        answer.put("to", to);
        answer.put("communes", ranking);
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/events")
    ResponseEntity<?> events(@RequestParam MultiValueMap<String, String> query) {
        QueryReader params = new QueryReader(
                query,
                "Invalid history query",
                "from",
                "to",
                "commune",
                "type",
                "content",
                "field",
                "complex",
                "candidateRelated",
                "caseRef",
                "minHeadcount",
                "page",
                "size");
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        params.range(from, to, IndicatorHistory.MAX_DAYS);
        var filter = new EventHistory.EventFilter(
                params.communes(region::contains, region.name()),
                params.enumName("type", EventType.class),
                params.enumName("content", Content.class),
                params.enumName("field", Field.class),
                params.flag("complex"),
                params.flag("candidateRelated"),
                params.text("caseRef"),
                query.containsKey("minHeadcount") ? params.integer("minHeadcount", 1, 1, 100_000) : null);
        int page = params.integer("page", 0, 0, 1_000_000);
        int size = params.integer("size", 50, 1, MAX_PAGE_SIZE);
        if (params.failed()) {
            return params.problem();
        }
        return ResponseEntity.ok(events.events(from, to, filter, page, size));
    }

    @GetMapping("/alerts")
    ResponseEntity<?> alerts(@RequestParam MultiValueMap<String, String> query) {
        QueryReader params = new QueryReader(
                query, "Invalid history query", "from", "to", "commune", "state", "rule", "page", "size");
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        params.range(from, to, IndicatorHistory.MAX_DAYS);
        var filter = new AlertHistory.AlertFilter(
                params.communes(region::contains, region.name()),
                params.enumName("state", AlertState.class),
                params.enumName("rule", AlertRule.class));
        int page = params.integer("page", 0, 0, 1_000_000);
        int size = params.integer("size", 50, 1, MAX_PAGE_SIZE);
        if (params.failed()) {
            return params.problem();
        }
        return ResponseEntity.ok(alerts.alerts(from, to, filter, page, size));
    }

    @GetMapping("/alerts/{alertId}")
    ResponseEntity<?> alert(@PathVariable String alertId) {
        return alerts.alert(alertId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND, "No alert " + alertId + " is stored in the history.");
            problem.setTitle("Unknown alert");
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        });
    }

    /** The counter asked for, required. */
    private static Counter counter(QueryReader params) {
        String name = params.single("counter");
        if (name == null) {
            params.error("counter", "is required: one of " + Counter.apiNames());
            return null;
        }
        return Counter.byApiName(name).orElseGet(() -> {
            params.error("counter", "'" + name + "' is not one of " + Counter.apiNames());
            return null;
        });
    }
}

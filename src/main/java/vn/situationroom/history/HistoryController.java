package vn.situationroom.history;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
import vn.situationroom.region.Region;

/**
 * {@code /api/v1/history/...}: the analysts' queries over the stored history. Every parameter is checked, and a bad
 * one is named in a 400 problem; an unknown parameter is an error too, so that a typo does not silently widen a query.
 */
@RestController
@RequestMapping(path = "/api/v1/history", produces = MediaType.APPLICATION_JSON_VALUE)
class HistoryController {

    /** Hourly trends are for the recent past: at most this many days (2,232 points). */
    static final int MAX_HOUR_DAYS = 93;
    static final int MAX_DAYS = 3660;
    static final int MAX_PAGE_SIZE = 500;

    private final HistoryQueries queries;
    private final Region region;

    HistoryController(HistoryQueries queries, Region region) {
        this.queries = queries;
        this.region = region;
    }

    @GetMapping("/trend")
    ResponseEntity<?> trend(@RequestParam MultiValueMap<String, String> query) {
        Params params = new Params(query, "counter", "granularity", "from", "to", "commune");
        Counter counter = params.counter();
        Granularity granularity = params.choice("granularity", Granularity.class, Granularity.DAY);
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        List<String> communes = params.communes();
        params.range(from, to, granularity == Granularity.HOUR ? MAX_HOUR_DAYS : MAX_DAYS);
        if (params.failed()) {
            return params.problem();
        }
        List<HistoryQueries.Point> points = queries.trend(counter, granularity, from, to, communes);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("counter", counter.apiName());
        answer.put("granularity", granularity);
        answer.put("from", from);
        answer.put("to", to);
        answer.put("zone", queries.zone().getId());
        answer.put("communes", communes.isEmpty() ? "all" : communes);
        answer.put("total", points.stream().mapToLong(HistoryQueries.Point::value).sum());
        answer.put("points", points);
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/top")
    ResponseEntity<?> top(@RequestParam MultiValueMap<String, String> query) {
        Params params = new Params(query, "counter", "from", "to", "limit");
        Counter counter = params.counter();
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        int limit = params.integer("limit", 10, 1, 1000);
        params.range(from, to, MAX_DAYS);
        if (params.failed()) {
            return params.problem();
        }
        List<Map<String, Object>> ranking = new ArrayList<>();
        for (HistoryQueries.Ranked ranked : queries.top(counter, from, to, limit)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("communeCode", ranked.communeCode());
            row.put("name", region.commune(ranked.communeCode()).map(c -> c.fullName()).orElse(null));
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
        Params params = new Params(query, "from", "to", "commune", "type", "content", "field", "complex",
                "candidateRelated", "caseRef", "minHeadcount", "page", "size");
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        params.range(from, to, MAX_DAYS);
        var filter = new HistoryQueries.EventFilter(params.communes(),
                params.enumName("type", EventType.class), params.enumName("content", Content.class),
                params.enumName("field", Field.class), params.flag("complex"), params.flag("candidateRelated"),
                params.text("caseRef"), params.query.containsKey("minHeadcount")
                        ? params.integer("minHeadcount", 1, 1, 100_000) : null);
        int page = params.integer("page", 0, 0, 1_000_000);
        int size = params.integer("size", 50, 1, MAX_PAGE_SIZE);
        if (params.failed()) {
            return params.problem();
        }
        return ResponseEntity.ok(queries.events(from, to, filter, page, size));
    }

    @GetMapping("/alerts")
    ResponseEntity<?> alerts(@RequestParam MultiValueMap<String, String> query) {
        Params params = new Params(query, "from", "to", "commune", "state", "rule", "page", "size");
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        params.range(from, to, MAX_DAYS);
        var filter = new HistoryQueries.AlertFilter(params.communes(), params.enumName("state", AlertState.class),
                params.enumName("rule", AlertRule.class));
        int page = params.integer("page", 0, 0, 1_000_000);
        int size = params.integer("size", 50, 1, MAX_PAGE_SIZE);
        if (params.failed()) {
            return params.problem();
        }
        return ResponseEntity.ok(queries.alerts(from, to, filter, page, size));
    }

    @GetMapping("/alerts/{alertId}")
    ResponseEntity<?> alert(@PathVariable String alertId) {
        return queries.alert(alertId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No alert " + alertId + " is stored in the history.");
            problem.setTitle("Unknown alert");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        });
    }

    /** The request's parameters, read one by one; each problem is noted with the parameter it concerns. */
    private final class Params {

        private final MultiValueMap<String, String> query;
        private final List<Map<String, String>> errors = new ArrayList<>();

        Params(MultiValueMap<String, String> query, String... known) {
            this.query = query;
            Set<String> allowed = Set.of(known);
            for (String name : query.keySet()) {
                if (!allowed.contains(name)) {
                    error(name, "is not a parameter of this query; it takes " + String.join(", ", known));
                }
            }
        }

        Counter counter() {
            String name = single("counter");
            if (name == null) {
                error("counter", "is required: one of " + Counter.apiNames());
                return null;
            }
            return Counter.byApiName(name).orElseGet(() -> {
                error("counter", "'" + name + "' is not one of " + Counter.apiNames());
                return null;
            });
        }

        LocalDate date(String name) {
            String value = single(name);
            if (value == null) {
                error(name, "is required: a date such as 2026-03-01");
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                error(name, "'" + value + "' is not a date such as 2026-03-01");
                return null;
            }
        }

        void range(LocalDate from, LocalDate to, int maxDays) {
            if (from != null && to != null && (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= maxDays)) {
                error("to", "must be on or after from, and at most " + maxDays + " days from it");
            }
        }

        List<String> communes() {
            List<String> codes = query.getOrDefault("commune", List.of()).stream()
                    .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                    .filter(code -> !code.isEmpty()).distinct().toList();
            for (String code : codes) {
                if (!region.contains(code)) {
                    error("commune", "'" + code + "' is not a commune of " + region.name());
                }
            }
            return codes;
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
            String value = single(name);
            return value == null ? fallback : parse(name, type, value);
        }

        <E extends Enum<E>> String enumName(String name, Class<E> type) {
            String value = single(name);
            E parsed = value == null ? null : parse(name, type, value);
            return parsed == null ? null : parsed.name();
        }

        Boolean flag(String name) {
            String value = single(name);
            if (value == null) {
                return null;
            }
            if (!value.equals("true") && !value.equals("false")) {
                error(name, "'" + value + "' is not true or false");
                return null;
            }
            return Boolean.valueOf(value);
        }

        String text(String name) {
            String value = single(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        int integer(String name, int fallback, int min, int max) {
            String value = single(name);
            if (value == null) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // named below
            }
            error(name, "'" + value + "' is not a whole number from " + min + " to " + max);
            return fallback;
        }

        boolean failed() {
            return !errors.isEmpty();
        }

        ResponseEntity<ProblemDetail> problem() {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    errors.size() + " problem(s) in the query: " + errors.stream()
                            .map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; ")));
            problem.setTitle("Invalid history query");
            problem.setProperty("errors", errors);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }

        private <E extends Enum<E>> E parse(String name, Class<E> type, String value) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            error(name, "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
            return null;
        }

        private String single(String name) {
            List<String> values = query.get(name);
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                error(name, "is given " + values.size() + " times; give it once");
            }
            return values.getFirst();
        }

        private void error(String field, String message) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", field);
            error.put("message", message);
            errors.add(error);
        }
    }
}

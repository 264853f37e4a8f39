package vn.situationroom.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

/**
 * A REST request's query parameters, read strictly one by one: an unknown, repeated or unreadable parameter is noted
 * with what is wrong, and {@link #problem()} answers 400 problem+json naming every one, the way each REST query here
 * refuses.
 */
public final class QueryReader {

    private final MultiValueMap<String, String> query;
    private final String title;
    private final List<Map<String, String>> errors = new ArrayList<>();

    /** Reads {@code query}, whose parameters may only be the {@code known} ones; {@code title} heads the 400. */
    public QueryReader(MultiValueMap<String, String> query, String title, String... known) {
        this.query = query;
        this.title = title;
        Set<String> allowed = Set.of(known);
        for (String name : query.keySet()) {
            if (!allowed.contains(name)) {
                error(name, "is not a parameter of this query; it takes " + String.join(", ", known));
            }
        }
    }

    /** A required date. */
    public LocalDate date(String name) {
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

    public void range(LocalDate from, LocalDate to, int maxDays) {
        if (from != null && to != null && (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= maxDays)) {
            error("to", "must be on or after from, and at most " + maxDays + " days from it");
        }
    }

    /** The communes named (repeated or comma-separated), each one that {@code known} does not know noted. */
    public List<String> communes(Predicate<String> known, String regionName) {
        List<String> codes = query.getOrDefault("commune", List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .distinct()
                .toList();
        for (String code : codes) {
            if (!known.test(code)) {
                error("commune", "'" + code + "' is not a commune of " + regionName);
            }
        }
        return codes;
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        String value = single(name);
        return value == null ? fallback : parse(name, type, value);
    }

    public <E extends Enum<E>> String enumName(String name, Class<E> type) {
        String value = single(name);
        E parsed = value == null ? null : parse(name, type, value);
        return parsed == null ? null : parsed.name();
    }

    public Boolean flag(String name) {
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

    public String text(String name) {
        String value = single(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public int integer(String name, int fallback, int min, int max) {
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

    /** An optional date, {@code fallback} when absent. */
    public LocalDate date(String name, LocalDate fallback) {
        return single(name) == null ? fallback : date(name);
    }

    /** One of the {@code allowed} words, {@code fallback} when absent. */
    public String oneOf(String name, String fallback, String... allowed) {
        String value = single(name);
        if (value == null) {
            return fallback;
        }
        if (!List.of(allowed).contains(value)) {
            error(name, "'" + value + "' is not one of " + String.join(", ", allowed));
            return fallback;
        }
        return value;
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    /** The 400 that names every problem noted. */
    public ResponseEntity<ProblemDetail> problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.size() + " problem(s) in the query: "
                        + errors.stream()
                                .map(e -> e.get("field") + " " + e.get("message"))
                                .collect(Collectors.joining("; ")));
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private <E extends Enum<E>> E parse(String name, Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        error(
                name,
                "'" + value + "' is not one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    /** The parameter's one value, or null when it is absent (given more than once: noted). */
    public String single(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            error(name, "is given " + values.size() + " times; give it once");
        }
        return values.getFirst();
    }

    /** Notes a problem with a parameter. */
    public void error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        errors.add(error);
    }
}

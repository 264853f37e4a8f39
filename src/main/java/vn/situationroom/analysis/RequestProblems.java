package vn.situationroom.analysis;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The problems found in an analysis request, each naming its field, answered together as one RFC 9457 problem: what
 * the detect and the cluster back-test endpoints share.
 */
final class RequestProblems {

    private final List<Map<String, String>> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The request's date field, or null with a problem noted. */
    LocalDate date(JsonNode request, String name) {
        try {
            return LocalDate.parse(request.path(name).asString(""));
        } catch (DateTimeParseException e) {
            add(name, "must be a date such as 2026-03-01");
            return null;
        }
    }

    /** The 400 answer listing every problem, with the request's kind ("detection") in its title and detail. */
    ResponseEntity<ProblemDetail> answer(String kind) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, errors.size() + " problem(s) in the " + kind + " request.");
        problem.setTitle("Invalid " + kind + " request");
        problem.setProperty("errors", List.copyOf(errors));
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

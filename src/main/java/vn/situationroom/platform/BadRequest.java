package vn.situationroom.platform;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A 400 answer as problem+json that names the one parameter at fault, the way every REST endpoint here refuses. */
public final class BadRequest {

    private BadRequest() {}

    /** {@code title} for the request, and {@code parameter} with what is wrong with it. */
    public static ResponseEntity<ProblemDetail> naming(String title, String parameter, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + " " + message);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

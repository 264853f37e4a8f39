package vn.situationroom.intake;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The RFC 9457 problem answers of intake's REST endpoints, each with a type URI that clients can branch on. */
final class IntakeProblems {

    static final URI INVALID_EVENTS = URI.create("/problems/invalid-events");
    static final URI TOO_LARGE = URI.create("/problems/request-too-large");
    static final URI BROKER_UNAVAILABLE = URI.create("/problems/broker-unavailable");

    private IntakeProblems() {}

    /** 400: the offered events, with every violation; nothing was written. */
    static ResponseEntity<ProblemDetail> invalid(List<?> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, errors.size() + " problem(s) in the offered events; nothing was stored.");
        problem.setType(INVALID_EVENTS);
        problem.setTitle("Invalid reception events");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** 413: the body is over the limit; nothing was read past it and nothing was written. */
    static ResponseEntity<ProblemDetail> tooLarge(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        problem.setType(TOO_LARGE);
        problem.setTitle("Request too large");
        problem.setProperty("errors", List.of(new Violation("$", "too-large", detail)));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** 503: the broker did not commit; nothing was written and the same request may be sent again. */
    static ProblemDetail brokerUnavailable(IntakeService.PublishFailedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The events were not stored: " + e.getMessage() + ". Send the same request again; ids already "
                        + "stored are counted once.");
        problem.setType(BROKER_UNAVAILABLE);
        problem.setTitle("Event store unavailable");
        return problem;
    }
}

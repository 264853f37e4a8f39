package vn.situationroom.intake;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import vn.situationroom.platform.Json;

/**
 * {@code POST /api/v1/events}: one event object or an array of them. All or nothing: when any element is invalid,
 * the answer names every bad field of every bad element and nothing of the request is written.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventsController {

    static final int MAX_EVENTS_PER_REQUEST = 1000;
    private static final URI INVALID_EVENTS = URI.create("/problems/invalid-events");
    private static final URI BROKER_UNAVAILABLE = URI.create("/problems/broker-unavailable");

    private final ReceptionEventReader reader;
    private final ReceptionEventPublisher publisher;

    EventsController(ReceptionEventReader reader, ReceptionEventPublisher publisher) {
        this.reader = reader;
        this.publisher = publisher;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@RequestBody byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return invalid(List.of(new Violation("$", "malformed JSON: " + e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode() || !(root.isObject() || root.isArray())) {
            return invalid(List.of(new Violation("$", "the body must be one event object or an array of events")));
        }
        if (root.isArray() && (root.isEmpty() || root.size() > MAX_EVENTS_PER_REQUEST)) {
            return invalid(List.of(new Violation("$",
                    "an array must hold from 1 to " + MAX_EVENTS_PER_REQUEST + " events, not " + root.size())));
        }
        List<ReceptionEvent> events = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        List<JsonNode> elements = root.isArray() ? root.valueStream().toList() : List.of(root);
        for (int i = 0; i < elements.size(); i++) {
            switch (reader.read(elements.get(i))) {
                case EventCheck.Valid valid -> events.add(valid.event());
                case EventCheck.Invalid invalid -> {
                    int index = i;
                    invalid.violations().forEach(v -> violations.add(root.isArray() ? v.at(index) : v));
                }
            }
        }
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        publisher.publish(events);
        return ResponseEntity.accepted()
                .body(Map.of("accepted", events.stream().map(ReceptionEvent::eventId).toList()));
    }

    @ExceptionHandler(ReceptionEventPublisher.PublishFailedException.class)
    ProblemDetail brokerUnavailable(ReceptionEventPublisher.PublishFailedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The events were not stored: " + e.getMessage() + ". Send the same request again; ids already "
                        + "stored are counted once.");
        problem.setType(BROKER_UNAVAILABLE);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> invalid(List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                violations.size() + " problem(s) in the offered events; nothing was stored.");
        problem.setType(INVALID_EVENTS);
        problem.setTitle("Invalid reception events");
        problem.setProperty("errors", violations);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

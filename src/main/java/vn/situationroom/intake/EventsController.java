package vn.situationroom.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
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

    private final IntakeService intake;
    private final long maxRequestBytes;

    EventsController(IntakeService intake, IntakeProperties properties) {
        this.intake = intake;
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
        byte[] body = readAtMost(request, maxRequestBytes);
        if (body == null) {
            return IntakeProblems.tooLarge("the body is larger than " + maxRequestBytes + " bytes; send the events in "
                    + "several requests of at most " + MAX_EVENTS_PER_REQUEST + " events");
        }
        if (body.length == 0) {
            return IntakeProblems.invalid(List.of(
                    new Violation("$", "empty", "the body is empty; send one event object or an array of events")));
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return IntakeProblems.invalid(
                    List.of(new Violation("$", "malformed-json", "malformed JSON: " + e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode() || !(root.isObject() || root.isArray())) {
            return IntakeProblems.invalid(List.of(
                    new Violation("$", "not-an-object", "the body must be one event object or an array of events")));
        }
        if (root.isArray() && (root.isEmpty() || root.size() > MAX_EVENTS_PER_REQUEST)) {
            return IntakeProblems.invalid(List.of(new Violation(
                    "$",
                    "too-many",
                    "an array must hold from 1 to " + MAX_EVENTS_PER_REQUEST + " events, not " + root.size(),
                    List.of(MAX_EVENTS_PER_REQUEST))));
        }
        List<JsonNode> elements = root.isArray() ? root.valueStream().toList() : List.of(root);
        List<EventCheck> checks = intake.check(elements);
        List<EventCheck.Valid> accepted = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            switch (checks.get(i)) {
                case EventCheck.Valid valid -> accepted.add(valid);
                case EventCheck.Invalid invalid -> {
                    int index = i;
                    invalid.violations().forEach(v -> violations.add(root.isArray() ? v.at(index) : v));
                }
            }
        }
        if (!violations.isEmpty()) {
            return IntakeProblems.invalid(violations);
        }
        return ResponseEntity.accepted().body(Map.of("accepted", intake.submit(accepted)));
    }

    @ExceptionHandler(IntakeService.PublishFailedException.class)
    ProblemDetail brokerUnavailable(IntakeService.PublishFailedException e) {
        return IntakeProblems.brokerUnavailable(e);
    }

    /** The body, or {@code null} when it is longer than {@code limit}; read no further than that. */
    static byte[] readAtMost(HttpServletRequest request, long limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return body.length > limit ? null : body;
        }
    }
}

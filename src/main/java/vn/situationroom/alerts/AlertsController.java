package vn.situationroom.alerts;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.live.LiveAlerts;

/**
 * {@code /api/v1/alerts}: the active alerts, and {@code POST …/{id}/ack} and {@code …/{id}/resolve} with
 * an optional {@code {"by": "…", "note": "…"}}: the decision is recorded as the token's or the officer's who sent it,
 * and the texts are its note. The answer is 202: the analytics apply the command, and the alert's new state follows on
 * the {@code alerts} topic and in {@code GET /api/v1/alerts/{id}}.
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertsController {

    private final AlertService service;
    private final LiveAlerts alerts;

    AlertsController(AlertService service, LiveAlerts alerts) {
        this.service = service;
        this.alerts = alerts;
    }

    @GetMapping
    List<Alert> active() {
        return alerts.active();
    }

    @GetMapping("/{id}")
    ResponseEntity<Alert> one(@PathVariable String id) {
        return ResponseEntity.of(alerts.find(id));
    }

    @PostMapping(path = "/{id}/ack", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> acknowledge(@PathVariable String id, @RequestBody JsonNode body) {
        return decide(body, (by, note) -> service.acknowledge(id, by, note));
    }

    @PostMapping(path = "/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> resolve(@PathVariable String id, @RequestBody JsonNode body) {
        return decide(body, (by, note) -> service.resolve(id, by, note));
    }

    private ResponseEntity<?> decide(JsonNode body, java.util.function.BiFunction<String, String, Object> action) {
        String by = body.path("by").asString("").strip();
        String note = body.path("note").asString("").strip();
        if (by.length() > 200 || note.length() > 2000) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "The decision is recorded as the token's; by (who acted, at most 200 characters) and note (at most"
                            + " 2000) are optional notes.");
            problem.setProperty(
                    "errors",
                    List.of(Map.of(
                            "field",
                            by.length() > 200 ? "by" : "note",
                            "message",
                            by.length() > 200 ? "at most 200 characters" : "at most 2000 characters")));
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.accepted().body(action.apply(by.isEmpty() ? null : by, note.isEmpty() ? null : note));
    }

    @ExceptionHandler(AlertService.UnknownAlertException.class)
    ProblemDetail unknown(AlertService.UnknownAlertException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AlertService.AlertClosedException.class)
    ProblemDetail closed(AlertService.AlertClosedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}

package vn.situationroom.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.situationroom.region.Unit;

/**
 * The region's units and their live levels: {@code GET /api/v1/region/units?parent=<code>} lists the units under one
 * (the top of the region without a parent) with their number of communes; {@code GET /api/v1/region/units/<code>}
 * gives one unit's level, the communes that make it so, its counts of the current hour, and its children's levels.
 */
@RestController
@RequestMapping("/api/v1/region/units")
class UnitsController {

    private final UnitLevels units;

    UnitsController(UnitLevels units) {
        this.units = units;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list(@RequestParam(required = false) String parent) {
        if (parent == null || parent.isBlank()) {
            return ResponseEntity.ok(
                    units.top().stream().map(UnitsController::summary).toList());
        }
        return units.children(parent.strip())
                .<ResponseEntity<?>>map(children -> ResponseEntity.ok(
                        children.stream().map(UnitsController::summary).toList()))
                .orElseGet(() -> unknown("parent", parent));
    }

    @GetMapping(path = "/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> one(@PathVariable String code) {
        return units.state(code)
                .<ResponseEntity<?>>map(state -> {
                    Map<String, Object> body = state(state);
                    body.put(
                            "children",
                            units.childStates(code).stream()
                                    .map(UnitsController::state)
                                    .toList());
                    return ResponseEntity.ok(body);
                })
                .orElseGet(() -> unknown("code", code));
    }

    private static Map<String, Object> summary(Unit unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", unit.code());
        body.put("name", unit.name());
        body.put("kind", unit.kind());
        body.put("parent", unit.parentCode());
        body.put("communes", unit.communes().size());
        return body;
    }

    private static Map<String, Object> state(UnitLevels.UnitState state) {
        Map<String, Object> body = summary(state.unit());
        body.put("level", state.level());
        body.put("because", state.because());
        body.put("events", state.events());
        body.put("people", state.people());
        return body;
    }

    private static ResponseEntity<ProblemDetail> unknown(String field, String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "No unit " + code + " in the loaded region (or not one this viewer may see).");
        problem.setTitle("Unknown unit");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", "is not a unit of the loaded region")));
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

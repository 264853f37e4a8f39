package vn.situationroom.cases;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.situationroom.platform.BadRequest;
import vn.situationroom.region.Region;

/**
 * {@code GET /api/v1/cases?since=2026-01-01&commune=29416}: the cases with an event since a day (90 days back when not
 * given), each with its dates, its next legal deadline and how that stands today, the late first.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CasesController {

    /** No history reaches further back; an earlier day is a typing mistake. */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final Cases cases;
    private final Region region;

    CasesController(Cases cases, Region region) {
        this.cases = cases;
        this.region = region;
    }

    @GetMapping
    ResponseEntity<?> list(@RequestParam Map<String, String> parameters) {
        List<String> unknown = parameters.keySet().stream().filter(p -> !List.of("since", "commune").contains(p))
                .toList();
        if (!unknown.isEmpty()) {
            return problem(unknown.getFirst(), "is not a parameter of this list (since, commune)");
        }
        LocalDate today = cases.today();
        LocalDate since;
        try {
            since = parameters.containsKey("since") ? LocalDate.parse(parameters.get("since")) : today.minusDays(90);
        } catch (DateTimeParseException e) {
            return problem("since", "must be a date such as 2026-03-01");
        }
        if (since.isBefore(EARLIEST) || since.isAfter(today)) {
            return problem("since", "must be a day from " + EARLIEST + " to today");
        }
        List<String> communes = parameters.containsKey("commune")
                ? Arrays.stream(parameters.get("commune").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .toList()
                : List.of();
        for (String commune : communes) {
            if (!region.contains(commune)) {
                return problem("commune", commune + " is not a commune of the loaded region");
            }
        }
        return ResponseEntity.ok(Map.of("today", today.toString(), "cases", cases.active(since, communes, today)));
    }

    private static ResponseEntity<ProblemDetail> problem(String parameter, String message) {
        return BadRequest.naming("Invalid cases request", parameter, message);
    }
}

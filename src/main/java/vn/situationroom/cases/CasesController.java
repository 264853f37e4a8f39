package vn.situationroom.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.situationroom.platform.QueryReader;
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
    private final CasePersons persons;
    private final Region region;

    CasesController(Cases cases, CasePersons persons, Region region) {
        this.cases = cases;
        this.persons = persons;
        this.region = region;
    }

    /** The citizens of a case, for its handler only (403 for anyone else); every read is audited. */
    @GetMapping("/{caseRef}/persons")
    Map<String, Object> persons(@PathVariable String caseRef) {
        return Map.of("caseRef", caseRef, "persons", persons.read(caseRef));
    }

    @GetMapping
    ResponseEntity<?> list(@RequestParam MultiValueMap<String, String> query) {
        QueryReader params = new QueryReader(query, "Invalid cases request", "since", "commune");
        LocalDate today = cases.today();
        LocalDate since = params.date("since", today.minusDays(90));
        if (since != null && (since.isBefore(EARLIEST) || since.isAfter(today))) {
            params.error("since", "must be a day from " + EARLIEST + " to today");
        }
        List<String> communes = params.communes(region::contains, region.name());
        if (params.failed()) {
            return params.problem();
        }
        return ResponseEntity.ok(Map.of("today", today.toString(), "cases", cases.active(since, communes, today)));
    }
}

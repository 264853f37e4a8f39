package vn.situationroom.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events/import}: a CSV file of events (text/csv, UTF-8, a header row of the JSON field names).
 * By default all or nothing; with {@code ?mode=valid-rows} the valid rows are written and the others reported.
 */
@RestController
@RequestMapping("/api/v1/events/import")
class ImportController {

    private final CsvImport csvImport;

    ImportController(CsvImport csvImport) {
        this.csvImport = csvImport;
    }

    @PostMapping(consumes = "text/csv")
    ResponseEntity<?> importCsv(
            HttpServletRequest request, @RequestParam(name = "mode", defaultValue = "all-or-nothing") String mode)
            throws IOException {
        CsvImport.Mode importMode = switch (mode) {
            case "all-or-nothing" -> CsvImport.Mode.ALL_OR_NOTHING;
            case "valid-rows" -> CsvImport.Mode.VALID_ROWS;
            default -> null;
        };
        if (importMode == null) {
            return IntakeProblems.invalid(List.of(
                    new RowViolation(0, "mode", "unknown-value", "must be all-or-nothing or valid-rows, not " + mode)));
        }
        byte[] file = EventsController.readAtMost(request, csvImport.maxFileBytes());
        if (file == null) {
            return IntakeProblems.tooLarge(
                    "the file is larger than " + csvImport.maxFileBytes() + " bytes; split it into several files");
        }
        CsvImport.Checked checked = csvImport.check(file, done -> {});
        if (!checked.readable()
                || checked.valid().isEmpty()
                || (importMode == CsvImport.Mode.ALL_OR_NOTHING && !checked.clean())) {
            return IntakeProblems.invalid(checked.problems());
        }
        List<UUID> accepted = csvImport.submit(checked, importMode);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", checked.rows());
        body.put("accepted", accepted.size());
        body.put("skippedRows", checked.invalidRows());
        body.put("errors", checked.problems());
        return ResponseEntity.accepted().body(body);
    }

    @ExceptionHandler(IntakeService.PublishFailedException.class)
    ProblemDetail brokerUnavailable(IntakeService.PublishFailedException e) {
        return IntakeProblems.brokerUnavailable(e);
    }
}

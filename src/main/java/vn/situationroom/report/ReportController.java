package vn.situationroom.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.platform.BadRequest;

/**
 * {@code GET /api/v1/reports/daily?day=2026-03-15&format=pdf|docx}: the daily situation report of a day (today when
 * no day is given), in Vietnamese, as a file to download.
 */
@RestController
@RequestMapping("/api/v1/reports/daily")
class ReportController {

    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /** The report's language: the country's. */
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** No history reaches further back; an earlier day is a typing mistake. */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final DailyReportService reports;
    private final ElectionCalendar calendar;

    ReportController(DailyReportService reports, ElectionCalendar calendar) {
        this.reports = reports;
        this.calendar = calendar;
    }

    @GetMapping
    ResponseEntity<?> daily(@RequestParam Map<String, String> parameters) {
        List<String> unknown = parameters.keySet().stream().filter(p -> !List.of("day", "format").contains(p)).toList();
        if (!unknown.isEmpty()) {
            return problem(unknown.getFirst(), "is not a parameter of this report (day, format)");
        }
        LocalDate day;
        try {
            day = parameters.containsKey("day") ? LocalDate.parse(parameters.get("day")) : LocalDate.now(calendar.zone());
        } catch (DateTimeParseException e) {
            return problem("day", "must be a date such as 2026-03-15");
        }
        if (day.isAfter(LocalDate.now(calendar.zone()))) {
            return problem("day", "is in the future");
        }
        if (day.isBefore(EARLIEST)) {
            return problem("day", "must be on or after " + EARLIEST);
        }
        String format = parameters.getOrDefault("format", "pdf");
        if (!format.equals("pdf") && !format.equals("docx")) {
            return problem("format", "must be pdf or docx");
        }
        DailyReport report = reports.build(day, VIETNAMESE);
        byte[] file = format.equals("pdf") ? new PdfReport().write(report, calendar.zone())
                : new DocxReport().write(report, calendar.zone());
        return ResponseEntity.ok()
                .contentType(format.equals("pdf") ? MediaType.APPLICATION_PDF : DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("bao-cao-tinh-hinh-" + day + "." + format).build().toString())
                .body(file);
    }

    private static ResponseEntity<ProblemDetail> problem(String parameter, String message) {
        return BadRequest.naming("Invalid report request", parameter, message);
    }
}

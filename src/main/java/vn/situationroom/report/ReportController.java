package vn.situationroom.report;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.platform.QueryReader;
import vn.situationroom.security.AuditLog;

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
    private final AuditLog audit;

    ReportController(DailyReportService reports, ElectionCalendar calendar, AuditLog audit) {
        this.reports = reports;
        this.calendar = calendar;
        this.audit = audit;
    }

    @GetMapping
    ResponseEntity<?> daily(@RequestParam MultiValueMap<String, String> query) {
        QueryReader params = new QueryReader(query, "Invalid report request", "day", "format");
        LocalDate today = LocalDate.now(calendar.zone());
        LocalDate day = params.date("day", today);
        if (day != null && day.isAfter(today)) {
            params.error("day", "is in the future");
        }
        if (day != null && day.isBefore(EARLIEST)) {
            params.error("day", "must be on or after " + EARLIEST);
        }
        String format = params.oneOf("format", "pdf", "pdf", "docx");
        if (params.failed()) {
            return params.problem();
        }
        audit.record(AuditLog.Action.REPORT, day.toString(), format);
        DailyReport report = reports.build(day, VIETNAMESE);
        byte[] file = format.equals("pdf") ? new PdfReport().write(report, calendar.zone())
                : new DocxReport().write(report, calendar.zone());
        return ResponseEntity.ok()
                .contentType(format.equals("pdf") ? MediaType.APPLICATION_PDF : DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("bao-cao-tinh-hinh-" + day + "." + format).build().toString())
                .body(file);
    }
}

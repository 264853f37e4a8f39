package vn.situationroom.report;

import java.time.Clock;
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
 * no day is given), or {@code ?from=…&to=…} of a span of up to 31 days, in Vietnamese, as a file to download.
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

    private final Clock clock;

    ReportController(DailyReportService reports, ElectionCalendar calendar, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.reports = reports;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** The longest span one report covers. */
    @GetMapping
    ResponseEntity<?> daily(@RequestParam MultiValueMap<String, String> query) {
        QueryReader params = new QueryReader(query, "Invalid report request", "day", "from", "to", "format");
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        boolean span = query.containsKey("from") || query.containsKey("to");
        if (span && query.containsKey("day")) {
            params.error("day", "give either day, or from and to");
        }
        LocalDate from = span ? params.date("from") : params.date("day", today);
        LocalDate to = span ? params.date("to") : from;
        if (span && (from == null || to == null) && !params.failed()) {
            params.error(from == null ? "from" : "to", "is required with " + (from == null ? "to" : "from"));
        }
        String first = span ? "from" : "day";
        if (from != null && from.isBefore(EARLIEST)) {
            params.error(first, "must be on or after " + EARLIEST);
        }
        if (to != null && to.isAfter(today)) {
            params.error(span ? "to" : "day", "is in the future");
        }
        if (from != null && to != null && !DailyReportService.holds(from, to)) {
            params.error(
                    "to", "must be on or after from, at most " + DailyReportService.MAX_SPAN_DAYS + " days in all");
        }
        String format = params.oneOf("format", "pdf", "pdf", "docx");
        if (params.failed()) {
            return params.problem();
        }
        audit.record(AuditLog.Action.REPORT, from.equals(to) ? from.toString() : from + "/" + to, format);
        DailyReport report = reports.build(from, to, VIETNAMESE);
        byte[] file = format.equals("pdf")
                ? new PdfReport().write(report, calendar.zone())
                : new DocxReport().write(report, calendar.zone());
        return ResponseEntity.ok()
                .contentType(format.equals("pdf") ? MediaType.APPLICATION_PDF : DOCX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("bao-cao-tinh-hinh-" + (from.equals(to) ? from : from + "_" + to) + "."
                                        + format)
                                .build()
                                .toString())
                .body(file);
    }
}

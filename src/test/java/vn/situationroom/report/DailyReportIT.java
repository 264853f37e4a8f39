package vn.situationroom.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.cases.CasesProperties;
import vn.situationroom.cases.LegalClock;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;

/**
 * The daily report of a simulated day, read back as a reader would: its text (PDFBox for the PDF, POI for the DOCX)
 * holds the Vietnamese title, the day's totals equal to the dashboards' figures, the commune and its reason, and page 1
 * renders to an image saved for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class DailyReportIT {

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Autowired
    CasesProperties caseSettings;

    @Test
    void the_report_of_a_day_says_what_the_dashboards_say_in_vietnamese() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        TestHttp http = new TestHttp(port);
        OffsetDateTime at =
                OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = at.toLocalDate();
        assertThat(http.postJson("/api/v1/events", """
                [{"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"DISTRICT_OFFICE",\
                "type":"VISIT","content":"COMPLAINT","field":"LAND","headcount":23},
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"DISTRICT_OFFICE",\
                "type":"PETITION","content":"DENUNCIATION","field":"ELECTION_CANDIDATE","candidateRelated":true}]""".formatted(
                                        UUID.randomUUID(), at, commune.code(), UUID.randomUUID(), at, commune.code()))
                        .statusCode())
                .isEqualTo(202);
        // A complaint received more than a year ago and never accepted: the longest overdue case of the district.
        String lateCase = "KN-R" + (100_000 + new java.util.Random().nextInt(900_000));
        LocalDate received = day.minusDays(400);
        assertThat(http.postJson("/api/v1/events", """
                [{"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"COMMUNE_OFFICE",\
                "type":"PETITION","content":"COMPLAINT","field":"LAND","caseRef":"%s"}]""".formatted(
                                        UUID.randomUUID(), at.minusDays(400), commune.code(), lateCase))
                        .statusCode())
                .isEqualTo(202);
        long daysLate =
                ChronoUnit.DAYS.between(caseSettings.clock().acceptBy(LegalClock.Kind.COMPLAINT, received), day);
        String lateLine = lateCase + " " + commune.fullName() + " Khiếu nại Thụ lý hoặc từ chối thụ lý "
                + caseSettings
                        .clock()
                        .acceptBy(LegalClock.Kind.COMPLAINT, received)
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + " " + daysLate;
        // Both events are in the commune's day window.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.getJson("/api/v1/history/trend?counter=events&from=" + day + "&to=" + day
                                        + "&commune=" + commune.code())
                                .get("total")
                                .asLong()
                        == 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.getJson("/api/v1/cases?commune=" + commune.code())
                        .toString()
                        .contains(lateCase));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        http.getJson("/api/v1/history/alerts?from=" + day + "&to=" + day + "&commune=" + commune.code())
                                        .get("items")
                                        .size()
                                >= 1);
        // The region's figure, as the wall shows it: once its rollup has caught up with every commune's row.
        long people = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            long sum = 0;
                            for (var ranked : http.getJson(
                                            "/api/v1/history/top?counter=people&limit=1000&from=" + day + "&to=" + day)
                                    .get("communes")) {
                                sum += ranked.get("value").asLong();
                            }
                            long region = http.getJson(
                                            "/api/v1/history/trend?counter=people&from=" + day + "&to=" + day)
                                    .get("total")
                                    .asLong();
                            return region == sum ? region : -1;
                        },
                        total -> total >= 23);

        byte[] pdf = download("/api/v1/reports/daily?day=" + day + "&format=pdf", "application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Table cells wrap their text: lines are read back as one text with single spaces.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(
                            "BÁO CÁO TÌNH HÌNH TIẾP CÔNG DÂN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO",
                            "ngày " + day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                            commune.fullName(),
                            "Đoàn đông người: 23 người");
            assertThat(text).contains("Số người " + people + " ");
            // A province of 105 communes is summarised by district, with only the communes that need attention.
            String district = region.path(commune.code()).get(1).name();
            assertThat(text)
                    .contains(
                            "4. Tình hình theo đơn vị và các xã, phường cần chú ý",
                            district,
                            "Các xã, phường cần chú ý (mức theo dõi trở lên)");
            assertThat(text).containsPattern("\\d+ xã, phường khác không cần chú ý nên không liệt kê");
            assertThat(text)
                    .contains("6. Vụ việc quá hạn (đến hết ngày)", "vụ việc khiếu nại, tố cáo quá hạn", lateLine);
            // No page ends with a section's heading ("3. Bản đồ …", read back as "3 . Bản đồ …"): it goes over with
            // what
            // it heads.
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper onePage = new PDFTextStripper();
                onePage.setSortByPosition(true);
                onePage.setStartPage(page);
                onePage.setEndPage(page);
                List<String> lines = onePage.getText(document)
                        .lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
                assertThat(lines.getLast()).as("the last line of page " + page).doesNotMatch("\\d+ ?\\. \\p{Lu}.*");
            }
            for (int page = 0; page < Math.min(2, document.getNumberOfPages()); page++) {
                BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 110);
                Path out = Path.of("target", "screenshots", "report-page" + (page + 1) + ".png");
                Files.createDirectories(out.getParent());
                ImageIO.write(image, "png", out.toFile());
            }
            // The last page, with the overdue cases.
            ImageIO.write(
                    new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 110),
                    "png",
                    Path.of("target", "screenshots", "report-last-page.png").toFile());
        }

        byte[] docx = download(
                "/api/v1/reports/daily?day=" + day + "&format=docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText().replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("BÁO CÁO TÌNH HÌNH TIẾP CÔNG DÂN", commune.fullName(), "Đoàn đông người: 23 người");
            assertThat(text).contains("Số người " + people + " ");
            assertThat(text).contains(lateLine);
            assertThat(text)
                    .contains(
                            "4. Tình hình theo đơn vị",
                            region.path(commune.code()).get(1).name());
            assertThat(document.getAllPictures()).hasSize(1);
            // Word keeps each section's heading on the page of what it heads.
            assertThat(document.getParagraphs())
                    .filteredOn(p -> p.getText().matches("\\d+\\. \\p{Lu}.*"))
                    .hasSizeGreaterThanOrEqualTo(6)
                    .allMatch(org.apache.poi.xwpf.usermodel.XWPFParagraph::isKeepNext);
        }

        // A span of days: the counts summed over it, in the words of a period.
        LocalDate yesterday = day.minusDays(1);
        long spanPeople = http.getJson("/api/v1/history/trend?counter=people&from=" + yesterday + "&to=" + day)
                .get("total")
                .asLong();
        byte[] spanPdf =
                download("/api/v1/reports/daily?from=" + yesterday + "&to=" + day + "&format=pdf", "application/pdf");
        try (PDDocument document = Loader.loadPDF(spanPdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            var dates = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
            assertThat(text)
                    .contains(
                            "từ ngày " + yesterday.format(dates) + " đến ngày " + day.format(dates),
                            "Tổng hợp trong kỳ",
                            "Số người " + spanPeople + " ",
                            commune.fullName());
        }

        // Each refused request, and the parameter its answer names.
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("day=2026-02-30", "day");
        refusals.put("format=odt", "format");
        refusals.put("days=1", "days");
        refusals.put("day=2999-01-01", "day");
        refusals.put("day=-999999999-01-01", "day");
        refusals.put("from=" + day, "to");
        refusals.put("to=" + day, "from");
        refusals.put("day=" + day + "&from=" + day + "&to=" + day, "day");
        refusals.put("from=" + day.minusDays(40) + "&to=" + day, "to");
        refusals.put("from=" + day + "&to=" + yesterday, "to");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            String bad = refusal.getKey();
            HttpResponse<String> refused = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/api/v1/reports/daily?" + bad))
                                    .header("Authorization", "Bearer " + TestHttp.TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("\"" + refusal.getValue() + "\"");
        }
    }

    private byte[] download(String path, String type) throws Exception {
        HttpResponse<String> head = new TestHttp(port).get(path);
        assertThat(head.headers().firstValue("Content-Type")).hasValue(type);
        return new TestHttp(port).getBytes(path);
    }
}

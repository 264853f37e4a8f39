package vn.situationroom.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.detection.Detector;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Unit;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;

/**
 * The analyst's view: a commune's page opened from a shared address keeps its filters through a reload, shows the
 * filtered events and the trend with the election's bands, and exports the events to CSV and XLSX with the filters
 * applied.
 */
class AnalysisBrowserIT extends BrowserTest {

    @Test
    void a_district_picked_as_the_unit_picks_its_communes() throws Exception {
        Unit district = region.unit(
                        region.path(region.communes().getFirst().code()).get(1).code())
                .orElseThrow();
        WebDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        signIn(driver, Roles.INSPECTION);
        driver.get("http://localhost:" + port + "/analysis");
        wait.until(d ->
                !d.findElements(By.cssSelector("vaadin-select.analysis-unit")).isEmpty());
        driver.findElement(By.cssSelector("vaadin-select.analysis-unit")).click();
        wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .anyMatch(item -> item.getText().endsWith(district.name())));
        driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.getText().endsWith(district.name()))
                .findFirst()
                .orElseThrow()
                .click();
        wait.withMessage(() -> "the address " + driver.getCurrentUrl() + " names the "
                        + district.communes().size() + " communes of " + district.name())
                .until(d -> communesIn(d.getCurrentUrl()).equals(java.util.Set.copyOf(district.communes())));
        wait.withMessage(() -> "the heading names " + district.name())
                .until(d -> d.findElement(By.cssSelector(".analysis-heading"))
                        .getText()
                        .startsWith(district.name()));
        chromium.screenshot("analysis-unit.png");
    }

    /** The communes an analysis address names (commune=a,b,c). */
    private static java.util.Set<String> communesIn(String url) {
        String query = java.net.URLDecoder.decode(
                url.substring(url.indexOf('?') + 1), java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.stream(query.split("&"))
                .filter(parameter -> parameter.startsWith("commune="))
                .flatMap(parameter -> java.util.Arrays.stream(
                        parameter.substring("commune=".length()).split(",")))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void filters_survive_a_reload_and_the_export_holds_the_filtered_rows() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        TestHttp http = new TestHttp(port);
        OffsetDateTime at =
                OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = at.toLocalDate();
        String caseRef = "KN-" + UUID.randomUUID();
        List<String> events = List.of(
                event(
                        commune,
                        at,
                        "VISIT",
                        ",\"content\":\"COMPLAINT\",\"field\":\"LAND\",\"headcount\":3," + "\"caseRef\":\"" + caseRef
                                + "\",\"summary\":\"Tranh chấp ranh giới đất\""),
                event(commune, at.minusMinutes(5), "VISIT", ",\"content\":\"REFLECTION\",\"field\":\"LAND\""),
                event(commune, at.minusMinutes(9), "PETITION", ",\"content\":\"DENUNCIATION\",\"field\":\"OTHER\""));
        assertThat(http.postJson("/api/v1/events", "[" + String.join(",", events) + "]")
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                // The earliest is 9 minutes before: just after midnight, on the day before.
                .until(() -> http.getJson("/api/v1/history/events?commune=" + commune.code() + "&from="
                                        + at.minusMinutes(9).toLocalDate() + "&to=" + today)
                                .get("total")
                                .asLong()
                        == 3);

        WebDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        String address = "http://localhost:" + port + "/analysis?from=" + today.minusDays(6) + "&to=" + today
                + "&commune=" + commune.code() + "&counter=visits&granularity=DAY&type=VISIT&field=LAND&tab=EVENTS";
        signIn(driver, Roles.INSPECTION);
        driver.get(address);
        assertEventsPage(driver, wait, commune);

        // Reloaded (or opened by a colleague from the same address): the same filters, the same rows.
        ((JavascriptExecutor) driver).executeScript("window.__beforeReload = true;");
        driver.navigate().refresh();
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return window.__beforeReload === undefined;"));
        assertEventsPage(driver, wait, commune);
        assertThat(driver.getCurrentUrl())
                .contains("commune=" + commune.code(), "type=VISIT", "field=LAND", "tab=EVENTS");
        // The situation report of the whole week picked, in the officer's own session.
        byte[] period = download(driver, ".report-span-pdf");
        assertThat(new String(period, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(driver.findElement(By.cssSelector(".report-span-pdf")).getDomProperty("href"))
                .contains("from=" + today.minusDays(6), "to=" + today);
        chromium.screenshot("analysis-events.png");

        // The export of the list: the two land visits of the commune, not the petition.
        List<CSVRecord> csv = CSVFormat.EXCEL
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(
                        new String(download(driver, ".analysis-events-tab .export-csv"), StandardCharsets.UTF_8)
                                .replace("\uFEFF", "")))
                .getRecords();
        assertThat(csv).hasSize(2);
        assertThat(csv).allSatisfy(row -> {
            assertThat(row.get("Mã xã")).isEqualTo(commune.code());
            assertThat(row.get("Loại sự việc")).isEqualTo("Lượt tiếp công dân");
            assertThat(row.get("Lĩnh vực")).isEqualTo("Đất đai");
        });
        assertThat(csv.stream().map(r -> r.get("Mã vụ việc")).collect(Collectors.toSet()))
                .contains(caseRef);
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(download(driver, ".analysis-events-tab .export-xlsx")))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(1 + 2);
            List<String> codes = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    codes.add(row.getCell(2).getStringCellValue());
                    assertThat(row.getCell(7).getNumericCellValue()).isPositive();
                }
            }
            assertThat(codes).containsOnly(commune.code());
        }

        // The day's situation report, a link away.
        assertThat(driver.findElement(By.cssSelector("a.report-pdf")).getDomProperty("href"))
                .endsWith("/api/v1/reports/daily?day=" + today + "&format=pdf");

        // The trend: a line for the commune over the 7 days, with the election's phases behind it.
        driver.findElements(By.cssSelector("vaadin-tab")).getFirst().click();
        wait.until(d -> d.getCurrentUrl().contains("counter=visits")
                && !d.getCurrentUrl().contains("tab="));
        wait.until(d -> String.valueOf(
                        d.findElement(By.cssSelector("sr-chart.analysis-trend")).getDomAttribute("data-series"))
                .endsWith(":7"));
        wait.until(d -> !d.findElements(By.cssSelector("sr-chart.analysis-trend svg path"))
                .isEmpty());
        chromium.screenshot("analysis.png");

        // The back-test over the commune's days: the counts as bars, the default detector's bound (Farrington's, the
        // live analytics' own), and a summary of its alarms.
        driver.findElements(By.cssSelector("vaadin-tab")).get(3).click();
        wait.until(d -> d.getCurrentUrl().contains("tab=BACKTEST"));
        assertThat(driver.findElement(By.cssSelector("vaadin-integer-field.analysis-backtest-weeks"))
                        .getDomProperty("placeholder"))
                .as("the hint is the catalogue's default of Farrington-Flexible")
                .isEqualTo(String.valueOf(
                        Detector.FARRINGTON.parameter("b").orElseThrow().defaultValue()));
        assertThat(driver.findElements(By.cssSelector("vaadin-integer-field.analysis-backtest-baseline")))
                .as("EARS's baseline field is not Farrington's")
                .allMatch(field -> !field.isDisplayed());
        driver.findElement(By.cssSelector("vaadin-button.analysis-backtest-run"))
                .click();
        wait.until(d -> d.findElement(By.cssSelector(".analysis-backtest-summary"))
                .getText()
                .startsWith(commune.name() + ": 7 ngày"));
        assertThat(driver.findElement(By.cssSelector(".analysis-backtest-summary"))
                        .getText())
                .as("beside the method's alarms, what the live analytics did raise")
                .containsPattern("\\d+ cảnh báo đã thực sự phát ra");
        wait.until(d -> String.valueOf(d.findElement(By.cssSelector("sr-chart.analysis-backtest"))
                        .getDomAttribute("data-series"))
                .startsWith("Số lượt và đơn thư:7"));
        chromium.screenshot("analysis-backtest.png");
    }

    private void assertEventsPage(WebDriver driver, WebDriverWait wait, Commune commune) {
        wait.until(d ->
                d.findElement(By.cssSelector(".analysis-heading")).getText().contains(commune.fullName()));
        wait.until(
                d -> Long.valueOf(2)
                        .equals(
                                ((JavascriptExecutor) d)
                                        .executeScript(
                                                "const g = document.querySelector('vaadin-grid.analysis-events'); return g ? g.size : -1;")));
        assertThat(((JavascriptExecutor) driver)
                        .executeScript(
                                "return document.querySelector('vaadin-multi-select-combo-box').selectedItems.length;"))
                .as("the commune is picked in the filter")
                .isEqualTo(1L);
    }

    /** Fetches an export link's file in the browser's session, as the browser would on a click. */
    private byte[] download(WebDriver driver, String link) throws Exception {
        String href = driver.findElement(By.cssSelector(link)).getDomProperty("href");
        String cookies = driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String event(Commune commune, OffsetDateTime at, String type, String extra) {
        return "{\"eventId\":\"%s\",\"occurredAt\":\"%s\",\"communeCode\":\"%s\",\"receptionPoint\":\"DISTRICT_OFFICE\","
                        .formatted(UUID.randomUUID(), at, commune.code())
                + "\"type\":\"" + type + "\"" + extra + "}";
    }
}

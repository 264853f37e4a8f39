package vn.situationroom.wall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Unit;
import vn.situationroom.roster.DutyRoster;
import vn.situationroom.ui.BrowserTest;

/**
 * The wall screen on a 1920x1080 screen: every commune on the map, the day's tiles, and an event that changes a tile,
 * a commune's colour and the alert ticker with no reload and nothing scrolled.
 */
class WallBrowserIT extends BrowserTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    DutyRoster roster;

    @Test
    void the_wall_shows_the_region_and_today_and_follows_a_new_event_live() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        String officer = onDutyNow("Trần Thị Trực ", ReceptionPoint.DISTRICT_OFFICE, null);
        var driver = chromium.driver();
        signInKiosk(driver);
        driver.get("http://localhost:" + port + "/wall");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]"))
                        .size()
                == region.communes().size());
        assertThat(driver.findElements(By.cssSelector(".wall-tile[data-counter]")))
                .hasSize(FigureTiles.TILES.size());
        assertThat(driver.findElement(By.cssSelector(".wall-phase")).getText()).containsIgnoringCase("bầu cử");
        wait.until(d -> d.findElement(By.cssSelector(".wall-on-duty")).getText().contains(officer));
        assertThat(driver.findElement(By.cssSelector(".wall-on-duty")).getText())
                .startsWith("Trực ban: ")
                .contains("Ban Tiếp công dân tỉnh");
        By incidents = By.cssSelector(".wall-tile[data-counter='incidents'] .wall-tile-value");
        wait.until(d -> !d.findElement(incidents).getText().isBlank());
        long before = Long.parseLong(driver.findElement(incidents).getText());
        ((JavascriptExecutor) driver).executeScript("window.__samePage = true;");

        String at = OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7)))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(new TestHttp(port)
                        .postJson("/api/v1/events", """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"POLICE","type":"INCIDENT",\
                "severity":"GRAVE","headcount":40}""".formatted(UUID.randomUUID(), at, commune.code()))
                        .statusCode())
                .isEqualTo(202);

        By shape = By.cssSelector("sr-commune-map path[data-commune='" + commune.code() + "']");
        wait.until(d -> "CRITICAL".equals(d.findElement(shape).getDomAttribute("data-level")));
        wait.until(d -> Long.parseLong(d.findElement(incidents).getText()) == before + 1);
        wait.until(d -> d.findElement(By.cssSelector(".wall-ticker")).getText().contains(commune.fullName()));
        // The strip over the map names a commune to look at first, at the highest level there is.
        wait.until(d ->
                "CRITICAL".equals(d.findElement(By.cssSelector(".wall-hottest")).getDomAttribute("data-level")));
        assertThat(driver.findElement(By.cssSelector(".wall-hottest")).getText())
                .startsWith("Nóng nhất lúc này: ");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__samePage === true;"))
                .as("the page was not reloaded")
                .isEqualTo(true);
        assertThat(((JavascriptExecutor) driver)
                        .executeScript("return document.scrollingElement.scrollHeight <= window.innerHeight"
                                + " && document.scrollingElement.scrollWidth <= window.innerWidth;"))
                .as("nothing to scroll on the wall")
                .isEqualTo(true);
        chromium.screenshot("wall.png");
    }

    @Test
    void a_wall_for_one_district_shows_its_communes_figures_and_alerts_only() throws Exception {
        Unit district = region.children(region.topUnits().getFirst().code()).getLast();
        String inside = district.communes().getLast();
        Commune outside = TestCommunes.fresh(region);
        while (district.communes().contains(outside.code())) {
            outside = TestCommunes.fresh(region);
        }
        // Officers on duty now for one of the district's communes and for another district: the district's wall
        // names the first, with the commune it serves, and not the other.
        String ours = onDutyNow("Lê Văn Xã ", ReceptionPoint.COMMUNE_OFFICE, inside);
        String theirs = onDutyNow(
                "Phạm Thị Huyện ",
                ReceptionPoint.DISTRICT_OFFICE,
                region.unit(outside.code()).orElseThrow().parentCode());
        var driver = chromium.driver();
        signInKiosk(driver);
        driver.get("http://localhost:" + port + "/wall?unit=" + district.code() + "&rotate=0");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]:not([data-marker])"))
                        .size()
                == district.communes().size());
        assertThat(driver.findElement(By.cssSelector(".wall-header h1")).getText())
                .startsWith(district.name());
        By people = By.cssSelector(".wall-tile[data-counter='people'] .wall-tile-value");
        wait.until(d -> !d.findElement(people).getText().isBlank());
        long before = Long.parseLong(driver.findElement(people).getText());

        TestHttp http = new TestHttp(port);
        assertThat(http.postJson("/api/v1/events", crowd(outside.code(), 33)).statusCode())
                .isEqualTo(202);
        assertThat(http.postJson("/api/v1/events", crowd(inside, 22)).statusCode())
                .isEqualTo(202);

        wait.until(d -> d.findElement(By.cssSelector(".wall-ticker")).getText().contains(region.placeName(inside)));
        wait.until(d -> Long.parseLong(d.findElement(people).getText()) >= before + 22);
        assertThat(driver.findElement(By.cssSelector(".wall-ticker")).getText())
                .as("an alert of a commune outside the district")
                .doesNotContain(outside.fullName());
        assertThat(driver.findElements(By.cssSelector("sr-commune-map path[data-commune='" + outside.code() + "']")))
                .isEmpty();
        By onDuty = By.cssSelector(".wall-on-duty");
        wait.until(d -> d.findElement(onDuty).getText().contains(ours));
        assertThat(driver.findElement(onDuty).getText())
                .contains(region.unit(inside).orElseThrow().name())
                .doesNotContain(theirs);
        chromium.screenshot("wall-district.png");

        driver.get("http://localhost:" + port + "/wall?unit=nowhere");
        wait.until(d ->
                d.findElement(By.cssSelector(".wall-unknown-unit")).getText().contains("nowhere"));
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]:not([data-marker])"))
                        .size()
                == region.communes().size());
    }

    /**
     * Puts an officer on duty from an hour ago to an hour from now, by the country's clock.
     *
     * @param point where the officer is on duty
     * @param unitCode the unit the officer serves, or null for the whole region
     * @return the officer's name: the prefix and a few random letters
     */
    private String onDutyNow(String namePrefix, ReceptionPoint point, String unitCode) {
        var now = java.time.LocalDateTime.now(TestClock.at(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        String officer = namePrefix + UUID.randomUUID().toString().substring(0, 4);
        java.time.LocalTime time = now.toLocalTime();
        java.time.LocalTime starts = time.getHour() == 0 ? java.time.LocalTime.MIN : time.minusHours(1);
        java.time.LocalTime ends = time.getHour() == 23 ? java.time.LocalTime.of(23, 59, 59) : time.plusHours(1);
        assertThat(roster.add(new DutyRoster.Shift(0, now.toLocalDate(), starts, ends, point, officer, null, unitCode)))
                .isEmpty();
        return officer;
    }

    private static String crowd(String commune, int headcount) {
        return """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"DISTRICT_OFFICE","type":"VISIT",
                 "content":"COMPLAINT","field":"LAND","headcount":%d}""".formatted(
                        UUID.randomUUID(),
                        OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS),
                        commune,
                        headcount);
    }

    @Test
    void a_screen_set_to_rotate_turns_between_the_map_and_the_trend_panel() throws Exception {
        var driver = chromium.driver();
        WebDriverWait wait = openWall("rotate=3", Duration.ofSeconds(30));
        By trend = By.cssSelector(".wall-trend");
        By map = By.cssSelector(".wall-map:not(.wall-trend)");
        wait.until(d -> d.findElement(map).isDisplayed());
        wait.until(
                d -> d.findElement(trend).isDisplayed() && !d.findElement(map).isDisplayed());
        // The region's last 14 days of each of its counters, as lines.
        wait.until(d -> String.valueOf(d.findElement(By.cssSelector("sr-chart.wall-trend-chart"))
                                .getDomAttribute("data-series"))
                        .split("\\|")
                        .length
                == TrendPanel.COUNTERS.size());
        assertThat(driver.findElement(By.cssSelector("sr-chart.wall-trend-chart"))
                        .getDomAttribute("data-series"))
                .contains(":14");
        chromium.screenshot("wall-trend.png");
        wait.until(
                d -> d.findElement(map).isDisplayed() && !d.findElement(trend).isDisplayed());
    }

    @Test
    void a_network_drop_shows_connection_lost_until_the_wall_is_back() throws Exception {
        var driver = chromium.driver();
        signInKiosk(driver);
        driver.get("http://localhost:" + port + "/wall");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector(".wall-ticker")).isEmpty());
        By banner = By.cssSelector(".wall-connection-lost");
        assertThat(driver.findElement(banner).isDisplayed()).isFalse();

        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            wait.until(d -> d.findElement(banner).isDisplayed());
            assertThat(driver.findElement(banner).getText()).isEqualTo("Mất kết nối tới máy chủ, đang kết nối lại…");
            assertThat(driver.findElement(banner).getRect().getHeight()).isGreaterThanOrEqualTo(96);
            chromium.screenshot("wall-connection-lost.png");
        } finally {
            driver.executeCdpCommand(
                    "Network.emulateNetworkConditions",
                    Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        }
        // Back: the banner goes once the wall reaches the server again (it retries every 5 s), with no one touching it.
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> !d.findElement(banner).isDisplayed());
    }

    @Test
    void a_wall_and_the_report_say_when_the_figures_are_behind_and_since_when() throws Exception {
        var driver = chromium.driver();
        WebDriverWait wait = openWall("rotate=0", Duration.ofSeconds(60));
        By asOf = By.cssSelector(".wall-as-of");
        wait.until(d -> d.findElement(asOf).getText().startsWith("Số liệu tính đến "));
        By view = By.cssSelector(".wall-view");
        wait.until(d -> "false".equals(d.findElement(view).getDomAttribute("data-behind")));

        // The history stops storing the counted windows (as when the database is slow in a backlog).
        var sink = listeners.getListenerContainer("history-indicator-sink");
        sink.pause();
        try {
            Commune commune = TestCommunes.fresh(region);
            assertThat(new TestHttp(port)
                            .postJson("/api/v1/events", crowd(commune.code(), 12))
                            .statusCode())
                    .isEqualTo(202);
            wait.until(d -> "true".equals(d.findElement(view).getDomAttribute("data-behind")));
            String banner = driver.findElement(By.cssSelector(".wall-behind")).getText();
            assertThat(banner).startsWith("Số liệu phân tích đang chậm").contains("các con số trên màn hình là đến");
            chromium.screenshot("wall-behind.png");

            byte[] pdf = new TestHttp(port).getBytes("/api/v1/reports/daily?format=pdf");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                        .as("the report of today says its figures are behind")
                        .contains("Số liệu chỉ tính đến", "các con số có thể thấp hơn thực tế");
            }
        } finally {
            sink.resume();
        }
        // Caught up again: the banner goes by itself.
        wait.until(d -> "false".equals(d.findElement(view).getDomAttribute("data-behind")));
        assertThat(driver.findElement(By.cssSelector(".wall-behind")).isDisplayed())
                .isFalse();
    }

    /** Signs the browser in as a wall screen and opens the wall at an address's query; a wait of that patience. */
    private WebDriverWait openWall(String query, Duration patience) {
        signInKiosk(chromium.driver());
        chromium.driver().get("http://localhost:" + port + "/wall?" + query);
        return new WebDriverWait(chromium.driver(), patience);
    }
}

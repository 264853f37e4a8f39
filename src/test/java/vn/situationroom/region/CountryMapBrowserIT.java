package vn.situationroom.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;
import vn.situationroom.TestClock;
import vn.situationroom.TestHttp;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;
import vn.situationroom.ui.MapLabels;

/**
 * The synthetic country (3,321 communes in 34 provinces) on the overview map, the police map and the wall: every commune
 * drawn, no two labels over each other at any zoom, and a crowd's commune coloured and named first. Screenshots in
 * target/screenshots/country-*.png.
 */
@TestPropertySource(properties = "situationroom.region.geojson=classpath:region/vietnam-synthetic-communes.geojson")
class CountryMapBrowserIT extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void the_country_is_drawn_whole_its_labels_apart_and_a_crowd_named_first() throws Exception {
        assertThat(region.communes()).hasSize(3321);
        WebDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        String commune = region.communes().get(region.communes().size() / 2).code();

        signIn(driver, Roles.LEADERSHIP, Roles.POLICE);
        long start = System.nanoTime();
        driver.get("http://localhost:" + port + "/");
        awaitEveryCommune(wait);
        System.out.printf("country map: every commune drawn %d ms after the page was asked for%n", millisSince(start));
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).contains("dữ liệu mẫu");
        MapLabels.shownApart(driver);

        // What the server pushes from now on: the communes of each change.
        ((JavascriptExecutor) driver).executeScript("""
                const map = document.querySelector('sr-commune-map');
                const merge = map.mergeStyles.bind(map);
                window.__pushed = [];
                map.mergeStyles = (changes) => {
                  window.__pushed.push(Object.keys(typeof changes === 'string' ? JSON.parse(changes) : changes));
                  merge(changes);
                };
                """);
        assertThat(new TestHttp(port).postJson("/api/v1/events", crowd(commune)).statusCode())
                .isEqualTo(202);
        wait.until(d -> "CRITICAL".equals(levelOf(d, commune)));
        @SuppressWarnings("unchecked")
        List<List<String>> pushed =
                (List<List<String>>) ((JavascriptExecutor) driver).executeScript("return window.__pushed;");
        assertThat(pushed)
                .as("changes pushed")
                .isNotEmpty()
                .allSatisfy(change -> assertThat(change)
                        .as("a push names only the communes that changed")
                        .hasSizeLessThan(10));
        assertThat(pushed.stream().flatMap(List::stream)).contains(commune);
        assertThat(driver.findElement(By.cssSelector(".sr-commune-label[data-commune='" + commune + "']"))
                        .isDisplayed())
                .as("the crowd's commune is named before any quieter one")
                .isTrue();
        assertLocated(driver, commune);
        chromium.screenshot("country-map.png");
        MapLabels.assertApartWhileZooming(driver, wait);

        // Drill down: a province's name opens the province, whose communes are then named.
        String before = zoom(driver);
        var provinceLabel = driver.findElement(By.cssSelector(".sr-unit-label[data-unit]"));
        String province = provinceLabel.getDomAttribute("data-unit");
        provinceLabel.click();
        wait.until(d -> {
            String zoom = zoom(d);
            return zoom != null && Double.parseDouble(zoom) > Double.parseDouble(before);
        });
        List<String> named = MapLabels.shownApart(driver);
        assertThat(named)
                .as("communes of " + province + " named once it is open")
                .anyMatch(code -> region.path(code).size() > 1
                        && region.path(code).getFirst().code().equals(province));
        chromium.screenshot("country-province.png");

        driver.get("http://localhost:" + port + "/map");
        awaitEveryCommune(wait);
        wait.until(d -> "CRITICAL".equals(levelOf(d, commune)));
        MapLabels.shownApart(driver);
        chromium.screenshot("country-police-map.png");

        // The police map drills down the same way: a province by its name, then a commune by its shape.
        var provinceOnPoliceMap = driver.findElement(By.cssSelector(".sr-unit-label[data-unit]"));
        Unit opened =
                region.unit(provinceOnPoliceMap.getDomAttribute("data-unit")).orElseThrow();
        String policeBefore = zoom(driver);
        provinceOnPoliceMap.click();
        wait.until(d -> Double.parseDouble(zoom(d)) > Double.parseDouble(policeBefore));
        wait.until(d -> MapLabels.shownApart(d).stream().anyMatch(opened.communes()::contains));
        String inside = MapLabels.shownApart(driver).stream()
                .filter(opened.communes()::contains)
                .findFirst()
                .orElseThrow();
        new Actions(driver)
                .moveToElement(driver.findElement(By.cssSelector(".sr-commune-label[data-commune='" + inside + "']")))
                .click()
                .perform();
        wait.until(d -> d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                .anyMatch(popup -> popup.getText().contains(region.shortName(inside))));
        MapLabels.awaitPopupSettled(driver, wait);
        chromium.screenshot("country-police-province.png");

        signInKiosk(driver);
        start = System.nanoTime();
        driver.get("http://localhost:" + port + "/wall");
        awaitEveryCommune(wait);
        wait.until(d -> "CRITICAL".equals(levelOf(d, commune)));
        System.out.printf("country wall: every commune drawn %d ms after the page was asked for%n", millisSince(start));
        assertLocated(driver, commune);
        MapLabels.shownApart(driver);
        assertThat(driver.findElement(By.cssSelector(".wall-on-duty")).getText())
                .as("the country has no districts since July 2025: the reception office is the province's")
                .contains("Ban Tiếp công dân tỉnh")
                .doesNotContain("huyện");
        chromium.screenshot("country-wall.png");

        // A wall for the crowd's province: its communes only, its name, the crowd on it.
        Unit crowdProvince = region.path(commune).getFirst();
        driver.get("http://localhost:" + port + "/wall?unit=" + crowdProvince.code() + "&rotate=0");
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]:not([data-marker])"))
                        .size()
                == crowdProvince.communes().size());
        wait.until(d -> "CRITICAL".equals(levelOf(d, commune)));
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).contains(crowdProvince.name());
        assertThat(MapLabels.shownApart(driver))
                .as("a province's wall names its communes")
                .isNotEmpty()
                .allMatch(crowdProvince.communes()::contains);
        chromium.screenshot("country-province-wall.png");
    }

    /**
     * A commune a few pixels across among thousands is seen: a disc of its level's colour on it, large enough to see
     * from across the room, which no label covers ({@link MapLabels#shownApart} checks that).
     */
    private static void assertLocated(WebDriver driver, String commune) {
        // Read at once in the page: the map draws its locators anew after each change.
        @SuppressWarnings("unchecked")
        Map<String, Object> locator = new WebDriverWait(driver, PATIENCE)
                .until(d -> (Map<String, Object>) ((JavascriptExecutor) d).executeScript("""
                        const locator = document.querySelector(`.sr-locator[data-locator='${arguments[0]}']`);
                        if (!locator) {
                          return null;
                        }
                        const box = locator.getBoundingClientRect();
                        return { level: locator.getAttribute('data-level'), width: box.width,
                            visible: getComputedStyle(locator).visibility === 'visible' && box.width > 0 };
                        """, commune));
        assertThat(locator.get("level")).isEqualTo("CRITICAL");
        assertThat(locator.get("visible")).isEqualTo(true);
        assertThat(((Number) locator.get("width")).doubleValue())
                .as("the locator's width on screen, in pixels")
                .isGreaterThanOrEqualTo(20);
        MapLabels.shownApart(driver);
    }

    private void awaitEveryCommune(WebDriverWait wait) {
        // The communes' shapes, not the markers drawn over them.
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]:not([data-marker])"))
                        .size()
                == region.communes().size());
    }

    /** The level the map draws a commune with now, as it says itself. */
    private static Object levelOf(WebDriver driver, String commune) {
        return ((JavascriptExecutor) driver)
                .executeScript("return document.querySelector('sr-commune-map').levels[arguments[0]];", commune);
    }

    private static String zoom(WebDriver driver) {
        return driver.findElement(By.cssSelector("sr-commune-map")).getDomAttribute("data-zoom");
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static String crowd(String commune) {
        return """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"DISTRICT_OFFICE","type":"VISIT",
                 "content":"COMPLAINT","field":"LAND","headcount":30}""".formatted(
                        UUID.randomUUID(),
                        OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS),
                        commune);
    }
}

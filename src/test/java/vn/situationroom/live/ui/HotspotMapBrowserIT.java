package vn.situationroom.live.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.situationroom.TestAccounts;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.security.Roles;
import vn.situationroom.security.UserAccounts;
import vn.situationroom.ui.BrowserTest;
import vn.situationroom.ui.HeadlessChromium;
import vn.situationroom.ui.MapLabels;

/** The map in Debian's Chromium, headless: every commune is drawn, and an event recolours its commune without a reload. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class HotspotMapBrowserIT {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 900;

    @Autowired
    private UserAccounts accounts;

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium(WIDTH, HEIGHT);

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Test
    void the_map_draws_every_commune_and_recolours_one_live_after_an_event() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        BrowserTest.signIn(chromium.driver(), port, TestAccounts.user(accounts, null, Roles.LEADERSHIP));
        chromium.driver().get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]"))
                        .size()
                == region.communes().size());
        assertThat(chromium.driver().findElements(By.cssSelector("sr-commune-map path[data-commune]")))
                .hasSize(region.communes().size());
        By shape = By.cssSelector("sr-commune-map path[data-commune='" + commune.code() + "']");
        assertThat(chromium.driver().findElement(shape).getDomAttribute("data-level"))
                .isEqualTo("NONE");
        String noneFill = chromium.driver().findElement(shape).getDomAttribute("fill");
        assertThat(noneFill)
                .as("the palette's grey")
                .isEqualToIgnoringCase(HotspotLevel.hex(HotspotLevel.NO_LEVEL_RGB));
        screenshot("hotspot-map-before.png");
        MapLabels.assertApartWhileZooming(chromium.driver(), wait);
        ((JavascriptExecutor) chromium.driver()).executeScript("window.__samePage = true;");

        assertThat(postCrowd(commune.code(), 25)).isEqualTo(202);

        wait.withTimeout(Duration.ofSeconds(15))
                .until(d -> "CRITICAL".equals(d.findElement(shape).getDomAttribute("data-level")));
        WebElement recoloured = chromium.driver().findElement(shape);
        assertThat(recoloured.getDomAttribute("fill"))
                .isNotEqualTo(noneFill)
                .isEqualToIgnoringCase(HotspotLevel.CRITICAL.hex());
        assertThat(((JavascriptExecutor) chromium.driver()).executeScript("return window.__samePage === true;"))
                .as("the page was not reloaded")
                .isEqualTo(true);
        String attention = chromium.driver()
                .findElement(By.cssSelector(".attention-item[data-commune='" + commune.code() + "']"))
                .getText();
        assertThat(attention).contains(commune.fullName(), "Nghiêm trọng", "Đoàn đông người: 25 người");
        // What made the level comes first; the hour's counts after it, said to be the hour's.
        assertThat(attention.indexOf("Đoàn đông người")).isLessThan(attention.indexOf("Trong giờ "));
        screenshot("hotspot-map-after.png");

        // Another screen, by the menu (no reload): the map leaves nothing alive behind; back again, it is drawn anew.
        JavascriptExecutor js = (JavascriptExecutor) chromium.driver();
        js.executeScript(MENU_CLICK, "escalations");
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map")).isEmpty());
        wait.until(d -> Long.valueOf(0).equals(js.executeScript(LIVE_MAPS)));
        js.executeScript(MENU_CLICK, "");
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]"))
                        .size()
                == region.communes().size());
        assertThat(js.executeScript(LIVE_MAPS)).as("one map on the page").isEqualTo(1L);
        assertThat(js.executeScript("return window.__samePage === true;"))
                .as("the menu navigated within the page")
                .isEqualTo(true);
    }

    /** Clicks the link of the menu entry to a path, as a person would. */
    private static final String MENU_CLICK = """
            const item = [...document.querySelectorAll('vaadin-side-nav-item')]
                .find((i) => (i.path || '').replace(/^\\//, '') === arguments[0]);
            item.shadowRoot.querySelector('a').click();
            """;

    private static final String LIVE_MAPS = "return customElements.get('sr-commune-map').liveMaps;";

    private int postCrowd(String communeCode, int headcount) throws Exception {
        String body = """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"DISTRICT_OFFICE","type":"VISIT",
                 "content":"COMPLAINT","field":"LAND","headcount":%d}""".formatted(
                        UUID.randomUUID(),
                        OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS),
                        communeCode,
                        headcount);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + TestHttp.TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}

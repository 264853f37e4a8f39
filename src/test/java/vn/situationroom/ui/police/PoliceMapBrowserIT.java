package vn.situationroom.ui.police;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.ui.HeadlessChromium;

/**
 * Police command at 1920x1080: a new incident's alert appears and flashes, picking it flies the map to its commune,
 * and an officer acknowledges it with a note; every client then sees it acknowledged, with the name and the note.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class PoliceMapBrowserIT {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium(1920, 1080);

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Test
    void an_officer_picks_a_new_alert_and_acknowledges_it_with_a_note() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        var driver = chromium.driver();
        driver.get("http://localhost:" + port + "/map");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]")).size()
                == region.communes().size());

        TestHttp http = new TestHttp(port);
        String at = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(http.postJson("/api/v1/events", """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"POLICE","type":"INCIDENT",\
                "severity":"SERIOUS","headcount":6}""".formatted(UUID.randomUUID(), at, commune.code())).statusCode())
                .isEqualTo(202);

        By item = By.cssSelector(".police-alert[data-commune='" + commune.code() + "']");
        wait.until(d -> !d.findElements(item).isEmpty());
        WebElement alert = driver.findElement(item);
        assertThat(alert.getDomAttribute("class")).contains("flash");
        assertThat(alert.getText()).contains(commune.fullName(), "Nghiêm trọng", "Chưa ai tiếp nhận");
        String alertId = alert.getDomAttribute("data-alert");

        alert.findElement(By.cssSelector(".police-alert-commune")).click();
        wait.until(d -> commune.code().equals(d.findElement(By.cssSelector("sr-commune-map"))
                .getDomAttribute("data-focused")));

        driver.findElement(item).findElement(By.cssSelector("vaadin-button.police-acknowledge")).click();
        wait.until(d -> !d.findElements(By.cssSelector(".police-decision-by input")).isEmpty());
        driver.findElement(By.cssSelector(".police-decision-confirm")).click();
        // Nobody named: the dialog refuses and says the field is required.
        wait.until(d -> d.findElement(By.cssSelector(".police-decision-by")).getDomAttribute("invalid") != null);
        driver.findElement(By.cssSelector(".police-decision-by input")).sendKeys("Đại úy Trần Văn B");
        driver.findElement(By.cssSelector(".police-decision-note textarea")).sendKeys("Đã cử tổ tuần tra đến");
        chromium.screenshot("police-map-acknowledge.png");
        driver.findElement(By.cssSelector(".police-decision-confirm")).click();

        wait.until(d -> "ACKNOWLEDGED".equals(d.findElement(item).getDomAttribute("data-state")));
        assertThat(driver.findElement(item).getText()).contains("Đại úy Trần Văn B", "Đã cử tổ tuần tra đến");
        JsonNode stored = http.getJson("/api/v1/alerts/" + alertId);
        assertThat(stored.get("state").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(stored.get("acknowledgedBy").asString()).isEqualTo("Đại úy Trần Văn B");
        chromium.screenshot("police-map.png");
    }
}

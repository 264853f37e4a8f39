package vn.situationroom.alerts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.region.Commune;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;
import vn.situationroom.ui.HeadlessChromium;

/**
 * Police command at 1920x1080: a new incident's alert appears, flashes and sounds, picking it flies the map to its
 * commune, and an officer acknowledges it with a note; every client then sees it acknowledged, with the name and the
 * note, the wall screen included. The crowd, incident and escalation are drawn on their layers, and the replay shows
 * the commune as it was before.
 */
class PoliceMapBrowserIT extends BrowserTest {

    @Autowired
    private AuditLog audit;

    /** The wall screen on the room's TV: a browser of its own. */
    @RegisterExtension
    static final HeadlessChromium tv = new HeadlessChromium(1920, 1080);

    @Test
    void an_officer_picks_a_new_alert_and_acknowledges_it_with_a_note() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        var driver = chromium.driver();
        signIn(driver, Roles.POLICE);
        driver.get("http://localhost:" + port + "/map");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // The commune shapes, not the markers of the last 24 hours that earlier tests left on the police map.
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]:not([data-marker])"))
                        .size()
                == region.communes().size());

        var wall = tv.driver();
        signIn(wall, Roles.LEADERSHIP);
        wall.get("http://localhost:" + port + "/wall");
        WebDriverWait wallWait = new WebDriverWait(wall, Duration.ofSeconds(30));
        wallWait.until(d -> !d.findElements(By.cssSelector(".wall-ticker")).isEmpty());

        driver.findElement(By.cssSelector("vaadin-button.police-sound")).click();
        wait.until(d -> "true"
                .equals(d.findElement(By.cssSelector("vaadin-button.police-sound"))
                        .getDomAttribute("data-on")));

        TestHttp http = new TestHttp(port);
        String at = OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7)))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(http.postJson("/api/v1/events", """
                [{"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"POLICE","type":"INCIDENT",\
                "severity":"SERIOUS","headcount":6},
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"DISTRICT_OFFICE",\
                "type":"VISIT","content":"COMPLAINT","field":"LAND","headcount":12},
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"PROVINCE",\
                "type":"ESCALATION","destination":"PROVINCE","headcount":3}]""".formatted(
                                        UUID.randomUUID(),
                                        at,
                                        commune.code(),
                                        UUID.randomUUID(),
                                        at,
                                        commune.code(),
                                        UUID.randomUUID(),
                                        at,
                                        commune.code()))
                        .statusCode())
                .isEqualTo(202);

        By item = By.cssSelector(".police-alert[data-commune='" + commune.code() + "'][data-rule='INCIDENT']");
        // The list is drawn again as the commune's other alerts arrive: look the item up afresh each time.
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> d.findElement(item).getDomAttribute("class").contains("flash")
                && d.findElement(item).getText().contains(commune.fullName())
                && d.findElement(item).getText().contains("Nghiêm trọng")
                && d.findElement(item).getText().contains("Chưa ai tiếp nhận"));
        String alertId = wait.until(d -> d.findElement(item).getDomAttribute("data-alert"));
        wait.until(d ->
                ((Number) ((JavascriptExecutor) d).executeScript("return window.__srBeeps || 0;")).longValue() >= 1);

        // The crowd, the incident and the escalation, each on its layer over the commune.
        for (String kind : new String[] {"CROWD", "INCIDENT", "ESCALATION"}) {
            wait.until(d -> !d.findElements(By.cssSelector(
                            "sr-commune-map path[data-marker='" + kind + "'][data-commune='" + commune.code() + "']"))
                    .isEmpty());
        }

        wait.until(d -> {
            d.findElement(item)
                    .findElement(By.cssSelector(".police-alert .alert-row-commune"))
                    .click();
            return true;
        });
        wait.until(d -> commune.code()
                .equals(d.findElement(By.cssSelector("sr-commune-map")).getDomAttribute("data-focused")));

        wait.until(d -> {
            d.findElement(item)
                    .findElement(By.cssSelector("vaadin-button.police-acknowledge"))
                    .click();
            return true;
        });
        wait.until(d ->
                !d.findElements(By.cssSelector(".police-decision-by input")).isEmpty());
        // The signed-in officer is named already; cleared, the dialog asks for a name.
        assertThat(driver.findElement(By.cssSelector(".police-decision-by input"))
                        .getDomProperty("value"))
                .isEqualTo("Cán bộ POLICE");
        driver.findElement(By.cssSelector(".police-decision-by input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        // The officer on the ground, named here, is kept in the note: the decision is the signed-in officer's.
        driver.findElement(By.cssSelector(".police-decision-by input")).sendKeys("Đại úy Trần Văn B");
        driver.findElement(By.cssSelector(".police-decision-note textarea")).sendKeys("Đã cử tổ tuần tra đến");
        chromium.screenshot("police-map-acknowledge.png");
        driver.findElement(By.cssSelector(".police-decision-confirm")).click();

        wait.until(d -> "ACKNOWLEDGED".equals(d.findElement(item).getDomAttribute("data-state")));
        assertThat(driver.findElement(item).getText()).contains("Đại úy Trần Văn B", "Đã cử tổ tuần tra đến");
        JsonNode stored = http.getJson("/api/v1/alerts/" + alertId);
        // Audited: who acknowledged, signed in as themselves, whatever name they wrote.
        audit.flush();
        assertThat(audit.since(
                        AuditLog.Action.ALERT_ACKNOWLEDGED,
                        java.time.Instant.now().minusSeconds(600)))
                .anySatisfy(entry -> {
                    assertThat(entry.target()).isEqualTo(alertId);
                    assertThat(entry.actor()).isEqualTo("it-police");
                    assertThat(entry.detail()).contains("Đại úy Trần Văn B");
                });
        assertThat(stored.get("state").asString()).isEqualTo("ACKNOWLEDGED");
        // The decision is the signed-in officer's; the name typed in the dialog is kept in its note.
        assertThat(stored.get("acknowledgedBy").asString()).endsWith("(it-police)");
        assertThat(stored.get("acknowledgeNote").asString()).startsWith("Đại úy Trần Văn B: ");
        chromium.screenshot("police-map.png");

        // The wall screen says so too, with no reload.
        By onWall = By.cssSelector(".wall-ticker-item[data-alert='" + alertId + "']");
        wallWait.until(d -> !d.findElements(onWall).isEmpty()
                && "ACKNOWLEDGED".equals(d.findElement(onWall).getDomAttribute("data-state")));
        assertThat(wall.findElement(onWall).getText()).contains("(it-police)");
        // Who took it on does not push the commune out of its row: the room still sees where.
        assertThat(wall.findElement(onWall)
                        .findElement(By.cssSelector(".alert-row-commune"))
                        .getRect()
                        .getWidth())
                .as("the commune's width on the wall, in pixels")
                .isGreaterThanOrEqualTo(150);
        tv.screenshot("wall-acknowledged.png");

        // The replay, a quarter of an hour back: before the incident, the commune had no level.
        By shape = By.cssSelector("sr-commune-map path[data-commune='" + commune.code() + "']");
        assertThat(driver.findElement(shape).getDomAttribute("data-level")).isEqualTo("CRITICAL");
        ((JavascriptExecutor) driver).executeScript("""
                const slider = document.querySelector('.police-replay-slider');
                slider.value = arguments[0];
                slider.dispatchEvent(new Event('change'));""", ReplayBar.STEPS - 1);
        wait.until(d -> d.findElement(By.cssSelector("sr-commune-map")).getDomAttribute("data-replay-at") != null);
        wait.until(d -> "NONE".equals(d.findElement(shape).getDomAttribute("data-level")));
        assertThat(driver.findElement(By.cssSelector(".police-replay-at")).getText())
                .startsWith("Đang xem lại lúc");
        chromium.screenshot("police-map-replay.png");
        driver.findElement(By.cssSelector("vaadin-button.police-replay-live")).click();
        wait.until(d -> "CRITICAL".equals(d.findElement(shape).getDomAttribute("data-level")));
    }
}

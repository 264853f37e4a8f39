package vn.situationroom.escalation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.situationroom.TestAccounts;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.escalation.Escalations;
import vn.situationroom.region.Commune;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;

/**
 * Citizens of a commune went to Hanoi: the board lists them as reported; the commune records that it contacted them
 * (a name is required) and then that they are home, and the board says so.
 */
class EscalationsBrowserIT extends BrowserTest {

    @Autowired
    AuditLog audit;

    @Autowired
    Escalations escalations;

    @Test
    void a_commune_follows_its_citizens_home() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        UUID id = UUID.randomUUID();
        String summary = "Đoàn " + id.toString().substring(0, 6) + " ra Hà Nội khiếu nại đất đai";
        String at = OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7)))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(new TestHttp(port)
                        .postJson("/api/v1/events", """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"CENTRAL_HANOI",\
                "type":"ESCALATION","destination":"CENTRAL_HANOI","headcount":7,"summary":"%s"}""".formatted(id, at, commune.code(), summary))
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> escalations
                                .since(java.time.LocalDate.now().minusDays(1), List.of(commune.code()))
                                .size()
                        == 1);

        var driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        signIn(driver, Roles.OFFICE);
        driver.get("http://localhost:" + port + "/escalations");
        By grid = By.cssSelector("vaadin-grid.escalations-grid");
        wait.until(d -> d.findElement(grid).getText().contains(summary));
        assertThat(driver.findElement(grid).getText()).contains(commune.fullName(), "Mới báo");

        // Only this test's escalation is reported and not acted on in this commune: it is the first row's buttons.
        By contacted = By.cssSelector("vaadin-button.escalation-contacted:not([disabled])");
        wait.until(d -> {
            d.findElements(contacted).getFirst().click();
            return true;
        });
        wait.until(d -> !d.findElements(By.cssSelector(".escalation-by input")).isEmpty());
        // The step is the signed-in officer's; who did it on the ground, typed here, joins its note.
        driver.findElement(By.cssSelector(".escalation-by input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        driver.findElement(By.cssSelector(".escalation-by input")).sendKeys("Chủ tịch UBND xã");
        driver.findElement(By.cssSelector(".escalation-note textarea")).sendKeys("Đã gọi điện cho trưởng đoàn");
        driver.findElement(By.cssSelector("vaadin-button.escalation-confirm")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> escalations
                                .since(java.time.LocalDate.now().minusDays(1), List.of(commune.code()))
                                .getFirst()
                                .state()
                        == Escalations.State.CONTACTED);
        wait.until(d -> d.findElement(grid).getText().contains("Chủ tịch UBND xã: Đã gọi điện cho trưởng đoàn"));
        // The dialog gone, not fading over the list.
        wait.until(d -> d.findElements(By.cssSelector("vaadin-button.escalation-confirm"))
                .isEmpty());
        // Each column's heading stands over its cells (widths in em had made the smaller headings drift left).
        @SuppressWarnings("unchecked")
        List<Number> drift = (List<Number>)
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                        const root = arguments[0].shadowRoot;
                        const heads = [...root.querySelectorAll('thead tr:first-child th')];
                        const cells = [...root.querySelector('tbody tr').querySelectorAll('td')];
                        return heads.map((h, i) =>
                            Math.abs(h.getBoundingClientRect().left - cells[i].getBoundingClientRect().left));
                        """, driver.findElement(grid));
        assertThat(drift)
                .isNotEmpty()
                .allSatisfy(px -> assertThat(px.doubleValue())
                        .as("a heading's offset from its column's cells, in pixels")
                        .isLessThan(1.0));
        chromium.screenshot("escalations.png");
        audit.flush();
        assertThat(audit.list(AuditLog.Action.ESCALATION_STEP, "it-office", 0, 20))
                .extracting(AuditLog.Entry::detail)
                .contains("CONTACTED: Chủ tịch UBND xã: Đã gọi điện cho trưởng đoàn");

        // On a 1600 px screen: the summary reads in lines of several words, and the actions are on screen.
        chromium.viewport(1600, 900);
        try {
            driver.navigate().refresh();
            wait.until(d -> d.findElement(grid).getText().contains(summary));
            var summaryCell =
                    driver
                            .findElements(By.cssSelector("vaadin-grid.escalations-grid vaadin-grid-cell-content"))
                            .stream()
                            .filter(cell -> cell.getText().equals(summary))
                            .findFirst()
                            .orElseThrow();
            chromium.screenshot("escalations-1600.png");
            // The lines the summary's text takes, as the browser laid it out.
            Number lines = (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript(
                            "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
                                    + " return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size;",
                            summaryCell);
            assertThat(lines.intValue())
                    .as("the summary \"" + summary + "\" in at most two lines")
                    .isLessThanOrEqualTo(2);
            for (var button : driver.findElements(By.cssSelector("vaadin-button.escalation-returned"))) {
                var box = button.getRect();
                assertThat(box.getX() + box.getWidth())
                        .as("the action is on screen")
                        .isLessThanOrEqualTo(1600);
                assertThat(box.getX()).isGreaterThan(0);
            }
            Object scroll = ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript(
                            "const t = arguments[0].shadowRoot.querySelector('#table');"
                                    + " return t.scrollWidth - t.clientWidth;",
                            driver.findElement(grid));
            assertThat(((Number) scroll).intValue())
                    .as("every column on screen, no scrolling sideways")
                    .isLessThanOrEqualTo(1);
        } finally {
            chromium.restoreViewport();
        }

        // Nobody signed in records nothing; a signed-in officer does, once.
        assertThatThrownBy(() -> escalations.record(id, Escalations.State.RETURNED, "Công an xã", "Đoàn đã về"))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.actingAs(accounts, TestAccounts.user(accounts, null, Roles.OFFICE), () -> {
            assertThat(escalations.record(id, Escalations.State.RETURNED, "Công an xã", "Đoàn đã về"))
                    .isEqualTo(Escalations.Outcome.RECORDED);
            assertThat(escalations.record(id, Escalations.State.RETURNED, "Công an xã", "lần hai"))
                    .isEqualTo(Escalations.Outcome.ALREADY_RECORDED);
        });
        Escalations.Escalation home = escalations
                .since(java.time.LocalDate.now().minusDays(1), List.of(commune.code()))
                .getFirst();
        assertThat(home.state()).isEqualTo(Escalations.State.RETURNED);
        assertThat(home.note()).isEqualTo("Công an xã: Đoàn đã về");
        TestAccounts.actingAs(
                accounts,
                TestAccounts.user(accounts, null, Roles.OFFICE),
                () -> assertThat(escalations.record(UUID.randomUUID(), Escalations.State.CONTACTED, "x", null))
                        .isEqualTo(Escalations.Outcome.UNKNOWN_ESCALATION));
    }
}

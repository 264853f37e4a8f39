package vn.situationroom.ui.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.situationroom.ui.BrowserTest;
import vn.situationroom.security.Roles;

/** The office keeps the roster: a shift without an officer is refused, one with an officer is listed. */
class RosterBrowserIT extends BrowserTest {

    @Test
    void the_office_adds_a_shift_with_an_officer_and_one_without_is_refused() throws Exception {
        var driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        signIn(driver, Roles.OFFICE);
        driver.get("http://localhost:" + port + "/roster");
        By add = By.cssSelector("vaadin-button.roster-add");
        wait.until(d -> !d.findElements(add).isEmpty());

        driver.findElement(add).click();
        wait.until(d -> d.findElement(By.cssSelector("vaadin-text-field.roster-officer")).getDomAttribute("invalid")
                != null);

        String officer = "Lê Văn Trực " + UUID.randomUUID().toString().substring(0, 6);
        driver.findElement(By.cssSelector("vaadin-text-field.roster-officer input")).sendKeys(officer);
        driver.findElement(add).click();
        By grid = By.cssSelector("vaadin-grid.roster-shifts");
        wait.until(d -> d.findElement(grid).getText().contains(officer));
        assertThat(driver.findElement(grid).getText()).contains("Ban Tiếp công dân huyện", "07:30–17:00");
        chromium.screenshot("roster.png");
    }
}

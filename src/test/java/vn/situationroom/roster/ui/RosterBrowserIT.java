package vn.situationroom.roster.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.roster.DutyRoster;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;

/** The office keeps the roster: a shift without an officer is refused, one with an officer is listed. */
class RosterBrowserIT extends BrowserTest {

    @Autowired
    DutyRoster roster;

    @Test
    void the_office_adds_a_shift_with_an_officer_and_one_without_is_refused() throws Exception {
        var driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        signIn(driver, Roles.OFFICE);
        driver.get("http://localhost:" + port + "/roster");
        By add = By.cssSelector("vaadin-button.roster-add");
        wait.until(d -> !d.findElements(add).isEmpty());

        driver.findElement(add).click();
        wait.until(d -> d.findElement(By.cssSelector("vaadin-text-field.roster-officer"))
                        .getDomAttribute("invalid")
                != null);

        String officer = "Lê Văn Trực " + UUID.randomUUID().toString().substring(0, 6);
        driver.findElement(By.cssSelector("vaadin-text-field.roster-officer input"))
                .sendKeys(officer);
        driver.findElement(add).click();
        By grid = By.cssSelector("vaadin-grid.roster-shifts");
        wait.until(d -> d.findElement(grid).getText().contains(officer));
        assertThat(driver.findElement(grid).getText()).contains("Ban Tiếp công dân tỉnh", "07:30–17:00");
        chromium.screenshot("roster.png");
    }

    @Test
    void a_night_shift_runs_past_midnight() {
        LocalDate day = LocalDate.of(2026, 3, 14);
        String officer = "Trực đêm " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(roster.add(new DutyRoster.Shift(
                        0,
                        day,
                        LocalTime.of(22, 0),
                        LocalTime.of(6, 0),
                        ReceptionPoint.DISTRICT_OFFICE,
                        officer,
                        null)))
                .isEmpty();
        assertThat(onDuty(day.atTime(21, 59), officer)).isFalse();
        assertThat(onDuty(day.atTime(23, 30), officer)).isTrue();
        assertThat(onDuty(day.plusDays(1).atTime(5, 59), officer)).isTrue();
        assertThat(onDuty(day.plusDays(1).atTime(6, 0), officer)).isFalse();
        // A shift that ends when it starts is none.
        assertThat(roster.add(new DutyRoster.Shift(
                        0, day, LocalTime.of(8, 0), LocalTime.of(8, 0), ReceptionPoint.DISTRICT_OFFICE, officer, null)))
                .containsExactly("ends");
    }

    private boolean onDuty(LocalDateTime at, String officer) {
        return roster.onDutyAt(at).stream().anyMatch(s -> s.officer().equals(officer));
    }
}

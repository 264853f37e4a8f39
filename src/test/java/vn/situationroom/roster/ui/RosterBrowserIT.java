package vn.situationroom.roster.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import vn.situationroom.TestClock;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.region.Unit;
import vn.situationroom.roster.DutyRoster;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;

/** The office keeps the roster: a shift without an officer is refused, one with an officer is listed. */
class RosterBrowserIT extends BrowserTest {

    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

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
        assertThat(driver.findElement(grid).getText())
                .contains("Ban Tiếp công dân tỉnh", "07:30–17:00", "Toàn bộ " + region.name());

        // A shift for one district, picked by typing its name.
        Unit district = region.unitsBelowRegion().getFirst();
        WebElement unit = driver.findElement(By.cssSelector("vaadin-combo-box.roster-unit"));
        unit.findElement(By.cssSelector("input")).click();
        unit.findElement(By.cssSelector("input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), district.name());
        wait.until(d -> unit.getDomAttribute("opened") != null && unit.getDomAttribute("loading") == null);
        new Actions(driver)
                .pause(Duration.ofMillis(200))
                .sendKeys(Keys.ARROW_DOWN, Keys.ENTER)
                .perform();
        String districtOfficer = "Võ Thị Huyện " + UUID.randomUUID().toString().substring(0, 6);
        driver.findElement(By.cssSelector("vaadin-text-field.roster-officer input"))
                .sendKeys(districtOfficer);
        driver.findElement(add).click();
        wait.until(d -> d.findElement(grid).getText().contains(districtOfficer));
        assertThat(roster.between(LocalDate.now(TestClock.at(VIETNAM)), LocalDate.now(TestClock.at(VIETNAM))))
                .filteredOn(s -> s.officer().equals(districtOfficer))
                .singleElement()
                .extracting(DutyRoster.Shift::unitCode)
                .isEqualTo(district.code());
        assertThat(driver.findElement(grid).getText()).contains(district.name());
        chromium.screenshot("roster.png");
    }

    @Test
    void a_night_shift_runs_past_midnight() {
        LocalDate day = LocalDate.of(2026, 3, 14);
        String officer = "Trực đêm " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(roster.add(shift(day, LocalTime.of(22, 0), LocalTime.of(6, 0), officer, null)))
                .isEmpty();
        assertThat(onDuty(day.atTime(21, 59), officer)).isFalse();
        assertThat(onDuty(day.atTime(23, 30), officer)).isTrue();
        assertThat(onDuty(day.plusDays(1).atTime(5, 59), officer)).isTrue();
        assertThat(onDuty(day.plusDays(1).atTime(6, 0), officer)).isFalse();
        // A shift that ends when it starts is none.
        assertThat(roster.add(shift(day, LocalTime.of(8, 0), LocalTime.of(8, 0), officer, null)))
                .containsExactly("ends");
        // A unit the region does not have is refused by name.
        assertThat(roster.add(shift(day, LocalTime.of(8, 0), LocalTime.of(17, 0), officer, "no-such-unit")))
                .containsExactly("unit");
    }

    private static DutyRoster.Shift shift(
            LocalDate day, LocalTime starts, LocalTime ends, String officer, String unit) {
        return new DutyRoster.Shift(0, day, starts, ends, ReceptionPoint.DISTRICT_OFFICE, officer, null, unit);
    }

    private boolean onDuty(LocalDateTime at, String officer) {
        return roster.onDutyAt(at).stream().anyMatch(s -> s.officer().equals(officer));
    }
}

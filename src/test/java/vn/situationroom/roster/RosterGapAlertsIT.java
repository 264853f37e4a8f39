package vn.situationroom.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import vn.situationroom.alerts.StandingAlerts;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertCommand;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;

/**
 * The roster-gap alert, with the clock set around an election of its own: a duty day without a shift at the district
 * office raises a WATCH alert about the district the day before, once; a shift added ends it, a commune's shift does
 * not count, and a day that is over ends its alert. The wall screen shows the day without duty.
 */
class RosterGapAlertsIT extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** An election far from every other test's days: duty from 18 to 27 May. */
    private static final LocalDate ELECTION_DAY = LocalDate.of(2031, 5, 25);

    @Autowired
    DutyRoster roster;

    @Autowired
    StandingAlerts standing;

    @Autowired
    ElectionCalendar settings;

    @Autowired
    LiveAlerts alerts;

    @Test
    void a_duty_day_without_anyone_at_the_district_office_raises_a_watch_alert_the_day_before() throws Exception {
        LocalDate firstDutyDay = ELECTION_DAY.minusDays(7);
        assertThat(checkOn(firstDutyDay.minusDays(2)).raised())
                .as("the day after is not a duty day")
                .isEmpty();

        String gap = StandingAlerts.idOf(AlertRule.ROSTER_GAP, firstDutyDay);
        assertThat(checkOn(firstDutyDay.minusDays(1)).raised()).containsExactly(gap);
        Alert alert = await().atMost(PATIENCE).until(() -> alerts.find(gap).orElse(null), a -> a != null);
        assertThat(alert.communeCode()).isEqualTo(AlertCommand.DISTRICT);
        assertThat(alert.rule()).isEqualTo(AlertRule.ROSTER_GAP);
        assertThat(alert.severity()).isEqualTo(HotspotLevel.WATCH);
        assertThat(alert.reasons().getFirst().date()).isEqualTo(firstDutyDay);
        assertThat(alert.firstSeen().atZone(settings.zone()).toLocalDate()).isEqualTo(firstDutyDay.minusDays(1));
        assertThat(checkOn(firstDutyDay.minusDays(1)).raised())
                .as("raised once")
                .isEmpty();

        WebDriver driver = chromium.driver();
        signIn(driver, Roles.LEADERSHIP);
        driver.get("http://localhost:" + port + "/wall");
        new WebDriverWait(driver, PATIENCE)
                .until(d -> d.findElement(By.cssSelector(".wall-roster-gap")).isDisplayed()
                        && d.findElement(By.cssSelector(".wall-roster-gap"))
                                .getText()
                                .contains("Ngày 18/05/2031 chưa có cán bộ trực"));
        chromium.screenshot("wall-roster-gap.png");

        assertThat(roster.add(shift(firstDutyDay, ReceptionPoint.DISTRICT_OFFICE)))
                .isEmpty();
        assertThat(checkOn(firstDutyDay.minusDays(1)).ended()).containsExactly(gap);
        await().atMost(PATIENCE).until(() -> alerts.find(gap).orElseThrow().state() == AlertState.RESOLVED);
        assertThat(alerts.find(gap).orElseThrow().resolvedBy()).isEqualTo(Alert.SYSTEM);

        // A commune's officer on the next day is no one at the district office.
        LocalDate second = firstDutyDay.plusDays(1);
        assertThat(roster.add(shift(second, ReceptionPoint.COMMUNE_OFFICE))).isEmpty();
        String secondGap = StandingAlerts.idOf(AlertRule.ROSTER_GAP, second);
        assertThat(checkOn(firstDutyDay).raised()).containsExactly(secondGap);

        // Once the day is over its alert ends, and the next days' gaps are raised.
        var later = checkOn(second.plusDays(1));
        assertThat(later.ended()).containsExactly(secondGap);
        assertThat(later.raised())
                .containsExactly(
                        StandingAlerts.idOf(AlertRule.ROSTER_GAP, second.plusDays(1)),
                        StandingAlerts.idOf(AlertRule.ROSTER_GAP, second.plusDays(2)));

        // Once the duty days are over, every gap has ended: none is left on the other tests' walls.
        assertThat(checkOn(ELECTION_DAY.plusDays(3)).ended())
                .containsExactlyInAnyOrder(
                        StandingAlerts.idOf(AlertRule.ROSTER_GAP, second.plusDays(1)),
                        StandingAlerts.idOf(AlertRule.ROSTER_GAP, second.plusDays(2)));
    }

    private StandingAlerts.Outcome checkOn(LocalDate day) {
        ElectionCalendar calendar = new ElectionCalendar(ELECTION_DAY, settings.zone());
        Clock clock = Clock.fixed(day.atTime(15, 0).atZone(calendar.zone()).toInstant(), calendar.zone());
        return new RosterGapAlerts(roster, standing, calendar, clock).check();
    }

    private static DutyRoster.Shift shift(LocalDate day, ReceptionPoint point) {
        return new DutyRoster.Shift(
                0, day, LocalTime.of(7, 0), LocalTime.of(17, 0), point, "Nguyễn Văn Trực", null, null);
    }
}

package vn.situationroom.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.alerts.StandingAlerts;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.region.Region;

/**
 * A complaint's deadline to be accepted, checked day by day with the clock set: due soon three days before, overdue
 * from the day after, each alert raised once however often the app checks, and both ended by the system once the case
 * is accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class DeadlineAlertsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Autowired
    Cases cases;

    @Autowired
    StandingAlerts standing;

    @Autowired
    CasesProperties settings;

    @Autowired
    ElectionCalendar calendar;

    @Autowired
    LiveAlerts alerts;

    @Test
    void an_overdue_alert_fires_once_on_the_day_after_the_deadline_and_ends_when_the_case_is_accepted()
            throws Exception {
        String commune = TestCommunes.fresh(region).code();
        ZoneId zone = calendar.zone();
        LocalDate received = LocalDate.now(TestClock.at(zone)).minusDays(60);
        LocalDate deadline = settings.clock().acceptBy(LegalClock.Kind.COMPLAINT, received);
        String caseRef = "KN-" + UUID.randomUUID();
        TestHttp http = new TestHttp(port);
        assertThat(http.postJson(
                                "/api/v1/events",
                                "["
                                        + event(
                                                commune,
                                                received,
                                                "PETITION",
                                                caseRef,
                                                ",\"content\":\"COMPLAINT\",\"field\":\"LAND\"")
                                        + "]")
                        .statusCode())
                .isEqualTo(202);
        await().atMost(PATIENCE)
                .until(() -> cases.active(received, List.of(commune), received).size() == 1);

        String dueSoon = StandingAlerts.idOf(AlertRule.CASE_DUE_SOON, caseRef, Cases.Step.ACCEPT, deadline);
        String overdue = StandingAlerts.idOf(AlertRule.CASE_OVERDUE, caseRef, Cases.Step.ACCEPT, deadline);

        assertThat(checkOn(deadline.minusDays(settings.dueSoonDays() + 1), commune)
                        .raised())
                .as("on time four days before")
                .isEmpty();
        assertThat(checkOn(deadline.minusDays(settings.dueSoonDays()), commune).raised())
                .containsExactly(dueSoon);
        Alert soon = await().atMost(PATIENCE).until(() -> alerts.find(dueSoon).orElse(null), a -> a != null);
        assertThat(soon.communeCode()).isEqualTo(commune);
        assertThat(soon.severity()).isEqualTo(HotspotLevel.WATCH);
        assertThat(soon.reasons().getFirst().subject()).isEqualTo(caseRef);
        assertThat(soon.reasons().getFirst().date()).isEqualTo(deadline);

        assertThat(checkOn(deadline, commune).raised())
                .as("the deadline day itself is not late")
                .isEmpty();
        var dayAfter = checkOn(deadline.plusDays(1), commune);
        assertThat(dayAfter.raised()).containsExactly(overdue);
        assertThat(dayAfter.ended()).containsExactly(dueSoon);
        Alert late = await().atMost(PATIENCE).until(() -> alerts.find(overdue).orElse(null), a -> a != null);
        assertThat(late.firstSeen().atZone(zone).toLocalDate()).isEqualTo(deadline.plusDays(1));
        assertThat(late.reasons().getFirst().observed()).as("days late").isEqualTo(1.0);
        await().atMost(PATIENCE).until(() -> alerts.find(dueSoon).orElseThrow().state() == AlertState.RESOLVED);
        assertThat(alerts.find(dueSoon).orElseThrow().resolvedBy()).isEqualTo(Alert.SYSTEM);

        // The app checks again and again, days later too: nothing new is raised, the alert stays one.
        assertThat(checkOn(deadline.plusDays(1), commune).raised()).isEmpty();
        assertThat(checkOn(deadline.plusDays(5), commune).raised()).isEmpty();
        assertThat(alerts.active())
                .filteredOn(a -> a.communeCode().equals(commune))
                .extracting(Alert::alertId)
                .containsExactly(overdue);
        assertThat(alerts.find(overdue).orElseThrow().count()).isEqualTo(1);

        // Accepted at last: the overdue alert ends; resolving is 30 days away, so nothing else is raised.
        LocalDate accepted = deadline.plusDays(6);
        assertThat(http.postJson(
                                "/api/v1/events",
                                "[" + event(commune, accepted, "CASE_UPDATE", caseRef, ",\"status\":\"ACCEPTED\"")
                                        + "]")
                        .statusCode())
                .isEqualTo(202);
        await().atMost(PATIENCE)
                .until(() -> cases.active(accepted, List.of(commune), accepted)
                                .getFirst()
                                .next()
                        == Cases.Step.RESOLVE);
        var afterAcceptance = checkOn(accepted, commune);
        assertThat(afterAcceptance.raised()).isEmpty();
        assertThat(afterAcceptance.ended()).containsExactly(overdue);
        await().atMost(PATIENCE).until(() -> alerts.find(overdue).orElseThrow().state() == AlertState.RESOLVED);
        assertThat(alerts.find(overdue).orElseThrow().resolveNote()).isEqualTo(Alert.CONDITION_ENDED);
    }

    /** One check, as the app would make it at noon of {@code day}. */
    private StandingAlerts.Outcome checkOn(LocalDate day, String commune) {
        Clock clock = Clock.fixed(day.atTime(12, 0).atZone(calendar.zone()).toInstant(), calendar.zone());
        return new DeadlineAlerts(cases, standing, clock).check(List.of(commune));
    }

    private String event(String commune, LocalDate day, String type, String caseRef, String extra) {
        OffsetDateTime at = day.atTime(9, 30).atZone(calendar.zone()).toOffsetDateTime();
        return ("{\"eventId\":\"%s\",\"occurredAt\":\"%s\",\"communeCode\":\"%s\",\"receptionPoint\":\"DISTRICT_OFFICE\","
                        + "\"type\":\"%s\",\"caseRef\":\"%s\"%s}")
                .formatted(UUID.randomUUID(), at, commune, type, caseRef, extra);
    }
}

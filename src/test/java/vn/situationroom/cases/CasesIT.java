package vn.situationroom.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.region.Commune;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;

/**
 * A case followed from its events: a complaint received 40 days ago and accepted 35 days ago without a resolution is
 * overdue; a denunciation received yesterday waits to be accepted, on time; a resolved case waits for nothing.
 */
class CasesIT extends BrowserTest {

    @Autowired
    CasesProperties settings;

    @Test
    void each_case_shows_its_next_deadline_and_the_late_ones_come_first() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        TestHttp http = new TestHttp(port);
        OffsetDateTime now =
                OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS);
        String late = "KN-" + UUID.randomUUID();
        String fresh = "TC-" + UUID.randomUUID();
        String done = "KN-" + UUID.randomUUID();
        String events = String.join(
                ",",
                event(commune, now.minusDays(40), "VISIT", late, ",\"content\":\"COMPLAINT\",\"field\":\"LAND\""),
                event(commune, now.minusDays(35), "CASE_UPDATE", late, ",\"status\":\"ACCEPTED\""),
                event(
                        commune,
                        now.minusDays(1),
                        "PETITION",
                        fresh,
                        ",\"content\":\"DENUNCIATION\",\"field\":\"OTHER\""),
                event(commune, now.minusDays(20), "PETITION", done, ",\"content\":\"COMPLAINT\",\"field\":\"LAND\""),
                event(commune, now.minusDays(18), "CASE_UPDATE", done, ",\"status\":\"ACCEPTED\""),
                event(commune, now.minusDays(3), "CASE_UPDATE", done, ",\"status\":\"RESOLVED\""));
        assertThat(http.postJson("/api/v1/events", "[" + events + "]").statusCode())
                .isEqualTo(202);

        JsonNode list = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.getJson("/api/v1/cases?commune=" + commune.code())
                                .get("cases"),
                        c -> c.size() == 3);
        LegalClock clock = settings.clock();
        LocalDate today = now.toLocalDate();

        JsonNode first = list.get(0);
        assertThat(first.get("caseRef").asString()).isEqualTo(late);
        assertThat(first.get("next").asString()).isEqualTo("RESOLVE");
        assertThat(first.get("deadline").asString())
                .isEqualTo(clock.resolveBy(
                                LegalClock.Kind.COMPLAINT,
                                today.minusDays(35),
                                LegalClock.Complexity.ORDINARY,
                                false,
                                0)
                        .toString());
        assertThat(first.get("standing").asString()).isEqualTo("OVERDUE");

        JsonNode second = list.get(1);
        assertThat(second.get("caseRef").asString()).isEqualTo(fresh);
        assertThat(second.get("kind").asString()).isEqualTo("DENUNCIATION");
        assertThat(second.get("next").asString()).isEqualTo("ACCEPT");
        assertThat(second.get("deadline").asString())
                .isEqualTo(clock.acceptBy(LegalClock.Kind.DENUNCIATION, today.minusDays(1))
                        .toString());
        assertThat(second.get("standing").asString()).isEqualTo("ON_TIME");

        JsonNode third = list.get(2);
        assertThat(third.get("caseRef").asString()).isEqualTo(done);
        assertThat(third.get("resolved").asString())
                .isEqualTo(today.minusDays(3).toString());
        assertThat(third.path("next").isNull() || third.path("next").isMissingNode())
                .isTrue();

        assertThat(http.getJson("/api/v1/cases?commune=nowhere").toString()).contains("commune");
        assertThat(http.getJson("/api/v1/cases?since=-5000-01-01").toString()).contains("since", "must be a day");
        // Quiet for longer than the span asked for, the overdue complaint is still listed: it is still open.
        assertThat(http.getJson("/api/v1/cases?commune=" + commune.code() + "&since=" + today.minusDays(2))
                        .get("cases")
                        .toString())
                .contains(late, fresh)
                .doesNotContain(done);

        var driver = chromium.driver();
        signIn(driver, Roles.INSPECTION);
        driver.get("http://localhost:" + port + "/cases");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.cssSelector("vaadin-grid.cases-grid"))
                .getText()
                .contains(late));
        assertThat(driver.findElement(By.cssSelector("vaadin-grid.cases-grid")).getText())
                .contains("Quá hạn");
        chromium.screenshot("cases.png");
    }

    private static String event(Commune commune, OffsetDateTime at, String type, String caseRef, String extra) {
        return ("{\"eventId\":\"%s\",\"occurredAt\":\"%s\",\"communeCode\":\"%s\",\"receptionPoint\":\"DISTRICT_OFFICE\","
                        + "\"type\":\"%s\",\"caseRef\":\"%s\"%s}")
                .formatted(UUID.randomUUID(), at, commune.code(), type, caseRef, extra);
    }
}

package vn.situationroom.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.situationroom.TestAccounts;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.alerts.StandingAlerts;
import vn.situationroom.history.DailyCounts;
import vn.situationroom.platform.Json;
import vn.situationroom.region.Commune;
import vn.situationroom.region.RegionGeometry;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;

/**
 * Three neighbouring communes whose visits jump together over two days, among communes with a steady one a day (their
 * other neighbours and a few communes elsewhere): the
 * cluster check finds them (the space-time scan on the history), raises one CLUSTER alert, and police command sees the
 * cluster outlined as one shape on /map with its numbers, and the alert in the list. The days lie in 2021, which no
 * other test uses, and the check runs with a clock set to them.
 */
class ClusterAlertsBrowserIT extends BrowserTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate LAST_DAY = LocalDate.of(2021, 3, 15);

    @Autowired
    private DailyCounts counts;

    @Autowired
    private ObjectProvider<RegionGeometry> geometry;

    @Autowired
    private StandingAlerts standing;

    @Autowired
    private ClusterSettings settings;

    @Test
    void a_cluster_of_neighbouring_communes_is_outlined_on_the_police_map() throws Exception {
        // A commune, two of its neighbours with it in the cluster, and its other neighbours steady around them.
        List<Commune> neighbourhood = TestCommunes.freshNeighbours(region, geometry.getObject(), 3);
        List<Commune> cluster = neighbourhood.subList(0, 3);
        List<Commune> steady = new ArrayList<>(neighbourhood);
        for (int i = 0; i < 4; i++) {
            steady.add(TestCommunes.fresh(region));
        }
        List<String> events = new ArrayList<>();
        for (int day = 27; day >= 0; day--) {
            LocalDate date = LAST_DAY.minusDays(day);
            for (Commune commune : steady) {
                events.add(visit(commune, date, 0));
            }
            if (day <= 1) {
                for (Commune commune : cluster) {
                    for (int i = 1; i <= 10; i++) {
                        events.add(visit(commune, date, i));
                    }
                }
            }
        }
        TestHttp http = new TestHttp(port);
        for (int from = 0; from < events.size(); from += 100) {
            String batch = "[" + String.join(",", events.subList(from, Math.min(events.size(), from + 100))) + "]";
            assertThat(http.postJson("/api/v1/events", batch).statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> counts.visitsAndPetitionsOfAll(LAST_DAY.minusDays(27), LAST_DAY, VIETNAM).values().stream()
                                .mapToLong(row -> java.util.Arrays.stream(row).sum())
                                .sum()
                        >= events.size());

        ClusterAlerts check = checkOn(LAST_DAY);
        List<StandingAlerts.Condition> found = check.clusters();
        assertThat(found).as("clusters at p ≤ %s", settings.alpha()).isNotEmpty();
        StandingAlerts.Condition best = found.getFirst();
        assertThat(best.reason().communes())
                .as("the cluster found is the one made")
                .containsAll(cluster.stream().map(Commune::code).toList())
                .as("and no more than a commune or two beside them")
                .hasSizeLessThanOrEqualTo(5);
        assertThat(best.reason().threshold()).as("p-value").isLessThanOrEqualTo(0.01);
        assertThat(best.reason().date()).isEqualTo(LAST_DAY.minusDays(1));
        StandingAlerts.Outcome outcome = check.check();
        assertThat(outcome.raised()).contains(best.alertId());

        // The back-test over the days around it: what the scan finds as of each day, beside what fired.
        String request = """
                {"from":"%s","to":"%s"}""".formatted(LAST_DAY.minusDays(3), LAST_DAY);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode answer = Json.MAPPER.readTree(
                    http.postJson("/api/v1/analysis/clusters", request).body());
            assertThat(answer.get("days")).hasSize(4);
            assertThat(answer.get("days").get(0).get("clusters"))
                    .as("two days before the jump")
                    .isEmpty();
            JsonNode last = answer.get("days").get(3).get("clusters").get(0);
            assertThat(last.get("communes")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList())
                    .containsAll(cluster.stream().map(Commune::code).toList());
            assertThat(last.get("pValue").asDouble()).isLessThanOrEqualTo(0.01);
            assertThat(answer.get("fired")
                            .valueStream()
                            .map(a -> a.get("alertId").asString()))
                    .contains(best.alertId());
        });
        assertThat(http.postJson("/api/v1/analysis/clusters", """
                        {"from":"2021-01-01","to":"2021-03-01"}""").body()).contains("at most 31 days");

        var driver = chromium.driver();
        signIn(driver, Roles.POLICE);
        driver.get("http://localhost:" + port + "/map");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        By outline = By.cssSelector("sr-commune-map path[data-outline='" + best.alertId() + "']");
        wait.until(d -> !d.findElements(outline).isEmpty());
        assertThat(driver.findElements(outline))
                .as("one shape for the whole cluster")
                .hasSize(1);
        // The cluster's other communes name it too, where they have no reason of their own.
        String member = cluster.get(1).code();
        wait.until(d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript(
                                "const s = document.querySelector('sr-commune-map').styles[arguments[0]];"
                                        + " return s ? s.detail : '';",
                                member))
                .contains("Cụm xã giáp ranh"));
        By item = By.cssSelector(".police-alert[data-rule='CLUSTER'][data-alert='" + best.alertId() + "']");
        wait.until(d -> !d.findElements(item).isEmpty());
        assertThat(driver.findElement(item).getText())
                .contains(
                        cluster.getFirst().name(),
                        cluster.get(1).name(),
                        cluster.get(2).name());
        wait.until(d -> {
            d.findElement(item)
                    .findElement(By.cssSelector(".alert-row-commune"))
                    .click();
            return true;
        });
        Thread.sleep(1500); // the map flies to the cluster's centre
        chromium.screenshot("map-cluster.png");

        // The link a notification carries opens the map on the alert's commune.
        driver.get("http://localhost:" + port + "/map?alert=" + best.alertId());
        wait.until(d -> best.communeCode()
                .equals(d.findElement(By.cssSelector("sr-commune-map")).getDomAttribute("data-focused")));

        // The overview map outlines it too, for the leadership. A commune's officer, who sees their own commune only,
        // is not shown a cluster that spans others.
        signInAs(driver, TestAccounts.user(accounts, cluster.getFirst().code(), Roles.COMMUNE));
        driver.get("http://localhost:" + port + "/");
        wait.until(d -> !d.findElements(By.cssSelector("sr-commune-map")).isEmpty() && outlines(d) != null);
        assertThat(outlines(driver)).isEqualTo("[]");
        signIn(driver, Roles.LEADERSHIP);
        driver.get("http://localhost:" + port + "/");
        wait.until(d -> !d.findElements(outline).isEmpty());
        assertThat(driver.findElements(outline)).hasSize(1);
        chromium.screenshot("overview-cluster.png");

        // Weeks later the cluster is gone: the check ends its alert, and the overview's outline goes.
        assertThat(checkOn(LAST_DAY.plusDays(60)).check().ended()).contains(best.alertId());
        wait.until(d -> d.findElements(outline).isEmpty());
    }

    /** The outlines the map was given, as the server set them (JSON), or null before it drew. */
    private static String outlines(org.openqa.selenium.WebDriver driver) {
        Object value = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.querySelector('sr-commune-map').outlines;");
        return value == null ? null : value.toString();
    }

    private ClusterAlerts checkOn(LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(20, 0).atZone(VIETNAM).toInstant(), VIETNAM);
        return new ClusterAlerts(counts, region, geometry, standing, settings, clock);
    }

    private static String visit(Commune commune, LocalDate date, int minute) {
        return """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"COMMUNE_OFFICE",\
                "type":"VISIT","content":"COMPLAINT","field":"LAND"}""".formatted(
                UUID.randomUUID(), date.atTime(9, minute).atZone(VIETNAM).toOffsetDateTime(), commune.code());
    }
}

package vn.situationroom.watch;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.situationroom.TestAccounts;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.region.Commune;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;

/**
 * A commune's watch lists: a case that came as a crowd is a delegation, one that came three times a prolonged
 * complaint; one taken off stays off until it comes back; one added by hand is listed once.
 */
class WatchListsIT extends BrowserTest {

    @Autowired
    AuditLog audit;

    @Autowired
    WatchLists lists;

    @Test
    void the_lists_come_from_the_events_and_from_the_communes_hands() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        OffsetDateTime now =
                OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS);
        String crowd = "KN-" + UUID.randomUUID();
        String prolonged = "KN-" + UUID.randomUUID();
        List<String> events = List.of(
                visit(commune, now.minusDays(2), crowd, 14),
                visit(commune, now.minusDays(60), prolonged, 1),
                visit(commune, now.minusDays(30), prolonged, 1),
                visit(commune, now.minusDays(3), prolonged, 1));
        TestHttp http = new TestHttp(port);
        assertThat(http.postJson("/api/v1/events", "[" + String.join(",", events) + "]")
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> lists.list(List.of(commune.code())).size() == 2);
        List<WatchLists.Entry> listed = lists.list(List.of(commune.code()));
        assertThat(listed)
                .extracting(WatchLists.Entry::kind, WatchLists.Entry::subject, WatchLists.Entry::automatic)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(WatchLists.Kind.DELEGATION, crowd, true),
                        org.assertj.core.groups.Tuple.tuple(WatchLists.Kind.PROLONGED, prolonged, true));
        WatchLists.Entry prolongedEntry = listed.stream()
                .filter(e -> e.kind() == WatchLists.Kind.PROLONGED)
                .findFirst()
                .orElseThrow();
        assertThat(prolongedEntry.contacts()).isEqualTo(3);

        // Taken off with a reason, as the signed-in inspector whatever name is typed: it stays off, until the case
        // comes back. Without anyone signed in, nothing changes.
        assertThatThrownBy(() -> lists.remove(prolongedEntry, "Chủ tịch xã", "không ai đăng nhập"))
                .isInstanceOf(AccessDeniedException.class);
        String inspector = TestAccounts.user(accounts, null, Roles.INSPECTION);
        TestAccounts.actingAs(accounts, inspector, () -> {
            assertThat(lists.remove(prolongedEntry, "Chủ tịch xã", "")).isEqualTo(WatchLists.Outcome.INCOMPLETE);
            assertThat(lists.remove(prolongedEntry, "Chủ tịch xã", "Đã giải quyết xong, công dân đồng ý"))
                    .isEqualTo(WatchLists.Outcome.DONE);
        });
        assertThat(lists.list(List.of(commune.code())))
                .extracting(WatchLists.Entry::subject)
                .containsExactly(crowd);
        // The case comes back after the removal (a visit just now, later than the removal).
        OffsetDateTime back = OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7)))
                .plusSeconds(2)
                .truncatedTo(ChronoUnit.SECONDS);
        assertThat(http.postJson("/api/v1/events", visit(commune, back, prolonged, 1))
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> lists.list(List.of(commune.code())).size() == 2);
        // Its history: the three visits, the removal with who and why, and the visit that brought it back.
        assertThat(lists.history(prolongedEntry))
                .extracting(WatchLists.Step::what, WatchLists.Step::by)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VISIT", null),
                        org.assertj.core.groups.Tuple.tuple("VISIT", null),
                        org.assertj.core.groups.Tuple.tuple("VISIT", null),
                        org.assertj.core.groups.Tuple.tuple("REMOVED", "Cán bộ INSPECTION (" + inspector + ")"),
                        org.assertj.core.groups.Tuple.tuple("VISIT", null));

        assertThat(lists.history(prolongedEntry))
                .filteredOn(step -> step.what().equals("REMOVED"))
                .extracting(WatchLists.Step::note)
                .containsExactly("Chủ tịch xã: Đã giải quyết xong, công dân đồng ý");

        // By hand, once.
        TestAccounts.actingAs(accounts, inspector, () -> {
            assertThat(lists.add(
                            commune.code(),
                            WatchLists.Kind.DELEGATION,
                            "Nhóm hộ dân ấp 3 (đất)",
                            "Văn phòng",
                            "Báo cáo của Công an xã"))
                    .isEqualTo(WatchLists.Outcome.DONE);
            assertThat(lists.add(
                            commune.code(),
                            WatchLists.Kind.DELEGATION,
                            "Nhóm hộ dân ấp 3 (đất)",
                            "Văn phòng",
                            "lần hai"))
                    .isEqualTo(WatchLists.Outcome.ALREADY_LISTED);
        });
        // Both changes are in the audit log, by the inspector.
        audit.flush();
        assertThat(audit.list(null, inspector, 0, 50))
                .extracting(AuditLog.Entry::action)
                .contains(AuditLog.Action.WATCH_REMOVED, AuditLog.Action.WATCH_ADDED);
        assertThat(lists.list(List.of(commune.code()))).hasSize(3);

        var driver = chromium.driver();
        signIn(driver, Roles.INSPECTION);
        driver.get("http://localhost:" + port + "/watch");
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d ->
                        d.findElement(By.cssSelector("vaadin-grid")).getText().contains("Nhóm hộ dân ấp 3 (đất)"));
        assertThat(driver.findElement(By.cssSelector("vaadin-grid")).getText()).contains(crowd, "Đoàn đông người");
        // An entry's history, on the screen.
        driver.findElements(By.cssSelector("vaadin-button.watch-history"))
                .getFirst()
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d ->
                        !d.findElements(By.cssSelector(".watch-history-grid")).isEmpty());
        chromium.screenshot("watch-history.png");
        chromium.screenshot("watch.png");
    }

    private static String visit(Commune commune, OffsetDateTime at, String caseRef, int headcount) {
        return ("{\"eventId\":\"%s\",\"occurredAt\":\"%s\",\"communeCode\":\"%s\",\"receptionPoint\":\"DISTRICT_OFFICE\","
                        + "\"type\":\"VISIT\",\"content\":\"COMPLAINT\",\"field\":\"LAND\",\"headcount\":%d,"
                        + "\"caseRef\":\"%s\"}")
                .formatted(UUID.randomUUID(), at, commune.code(), headcount, caseRef);
    }
}

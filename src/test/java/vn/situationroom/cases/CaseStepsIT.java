package vn.situationroom.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.situationroom.TestAccounts;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.intake.CaseStatus;
import vn.situationroom.intake.EventCheck;
import vn.situationroom.intake.IntakeService;
import vn.situationroom.intake.Violation;
import vn.situationroom.platform.Json;
import vn.situationroom.region.Commune;
import vn.situationroom.security.AccessTokens;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Scopes;
import vn.situationroom.ui.BrowserTest;

/**
 * A case's steps recorded by hand, in the law's order: a complex denunciation accepted and extended twice with its
 * reasons (a third refused), so that its term runs 90 days; a complaint never extended, refused with a reason and
 * closed; and a commune's officer accepting a late complaint on /cases, the deadlines and steps in front of them.
 */
class CaseStepsIT extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    Cases cases;

    @Autowired
    CaseSteps steps;

    @Autowired
    CaseAgencies agencies;

    @Autowired
    CasesProperties settings;

    @Autowired
    ElectionCalendar calendar;

    @Autowired
    IntakeService intake;

    @Autowired
    AuditLog audit;

    @Test
    void a_complex_denunciation_is_extended_twice_at_most_each_time_with_its_reason() throws Exception {
        LocalDate today = LocalDate.now(TestClock.at(calendar.zone()));
        LocalDate received = today.minusDays(70);
        String caseRef = newCase(TestCommunes.fresh(region).code(), "PETITION", received, "DENUNCIATION");

        assertRefused(step(caseRef, CaseStatus.EXTENDED, today, false, "cần xác minh"), CaseSteps.Problem.NOT_ACCEPTED);
        assertRefused(
                step(caseRef, CaseStatus.ACCEPTED, today.plusDays(1), true, null), CaseSteps.Problem.DAY_IN_FUTURE);
        assertRefused(
                step(caseRef, CaseStatus.ACCEPTED, received.minusDays(1), true, null),
                CaseSteps.Problem.DAY_BEFORE_RECEIPT);
        LocalDate accepted = received.plusDays(5);
        assertThat(step(caseRef, CaseStatus.ACCEPTED, accepted, true, null)).isInstanceOf(CaseSteps.Recorded.class);
        await().atMost(PATIENCE)
                .until(() ->
                        accepted.equals(cases.one(caseRef, today).orElseThrow().accepted()));
        assertRefused(step(caseRef, CaseStatus.ACCEPTED, accepted, true, null), CaseSteps.Problem.ALREADY_ACCEPTED);

        assertRefused(
                step(caseRef, CaseStatus.EXTENDED, accepted.plusDays(25), false, "  "),
                CaseSteps.Problem.REASON_REQUIRED);
        record(caseRef, CaseStatus.EXTENDED, accepted.plusDays(25), "Cần xác minh thêm tại 3 xã", today, 1);
        record(caseRef, CaseStatus.EXTENDED, accepted.plusDays(55), "Chờ kết quả giám định", today, 2);
        assertRefused(
                step(caseRef, CaseStatus.EXTENDED, today, false, "lần thứ ba"), CaseSteps.Problem.NO_MORE_EXTENSIONS);

        Cases.CaseSummary summary = cases.one(caseRef, today).orElseThrow();
        assertThat(summary.complexity()).isEqualTo(LegalClock.Complexity.ESPECIALLY_COMPLEX);
        LocalDate resolveBy = settings.clock()
                .resolveBy(LegalClock.Kind.DENUNCIATION, accepted, LegalClock.Complexity.ESPECIALLY_COMPLEX, false, 2);
        assertThat(resolveBy).isAfterOrEqualTo(accepted.plusDays(90));
        assertThat(summary.deadline()).isEqualTo(resolveBy);
        assertThat(cases.deadlines(summary, today))
                .extracting(Cases.Deadline::step, Cases.Deadline::due, Cases.Deadline::done)
                .containsExactly(
                        tuple(
                                Cases.Step.ACCEPT,
                                settings.clock().acceptBy(LegalClock.Kind.DENUNCIATION, received),
                                accepted),
                        tuple(Cases.Step.RESOLVE, resolveBy, null));
        assertThat(cases.timeline(caseRef))
                .extracting(Cases.TimelineEntry::summary)
                .contains("Cần xác minh thêm tại 3 xã", "Chờ kết quả giám định");

        assertRefused(step(caseRef, CaseStatus.DECISION_IN_FORCE, today, false, null), CaseSteps.Problem.NOT_RESOLVED);
        assertRefused(
                step(caseRef, CaseStatus.RESOLVED, accepted.plusDays(40), false, "trước lần gia hạn thứ hai"),
                CaseSteps.Problem.DAY_BEFORE_LAST_STEP);
        TestAccounts.actingAs(
                accounts,
                TestAccounts.user(accounts, null, Roles.INSPECTION),
                () -> assertThatThrownBy(() -> steps.record(caseRef, CaseStatus.RESOLVED, today, false, "thanh tra"))
                        .isInstanceOf(AccessDeniedException.class));
        record(caseRef, CaseStatus.RESOLVED, today, "Kết luận nội dung tố cáo", today, 2);
        await().atMost(PATIENCE)
                .until(() -> cases.one(caseRef, today).orElseThrow().closed());
        assertThat(cases.one(caseRef, today).orElseThrow().next()).isNull();
        assertRefused(step(caseRef, CaseStatus.DIALOGUE, today, false, null), CaseSteps.Problem.CLOSED);
    }

    @Test
    void a_complaint_is_never_extended_and_a_refusal_needs_its_reason_and_ends_the_case() throws Exception {
        LocalDate today = LocalDate.now(TestClock.at(calendar.zone()));
        String caseRef = newCase(TestCommunes.fresh(region).code(), "VISIT", today.minusDays(3), "COMPLAINT");

        assertRefused(step(caseRef, CaseStatus.EXTENDED, today, false, "lý do"), CaseSteps.Problem.NOT_A_DENUNCIATION);
        assertRefused(step(caseRef, CaseStatus.REJECTED, today, false, ""), CaseSteps.Problem.REASON_REQUIRED);
        assertThat(step(caseRef, CaseStatus.REJECTED, today, false, "Không thuộc thẩm quyền"))
                .isInstanceOf(CaseSteps.Recorded.class);
        await().atMost(PATIENCE)
                .until(() -> cases.one(caseRef, today).orElseThrow().closed());
        Cases.CaseSummary refused = cases.one(caseRef, today).orElseThrow();
        assertThat(refused.status()).isEqualTo("REJECTED");
        assertThat(refused.standing()).as("no deadline runs any more").isNull();
        assertThat(cases.deadlines(refused, today).getFirst().done()).isEqualTo(today);
        assertRefused(step(caseRef, CaseStatus.ACCEPTED, today, false, null), CaseSteps.Problem.CLOSED);
        assertRefused(step("KN-no-such-case", CaseStatus.ACCEPTED, today, false, null), CaseSteps.Problem.UNKNOWN_CASE);
    }

    @Test
    void a_communes_officer_sees_the_deadlines_and_accepts_a_late_complaint_on_the_cases_screen() throws Exception {
        String commune = TestCommunes.fresh(region).code();
        LocalDate today = LocalDate.now(TestClock.at(calendar.zone()));
        LocalDate received = today.minusDays(20);
        String caseRef = newCase(commune, "PETITION", received, "COMPLAINT");

        WebDriver driver = chromium.driver();
        signInAs(driver, TestAccounts.user(accounts, commune, Roles.COMMUNE));
        driver.get("http://localhost:" + port + "/cases");
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.until(d -> d.findElement(By.cssSelector("vaadin-grid.cases-grid"))
                .getText()
                .contains(caseRef));
        driver.findElement(By.cssSelector("vaadin-button.case-steps")).click();
        wait.until(d -> !d.findElements(By.cssSelector(".case-deadlines")).isEmpty()
                && d.findElement(By.cssSelector(".case-deadlines")).getText().contains("Quá hạn"));
        assertThat(driver.findElement(By.cssSelector(".case-timeline")).getText())
                .contains("Đơn thư");

        WebElement status = driver.findElement(By.cssSelector("vaadin-combo-box.case-step-status"));
        status.findElement(By.cssSelector("input")).click();
        new Actions(driver).sendKeys("Đã thụ lý").perform();
        wait.until(d -> status.getDomAttribute("opened") != null && status.getDomAttribute("loading") == null);
        new Actions(driver)
                .pause(Duration.ofMillis(200))
                .sendKeys(Keys.ARROW_DOWN, Keys.ENTER)
                .perform();
        wait.until(d -> d.findElement(By.cssSelector("vaadin-checkbox.case-step-complex"))
                .isDisplayed());
        driver.findElement(By.cssSelector("vaadin-checkbox.case-step-complex")).click();
        driver.findElement(By.cssSelector(".case-step-note textarea"))
                .sendKeys("Thụ lý, giao phòng Tài nguyên xác minh");
        chromium.screenshot("case-steps-form.png");
        driver.findElement(By.cssSelector("vaadin-button.case-step-save")).click();

        wait.until(d -> !d.findElements(By.cssSelector(".case-step-recorded")).isEmpty());
        wait.until(d -> d.findElement(By.cssSelector(".case-timeline"))
                .getText()
                .contains("Thụ lý, giao phòng Tài nguyên xác minh"));
        String deadlines = driver.findElement(By.cssSelector(".case-deadlines")).getText();
        LocalDate resolveBy =
                settings.clock().resolveBy(LegalClock.Kind.COMPLAINT, today, LegalClock.Complexity.COMPLEX, false, 0);
        assertThat(deadlines)
                .as("complex: 45 days to resolve")
                .contains(resolveBy.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(deadlines)
                .as("accepted late, by so many days")
                .contains("Trễ "
                        + ChronoUnit.DAYS.between(settings.clock().acceptBy(LegalClock.Kind.COMPLAINT, received), today)
                        + " ngày");
        assertThat(driver.findElement(By.cssSelector(".case-steps-about")).getText())
                .contains("phức tạp");
        chromium.screenshot("case-steps.png");
        assertThat(cases.one(caseRef, today).orElseThrow().complexity()).isEqualTo(LegalClock.Complexity.COMPLEX);
    }

    @Test
    void the_office_gives_a_case_to_a_department_or_to_its_commune_and_nobody_else_may() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        LocalDate today = LocalDate.now(TestClock.at(calendar.zone()));
        String caseRef = newCase(commune.code(), "PETITION", today.minusDays(2), "COMPLAINT");
        String office = TestAccounts.user(accounts, null, Roles.OFFICE);

        TestAccounts.actingAs(accounts, office, () -> agencies.assign(caseRef, "Phòng Tài nguyên và Môi trường"));
        assertThat(cases.one(caseRef, today).orElseThrow().agency()).isEqualTo("Phòng Tài nguyên và Môi trường");
        String communeAgency = agencies.all().stream()
                .filter(a -> a.commune() && a.name().equals(commune.fullName()))
                .findFirst()
                .orElseThrow()
                .id();
        TestAccounts.actingAs(accounts, office, () -> agencies.assign(caseRef, communeAgency));
        assertThat(cases.one(caseRef, today).orElseThrow().agency()).isEqualTo(communeAgency);
        assertThat(new TestHttp(port)
                        .getJson("/api/v1/cases?commune=" + commune.code())
                        .toString())
                .contains("\"agency\":\"" + communeAgency + "\"");

        TestAccounts.actingAs(
                accounts,
                office,
                () -> assertThatThrownBy(() -> agencies.assign(caseRef, "Phòng Ma"))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("agency:"));
        String communeOfficer = TestAccounts.user(accounts, commune.code(), Roles.COMMUNE);
        TestAccounts.actingAs(
                accounts,
                communeOfficer,
                () -> assertThatThrownBy(() -> agencies.assign(caseRef, "Thanh tra huyện"))
                        .isInstanceOf(AccessDeniedException.class));
        assertThat(cases.one(caseRef, today).orElseThrow().agency()).isEqualTo(communeAgency);

        WebDriver driver = chromium.driver();
        signInAs(driver, communeOfficer);
        driver.get("http://localhost:" + port + "/cases");
        new WebDriverWait(driver, PATIENCE)
                .until(d -> d.findElement(By.cssSelector("vaadin-grid.cases-grid"))
                        .getText()
                        .contains("UBND " + commune.fullName()));
    }

    private void record(
            String caseRef, CaseStatus status, LocalDate day, String note, LocalDate today, int extensions) {
        assertThat(step(caseRef, status, day, false, note)).isInstanceOf(CaseSteps.Recorded.class);
        await().atMost(PATIENCE).until(() -> cases.timeline(caseRef).stream().anyMatch(e -> note.equals(e.summary())));
        assertThat(cases.one(caseRef, today).orElseThrow().extensions()).isEqualTo(extensions);
    }

    /** Records a step as the district office does. */
    private CaseSteps.Outcome step(String caseRef, CaseStatus status, LocalDate day, boolean complex, String note) {
        AtomicReference<CaseSteps.Outcome> outcome = new AtomicReference<>();
        TestAccounts.actingAs(
                accounts,
                TestAccounts.user(accounts, null, Roles.OFFICE),
                () -> outcome.set(steps.record(caseRef, status, day, complex, note)));
        return outcome.get();
    }

    private static void assertRefused(CaseSteps.Outcome outcome, CaseSteps.Problem problem) {
        assertThat(outcome).isEqualTo(new CaseSteps.Refused(problem));
    }

    /** A new case of a commune, received on a day by a visit or petition of this content, once it is in history. */
    @Test
    void a_case_update_through_any_channel_keeps_the_rules_of_the_steps_and_is_audited() throws Exception {
        LocalDate today = LocalDate.now(TestClock.at(calendar.zone()));
        String commune = TestCommunes.fresh(region).code();
        String caseRef = newCase(commune, "PETITION", today.minusDays(30), "DENUNCIATION");
        String resolve = caseUpdate(commune, caseRef, today, "RESOLVED", "Đã giải quyết");

        // A machine client that may send events but not record steps: refused, with the reason named.
        TestHttp events = TestHttp.bearer(
                port,
                tokens.issue(AccessTokens.Kind.API, "events only", List.of(Scopes.EVENTS_WRITE))
                        .secret());
        var refused = events.postJson("/api/v1/events", "[" + resolve + "]");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("case-step-not-allowed");
        // A reception officer's form, as any channel: the same rule.
        TestAccounts.actingAs(
                accounts,
                TestAccounts.user(accounts, null, Roles.RECEPTION_OFFICER),
                () -> assertThat(intake.check(Json.MAPPER.readTree(resolve)))
                        .isInstanceOfSatisfying(
                                EventCheck.Invalid.class,
                                invalid -> assertThat(invalid.violations())
                                        .extracting(Violation::code)
                                        .containsExactly("case-step-not-allowed")));

        // The office's own system may record steps, in the law's order only.
        TestHttp office = TestHttp.bearer(
                port,
                tokens.issue(AccessTokens.Kind.API, "office system", List.of(Scopes.EVENTS_WRITE, Scopes.CASES_WRITE))
                        .secret());
        var notAccepted = office.postJson("/api/v1/events", "[" + resolve + "]");
        assertThat(notAccepted.statusCode()).isEqualTo(400);
        assertThat(notAccepted.body()).contains("case-step-not-accepted");
        String accept = caseUpdate(commune, caseRef, today.minusDays(25), "ACCEPTED", null);
        assertThat(office.postJson("/api/v1/events", "[" + accept + "," + resolve + "]")
                        .statusCode())
                .isEqualTo(202);
        await().atMost(PATIENCE)
                .until(() -> cases.one(caseRef, today).orElseThrow().closed());
        // Audit rows are written off the caller's thread.
        await().atMost(PATIENCE)
                .until(() -> audit.list(AuditLog.Action.CASE_STEP, null, 0, 100).stream()
                                .filter(entry -> caseRef.equals(entry.target()))
                                .count()
                        == 2);
        assertThat(audit.list(AuditLog.Action.CASE_STEP, null, 0, 100))
                .filteredOn(entry -> caseRef.equals(entry.target()))
                .extracting(AuditLog.Entry::detail)
                .containsExactlyInAnyOrder("ACCEPTED " + today.minusDays(25), "RESOLVED " + today + ": Đã giải quyết");
        var again = office.postJson(
                "/api/v1/events", "[" + caseUpdate(commune, caseRef, today, "RESOLVED", "lần nữa") + "]");
        assertThat(again.body()).contains("case-step-closed");
    }

    private String caseUpdate(String commune, String caseRef, LocalDate day, String status, String note) {
        // A step of today happens now (11:00 may still lie ahead), one of another day in its late morning.
        OffsetDateTime at = day.equals(LocalDate.now(TestClock.at(calendar.zone())))
                ? OffsetDateTime.now(TestClock.at(calendar.zone())).truncatedTo(ChronoUnit.SECONDS)
                : day.atTime(11, 0).atZone(calendar.zone()).toOffsetDateTime();
        return ("{\"eventId\":\"%s\",\"occurredAt\":\"%s\",\"communeCode\":\"%s\",\"receptionPoint\":\"DISTRICT_OFFICE\","
                        + "\"type\":\"CASE_UPDATE\",\"caseRef\":\"%s\",\"status\":\"%s\"%s}")
                .formatted(
                        UUID.randomUUID(),
                        at,
                        commune,
                        caseRef,
                        status,
                        note == null ? "" : ",\"summary\":\"" + note + "\"");
    }

    private String newCase(String commune, String type, LocalDate received, String content) throws Exception {
        String caseRef = content.substring(0, 2) + "-" + UUID.randomUUID();
        OffsetDateTime at = received.atTime(9, 30).atZone(calendar.zone()).toOffsetDateTime();
        String event = ("{\"eventId\":\"%s\",\"occurredAt\":\"%s\",\"communeCode\":\"%s\","
                        + "\"receptionPoint\":\"DISTRICT_OFFICE\",\"type\":\"%s\",\"caseRef\":\"%s\",\"content\":\"%s\","
                        + "\"field\":\"LAND\"}")
                .formatted(UUID.randomUUID(), at, commune, type, caseRef, content);
        assertThat(new TestHttp(port)
                        .postJson("/api/v1/events", "[" + event + "]")
                        .statusCode())
                .isEqualTo(202);
        LocalDate today = LocalDate.now(TestClock.at(calendar.zone()));
        await().atMost(PATIENCE).until(() -> cases.one(caseRef, today).isPresent());
        return caseRef;
    }
}

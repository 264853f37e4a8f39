package vn.situationroom.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import vn.situationroom.TestAccounts;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.cases.CasePersons;
import vn.situationroom.region.Commune;
import vn.situationroom.ui.BrowserTest;

/**
 * The role matrix of README, walked over every screen (in Chromium, as each role) and every REST endpoint (over HTTP,
 * anonymous, with tokens and with officers' sessions); a commune's officer kept to their commune through every API
 * parameter; personal data shown to the case's handler only, with every read audited; kiosk and API tokens revoked at
 * once; logins throttled and audited.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityIT extends BrowserTest {

    private record Screen(String path, String viewClass, Set<String> roles) {}

    /** Every screen and the roles that open it: README's matrix. */
    private static final List<Screen> SCREENS = List.of(
            new Screen(
                    "",
                    "hotspot-map-view",
                    Set.of(Roles.LEADERSHIP, Roles.POLICE, Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE)),
            new Screen("map", "police-map-view", Set.of(Roles.POLICE)),
            new Screen("wall", "wall-view", Set.of(Roles.LEADERSHIP, Roles.POLICE)),
            new Screen("analysis", "analysis-view", Set.of(Roles.LEADERSHIP, Roles.INSPECTION, Roles.COMMUNE)),
            new Screen("intake", "intake-view", Set.of(Roles.OFFICE, Roles.COMMUNE, Roles.RECEPTION_OFFICER)),
            new Screen("import", "import-view", Set.of(Roles.OFFICE, Roles.RECEPTION_OFFICER)),
            new Screen("cases", "cases-view", Set.of(Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE)),
            new Screen(
                    "escalations",
                    "escalations-view",
                    Set.of(Roles.LEADERSHIP, Roles.POLICE, Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE)),
            new Screen("watch", "watch-view", Set.of(Roles.POLICE, Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE)),
            new Screen("roster", "roster-view", Set.of(Roles.OFFICE)),
            new Screen("admin/users", "users-view", Set.of(Roles.ADMIN)),
            new Screen("admin/tokens", "tokens-view", Set.of(Roles.ADMIN)),
            new Screen("admin/notifications", "notifications-view", Set.of(Roles.ADMIN)),
            new Screen("admin/audit", "audit-view", Set.of(Roles.ADMIN)));

    private record Endpoint(String method, String path, Set<String> roles, String scope) {}

    /**
     * The last days, as the history counts days: in the country's zone, read when asked (a run that crosses midnight
     * there, at 17:00 UTC, must not ask for the day before).
     */
    private static String days() {
        LocalDate today = LocalDate.now(TestClock.at(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        return "from=" + today.minusDays(3) + "&to=" + today;
    }

    /** Every REST endpoint, the officers' roles that may read it with their session, and the token scope it needs. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(
                    "GET",
                    "/api/v1/history/trend?counter=people&" + days(),
                    Set.of(Roles.LEADERSHIP, Roles.POLICE, Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE),
                    Scopes.HISTORY_READ),
            new Endpoint(
                    "GET",
                    "/api/v1/history/top?counter=people&" + days(),
                    Set.of(Roles.LEADERSHIP, Roles.POLICE, Roles.INSPECTION, Roles.OFFICE),
                    Scopes.HISTORY_READ),
            new Endpoint(
                    "GET",
                    "/api/v1/history/events?" + days(),
                    Set.of(Roles.LEADERSHIP, Roles.POLICE, Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE),
                    Scopes.HISTORY_READ),
            new Endpoint(
                    "GET",
                    "/api/v1/history/alerts?" + days(),
                    Set.of(Roles.LEADERSHIP, Roles.POLICE, Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE),
                    Scopes.HISTORY_READ),
            new Endpoint(
                    "GET",
                    "/api/v1/region/units",
                    Set.of(Roles.LEADERSHIP, Roles.POLICE, Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE),
                    Scopes.HISTORY_READ),
            new Endpoint("GET", "/api/v1/alerts", Set.of(Roles.LEADERSHIP, Roles.POLICE), Scopes.HISTORY_READ),
            new Endpoint(
                    "GET",
                    "/api/v1/alerts/none/notifications",
                    Set.of(Roles.LEADERSHIP, Roles.POLICE),
                    Scopes.HISTORY_READ),
            new Endpoint(
                    "GET", "/api/v1/cases", Set.of(Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE), Scopes.HISTORY_READ),
            new Endpoint(
                    "GET",
                    "/api/v1/reports/daily?format=docx",
                    Set.of(Roles.LEADERSHIP, Roles.INSPECTION, Roles.OFFICE),
                    Scopes.HISTORY_READ),
            new Endpoint("POST", "/api/v1/analysis/detect", Set.of(), Scopes.HISTORY_READ),
            new Endpoint("POST", "/api/v1/events", Set.of(), Scopes.EVENTS_WRITE),
            new Endpoint("POST", "/api/v1/alerts/none/ack", Set.of(), Scopes.ALERTS_WRITE),
            new Endpoint("GET", "/actuator/metrics", Set.of(Roles.ADMIN), Scopes.METRICS_READ),
            new Endpoint("GET", "/actuator/prometheus", Set.of(Roles.ADMIN), Scopes.METRICS_READ));

    private static final List<String> ROLES = List.of(
            Roles.LEADERSHIP,
            Roles.POLICE,
            Roles.INSPECTION,
            Roles.OFFICE,
            Roles.COMMUNE,
            Roles.RECEPTION_OFFICER,
            Roles.ADMIN);

    @Autowired
    private vn.situationroom.roster.DutyRoster roster;

    @Autowired
    private vn.situationroom.alerts.AlertService alertService;

    @Autowired
    private AuditLog audit;

    @Autowired
    private CasePersons persons;

    @Test
    void a_wall_pairing_address_works_once_and_the_screen_keeps_a_secret_of_its_own() throws Exception {
        AccessTokens.Issued kiosk = tokens.issue(AccessTokens.Kind.KIOSK, "Pairing test wall", List.of());
        var first = TestHttp.anonymous(port).get("/kiosk/" + kiosk.secret());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElse("")).endsWith("/wall");
        String cookie = first.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(TokenFilters.KIOSK_COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).as("the screen's own secret, not the address's").doesNotContain(kiosk.secret());
        assertThat(cookie).contains("HttpOnly");

        // The same address again (copied, photographed, forwarded): spent, it signs nothing in.
        var again = TestHttp.anonymous(port).get("/kiosk/" + kiosk.secret());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElse("")).contains("/login?kiosk");

        // The screen itself signs in again with its cookie, after a restart of its session.
        String screenSecret = cookie.substring(TokenFilters.KIOSK_COOKIE.length() + 1, cookie.indexOf(";"));
        assertThat(tokens.authenticate(screenSecret, AccessTokens.Kind.KIOSK)).isPresent();
        assertThat(tokens.authenticate(kiosk.secret(), AccessTokens.Kind.KIOSK)).isEmpty();
    }

    @Test
    void an_officer_changes_their_own_password_within_the_rules_and_signs_in_with_the_new_one() throws Exception {
        String username = "it-own-password";
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, "Cán bộ đổi mật khẩu", TestAccounts.PASSWORD, List.of(Roles.INSPECTION), null);
        }
        WebDriver driver = chromium.driver();
        signInAs(driver, username);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d ->
                !d.findElements(By.cssSelector("vaadin-button.shell-password")).isEmpty());
        driver.findElement(By.cssSelector("vaadin-button.shell-password")).click();
        wait.until(
                d -> !d.findElements(By.cssSelector(".password-current input")).isEmpty());
        // A common password is refused, with the reason on the field.
        driver.findElement(By.cssSelector(".password-current input")).sendKeys(TestAccounts.PASSWORD);
        driver.findElement(By.cssSelector(".password-new input")).sendKeys("qwertyuiop");
        driver.findElement(By.cssSelector(".password-repeat input")).sendKeys("qwertyuiop");
        driver.findElement(By.cssSelector("vaadin-button.password-save")).click();
        wait.until(d -> d.findElement(By.cssSelector(".password-new")).getDomAttribute("invalid") != null);
        assertThat(driver.findElement(By.cssSelector(".password-new")).getText())
                .contains("phổ biến");
        chromium.screenshot("password-common.png");

        String fresh = "Ruộng lúa ven sông Cổ Chiên";
        for (String field : List.of(".password-new input", ".password-repeat input")) {
            driver.findElement(By.cssSelector(field))
                    .sendKeys(
                            org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                            org.openqa.selenium.Keys.BACK_SPACE);
            driver.findElement(By.cssSelector(field)).sendKeys(fresh);
        }
        driver.findElement(By.cssSelector("vaadin-button.password-save")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login"));

        // The old password no longer signs in; the new one does.
        try {
            assertThat(TestHttp.signIn(port, username, TestAccounts.PASSWORD)).isNull();
            assertThat(TestHttp.signIn(port, username, fresh)).isNotNull();
            audit.flush();
            assertThat(audit.list(AuditLog.Action.PASSWORD_CHANGED, username, 0, 5))
                    .hasSize(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_services_that_change_accounts_tokens_the_roster_and_alerts_check_the_caller_themselves() {
        // Signed in, but not with the role the screen asks for: each service refuses on its own.
        TestAccounts.actingAs(accounts, TestAccounts.user(accounts, null, Roles.POLICE), () -> {
            assertThatThrownBy(() -> accounts.create(
                            "it-sneaky", "Kẻ lạ", "integration-suite-password", List.of(Roles.ADMIN), null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> tokens.issue(AccessTokens.Kind.API, "sneaky", Scopes.ALL))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> roster.add(new vn.situationroom.roster.DutyRoster.Shift(
                            0,
                            LocalDate.now(),
                            java.time.LocalTime.of(7, 0),
                            java.time.LocalTime.of(11, 0),
                            vn.situationroom.intake.ReceptionPoint.DISTRICT_OFFICE,
                            "Kẻ lạ",
                            null,
                            null)))
                    .isInstanceOf(AccessDeniedException.class);
        });
        TestAccounts.actingAs(
                accounts,
                TestAccounts.user(accounts, null, Roles.LEADERSHIP),
                () -> assertThatThrownBy(() ->
                                alertService.acknowledge(UUID.randomUUID().toString(), null, "không phải công an"))
                        .isInstanceOf(AccessDeniedException.class));
        assertThat(accounts.find("it-sneaky")).isEmpty();
        assertThat(tokens.list(AccessTokens.Kind.API))
                .extracting(AccessTokens.Token::name)
                .doesNotContain("sneaky");
    }

    @Test
    void nothing_answers_without_authentication_but_the_login_page_static_files_and_health() throws Exception {
        TestHttp anonymous = TestHttp.anonymous(port);
        for (Screen screen : SCREENS) {
            HttpResponse<String> response = anonymous.get("/" + screen.path());
            assertThat(response.statusCode()).as(screen.path()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow())
                    .as(screen.path())
                    .endsWith("/login");
        }
        for (Endpoint endpoint : ENDPOINTS) {
            HttpResponse<String> response = call(anonymous, endpoint);
            assertThat(response.statusCode()).as(endpoint.path()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .contains("application/problem+json");
        }
        assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/sr/sr-chart.js").statusCode()).isEqualTo(200);
        // A kiosk address that is not a token leads to the login page, saying so.
        assertThat(anonymous
                        .get("/kiosk/srk_not-a-token")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login?kiosk");
        // The security headers are on the pages Vaadin serves, too.
        HttpResponse<String> login = anonymous.get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'", "object-src 'none'");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void every_role_opens_exactly_its_screens_and_its_menu_lists_them() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        WebDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        for (String role : ROLES) {
            signInAs(driver, TestAccounts.user(accounts, role.equals(Roles.COMMUNE) ? commune.code() : null, role));
            Set<String> menu = new TreeSet<>();
            Set<String> expectedMenu = new TreeSet<>();
            for (Screen screen : SCREENS) {
                driver.get("http://localhost:" + port + "/" + screen.path());
                boolean allowed = screen.roles().contains(role);
                By expected = By.cssSelector("." + (allowed ? screen.viewClass() : "no-access-view"));
                wait.withMessage(role + " on /" + screen.path() + " expects " + expected)
                        .until(d -> !d.findElements(expected).isEmpty());
                assertThat(driver.findElements(By.cssSelector("." + screen.viewClass())))
                        .as(role + " on /" + screen.path())
                        .hasSize(allowed ? 1 : 0);
                if (allowed) {
                    expectedMenu.add(screen.path());
                }
                if (allowed && (role.equals(Roles.ADMIN) || role.equals(Roles.COMMUNE))) {
                    chromium.screenshot("security-" + role.toLowerCase() + "-"
                            + (screen.path().isEmpty()
                                    ? "overview"
                                    : screen.path().replace('/', '-')) + ".png");
                }
                if (allowed && !screen.path().equals("wall")) {
                    driver.findElements(By.cssSelector("vaadin-side-nav-item"))
                            .forEach(item -> menu.add(item.getDomAttribute("path")));
                }
            }
            // Every role has a screen with the menu, and the menu lists exactly what opens.
            assertThat(menu).as("the menu of " + role).isEqualTo(expectedMenu);
            chromium.screenshot("security-" + role.toLowerCase() + ".png");
        }
    }

    @Test
    void every_endpoint_answers_each_role_and_each_scope_by_the_matrix() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        Map<String, TestHttp> sessions = new LinkedHashMap<>();
        for (String role : ROLES) {
            String cookie = TestHttp.signIn(
                    port,
                    TestAccounts.user(accounts, role.equals(Roles.COMMUNE) ? commune.code() : null, role),
                    TestAccounts.PASSWORD);
            assertThat(cookie).as(role).isNotNull();
            sessions.put(role, TestHttp.session(port, cookie));
        }
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Map.Entry<String, TestHttp> session : sessions.entrySet()) {
                int status = call(session.getValue(), endpoint).statusCode();
                boolean allowed = endpoint.roles().contains(session.getKey());
                if (allowed ? !answered(status) : status != 403) {
                    wrong.add(session.getKey() + " " + endpoint.method() + " " + endpoint.path() + " → " + status);
                }
            }
            for (String scope : Scopes.ALL) {
                TestHttp client = TestHttp.bearer(
                        port,
                        tokens.issue(AccessTokens.Kind.API, "matrix " + scope, List.of(scope))
                                .secret());
                int status = call(client, endpoint).statusCode();
                boolean allowed = scope.equals(endpoint.scope());
                if (allowed ? !answered(status) : status != 403) {
                    wrong.add(scope + " " + endpoint.method() + " " + endpoint.path() + " → " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_commune_officer_reads_no_other_commune_through_any_api_parameter() throws Exception {
        Commune own = TestCommunes.fresh(region);
        Commune other = TestCommunes.fresh(region);
        TestHttp machine = new TestHttp(port);
        OffsetDateTime now =
                OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS);
        for (Commune commune : List.of(own, other)) {
            assertThat(machine.postJson("/api/v1/events", visit(commune, now, "SC-" + commune.code(), 30, ""))
                            .statusCode())
                    .isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> machine.getJson("/api/v1/history/events?" + days() + "&commune=" + own.code() + "&commune="
                                        + other.code())
                                .get("total")
                                .asLong()
                        == 2);
        TestHttp officer = TestHttp.session(
                port,
                TestHttp.signIn(port, TestAccounts.user(accounts, own.code(), Roles.COMMUNE), TestAccounts.PASSWORD));

        for (String path : List.of(
                "/api/v1/history/events?" + days() + "&commune=" + other.code(),
                "/api/v1/history/events?" + days() + "&commune=" + own.code() + "&commune=" + other.code(),
                "/api/v1/history/alerts?" + days() + "&commune=" + other.code(),
                "/api/v1/history/trend?counter=people&" + days() + "&commune=" + other.code(),
                "/api/v1/cases?commune=" + other.code(),
                "/api/v1/history/top?counter=people&" + days(),
                "/api/v1/reports/daily")) {
            assertThat(officer.get(path).statusCode()).as(path).isEqualTo(403);
        }
        JsonNode events = officer.getJson("/api/v1/history/events?" + days() + "&size=500");
        assertThat(events.get("items")
                        .valueStream()
                        .map(e -> e.get("communeCode").asString())
                        .distinct()
                        .toList())
                .containsExactly(own.code());
        // The indicators come from the stream, a moment after the stored events.
        JsonNode trend = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> officer.getJson("/api/v1/history/trend?counter=people&granularity=DAY&" + days()),
                        t -> t.get("total").asLong() > 0);
        assertThat(trend.get("communes").get(0).asString()).isEqualTo(own.code());
        assertThat(trend.get("total").asLong()).isEqualTo(30);
        JsonNode cases = officer.getJson("/api/v1/cases");
        assertThat(cases.get("cases")
                        .valueStream()
                        .map(c -> c.get("communeCode").asString())
                        .distinct()
                        .toList())
                .containsExactly(own.code());
        // An alert of the other commune, asked for by its id, does not exist for this officer.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> machine.getJson("/api/v1/history/alerts?" + days() + "&commune=" + other.code())
                                .get("total")
                                .asLong()
                        > 0);
        String otherAlert = machine.getJson("/api/v1/history/alerts?" + days() + "&commune=" + other.code())
                .get("items")
                .get(0)
                .get("alertId")
                .asString();
        assertThat(officer.get("/api/v1/history/alerts/" + otherAlert).statusCode())
                .isEqualTo(404);
    }

    @Test
    void personal_data_reaches_only_the_case_handler_and_every_read_is_audited(CapturedOutput output) throws Exception {
        Commune commune = TestCommunes.fresh(region);
        String caseRef = "TC-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Nguyễn Thị Bí Mật " + caseRef;
        String idNumber = "084099887766";
        String phone = "0987654321";
        TestHttp machine = new TestHttp(port);
        OffsetDateTime now =
                OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS);
        String denunciation = visit(commune, now, caseRef, 1, """
                ,"person":{"name":"%s","idNumber":"%s","phone":"%s","address":"Ấp Mới"}""".formatted(name, idNumber, phone))
                .replace("\"COMPLAINT\"", "\"DENUNCIATION\"");
        assertThat(machine.postJson("/api/v1/events", denunciation).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> machine.getJson("/api/v1/history/events?" + days() + "&caseRef=" + caseRef)
                                .get("total")
                                .asLong()
                        == 1);

        String handler = TestAccounts.user(accounts, null, Roles.INSPECTION);
        String office = TestAccounts.user(accounts, null, Roles.OFFICE);
        // Whoever assigns cannot give the case to themselves, and so open its person to themselves.
        assertThatThrownBy(() -> actingAs(office, () -> persons.assign(caseRef, office)))
                .isInstanceOf(AccessDeniedException.class);
        actingAs(office, () -> persons.assign(caseRef, handler));

        Instant before = Instant.now();
        // Everyone else: every JSON answer is without the person, and asking for the person is refused.
        Map<String, String> others = Map.of(
                Roles.LEADERSHIP,
                TestAccounts.user(accounts, null, Roles.LEADERSHIP),
                Roles.POLICE,
                TestAccounts.user(accounts, null, Roles.POLICE),
                Roles.OFFICE,
                office,
                Roles.COMMUNE,
                TestAccounts.user(accounts, commune.code(), Roles.COMMUNE),
                "another inspector",
                TestAccounts.user(accounts, null, Roles.INSPECTION, Roles.OFFICE));
        for (Map.Entry<String, String> other : others.entrySet()) {
            TestHttp session = TestHttp.session(port, TestHttp.signIn(port, other.getValue(), TestAccounts.PASSWORD));
            for (String path : List.of(
                    "/api/v1/history/events?" + days() + "&caseRef=" + caseRef,
                    "/api/v1/history/alerts?" + days() + "&commune=" + commune.code(),
                    "/api/v1/cases",
                    "/api/v1/alerts")) {
                assertThat(session.get(path).body())
                        .as(other.getKey() + " " + path)
                        .doesNotContain(name, idNumber, phone);
            }
            assertThat(session.get("/api/v1/cases/" + caseRef + "/persons").statusCode())
                    .as(other.getKey())
                    .isEqualTo(403);
        }
        for (String path : List.of("/api/v1/history/events?" + days() + "&caseRef=" + caseRef, "/api/v1/cases")) {
            assertThat(machine.get(path).body()).doesNotContain(name, idNumber, phone);
        }
        assertThat(machine.get("/api/v1/cases/" + caseRef + "/persons").statusCode())
                .isEqualTo(403);

        // The handler reads the person, and the read is audited with who and which event.
        TestHttp handlerSession = TestHttp.session(port, TestHttp.signIn(port, handler, TestAccounts.PASSWORD));
        JsonNode read = handlerSession.getJson("/api/v1/cases/" + caseRef + "/persons");
        audit.flush();
        assertThat(read.get("persons").get(0).get("name").asString()).isEqualTo(name);
        assertThat(audit.since(AuditLog.Action.PERSON_READ, before)).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(handler);
            assertThat(entry.target()).isEqualTo(caseRef);
            assertThat(entry.detail())
                    .contains(read.get("persons").get(0).get("eventId").asString());
        });
        assertThat(audit.since(AuditLog.Action.ACCESS_DENIED, before).stream()
                        .filter(e -> e.target().equals("GET /api/v1/cases/" + caseRef + "/persons")))
                .hasSize(others.size() + 1);

        // The screens: another inspector's cases page never receives the person; the handler opens it.
        WebDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        signInAs(driver, others.get("another inspector"));
        driver.get("http://localhost:" + port + "/cases");
        wait.until(d -> d.findElement(By.cssSelector(".cases-grid")).getText().contains(caseRef));
        assertThat(driver.findElements(By.cssSelector(".case-persons"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(name, idNumber);
        signInAs(driver, handler);
        driver.get("http://localhost:" + port + "/cases");
        wait.until(d -> d.findElement(By.cssSelector(".cases-grid")).getText().contains(caseRef));
        wait.until(d -> {
            d.findElements(By.cssSelector("vaadin-button.case-persons"))
                    .getFirst()
                    .click();
            return true;
        });
        wait.until(d -> !d.findElements(By.cssSelector(".case-persons-grid")).isEmpty()
                && d.findElement(By.cssSelector(".case-persons-grid")).getText().contains(name));
        chromium.screenshot("case-persons.png");
        // Not in the logs either.
        assertThat(output.getAll()).doesNotContain(name, idNumber, phone);
    }

    @Test
    void revoking_a_kiosk_token_closes_the_wall_at_once() throws Exception {
        WebDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        AccessTokens.Token kiosk = signInKiosk(driver);
        wait.until(d -> !d.findElements(By.cssSelector(".wall-view")).isEmpty());
        // The wall, and nothing else.
        driver.get("http://localhost:" + port + "/cases");
        wait.until(d -> !d.findElements(By.cssSelector(".no-access-view")).isEmpty());
        driver.get("http://localhost:" + port + "/wall");
        wait.until(d -> !d.findElements(By.cssSelector(".wall-view")).isEmpty());

        Instant before = Instant.now();
        tokens.revoke(kiosk.id());
        audit.flush();
        // Pushed to the open wall: it goes to the login page, and stays out.
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        driver.get("http://localhost:" + port + "/wall");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(driver.findElements(By.cssSelector(".wall-view"))).isEmpty();
        assertThat(audit.since(AuditLog.Action.TOKEN_REVOKED, before))
                .anySatisfy(entry -> assertThat(entry.target()).isEqualTo(kiosk.auditName()));
    }

    @Test
    void a_metrics_token_scrapes_the_sinks_lag_in_prometheus_format() throws Exception {
        TestHttp scraper = TestHttp.bearer(
                port,
                tokens.issue(AccessTokens.Kind.API, "prometheus", List.of(Scopes.METRICS_READ))
                        .secret());
        HttpResponse<String> scraped = scraper.get("/actuator/prometheus");
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(scraped.body())
                .contains("situationroom_history_sink_lag_records{", "group=\"situation-room-history\"");
    }

    @Test
    void a_revoked_api_token_gets_401_at_once() throws Exception {
        AccessTokens.Issued issued = tokens.issue(AccessTokens.Kind.API, "revoked soon", List.of(Scopes.HISTORY_READ));
        TestHttp client = TestHttp.bearer(port, issued.secret());
        assertThat(client.get("/api/v1/cases").statusCode()).isEqualTo(200);
        tokens.revoke(issued.token().id());
        HttpResponse<String> refused = client.get("/api/v1/cases");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("invalid_token");
    }

    @Test
    void logins_are_audited_and_a_guessed_password_is_throttled() throws Exception {
        String username = "it-throttled-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(username, "Throttled officer", TestAccounts.PASSWORD, List.of(Roles.POLICE), null);
        Instant before = Instant.now();
        assertThat(TestHttp.signIn(port, username, TestAccounts.PASSWORD)).isNotNull();
        for (int i = 0; i < 5; i++) {
            assertThat(TestHttp.signIn(port, username, "wrong password " + i)).isNull();
        }
        // Blocked now, even with the right password.
        assertThat(TestHttp.signIn(port, username, TestAccounts.PASSWORD)).isNull();
        audit.flush();
        assertThat(audit.since(AuditLog.Action.LOGIN, before))
                .anySatisfy(e -> assertThat(e.actor()).isEqualTo(username));
        assertThat(audit.since(AuditLog.Action.LOGIN_FAILED, before).stream()
                        .filter(e -> e.actor().equals(username)))
                .hasSize(5);
        assertThat(audit.since(AuditLog.Action.LOGIN_BLOCKED, before).stream()
                        .filter(e -> e.actor().equals(username)))
                .hasSize(1);
        // Other officers still sign in from the same address.
        assertThat(TestHttp.signIn(port, TestAccounts.user(accounts, null, Roles.POLICE), TestAccounts.PASSWORD))
                .isNotNull();
    }

    @Test
    void disabling_an_account_ends_its_session_at_its_next_request() throws Exception {
        String username = "it-disabled-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(username, "Soon disabled", TestAccounts.PASSWORD, List.of(Roles.INSPECTION), null);
        TestHttp session = TestHttp.session(port, TestHttp.signIn(port, username, TestAccounts.PASSWORD));
        assertThat(session.get("/api/v1/cases").statusCode()).isEqualTo(200);
        accounts.update(username, "Soon disabled", List.of(Roles.INSPECTION), null, false);
        assertThat(session.get("/api/v1/cases").statusCode()).isEqualTo(401);
        assertThat(TestHttp.signIn(port, username, TestAccounts.PASSWORD)).isNull();
    }

    /** An allowed call is answered: a success, or a 400 naming what the empty test body lacks. */
    /** Let through: answered by the endpoint itself (a bad body, an unknown alert), not refused by security. */
    private static boolean answered(int status) {
        return status / 100 == 2 || status == 400 || status == 404;
    }

    private void actingAs(String username, Runnable action) {
        TestAccounts.actingAs(accounts, username, action);
    }

    private static HttpResponse<String> call(TestHttp client, Endpoint endpoint) throws Exception {
        return endpoint.method().equals("GET") ? client.get(endpoint.path()) : client.postJson(endpoint.path(), "{}");
    }

    private static String visit(Commune commune, OffsetDateTime at, String caseRef, int headcount, String extra) {
        return ("{\"eventId\":\"%s\",\"occurredAt\":\"%s\",\"communeCode\":\"%s\",\"receptionPoint\":\"DISTRICT_OFFICE\","
                        + "\"type\":\"VISIT\",\"content\":\"COMPLAINT\",\"field\":\"LAND\",\"headcount\":%d,"
                        + "\"caseRef\":\"%s\"%s}")
                .formatted(UUID.randomUUID(), at, commune.code(), headcount, caseRef, extra);
    }
}

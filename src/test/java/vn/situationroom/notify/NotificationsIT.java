package vn.situationroom.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import com.vaadin.flow.i18n.I18NProvider;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.situationroom.SuiteSecurityStrategy;
import vn.situationroom.TestAccounts;
import vn.situationroom.TestAlerts;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.notify.Subscriptions.Channel;
import vn.situationroom.notify.Subscriptions.Subscription;
import vn.situationroom.platform.Json;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.region.Unit;
import vn.situationroom.roster.DutyRoster;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Roles;
import vn.situationroom.security.UserAccounts;

/**
 * A CRITICAL alert reaches people who are not looking at a screen, through real servers in the test: an SMTP server
 * (GreenMail) receives the email of each address once within seconds; a local HTTP server checks a webhook's HMAC
 * signature and receives the SMS gateway's request made from its template (to a subscriber and to the officer on
 * duty); with the escalation delay shortened to seconds, the chain's next step is notified when nobody acknowledges,
 * and not when someone does. Every notification is recorded, a failing receiver shown as failed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "situationroom.notifications.enabled=true",
            "situationroom.notifications.email.to=truc-ban@example.vn, chi-huy@example.vn",
            "situationroom.notifications.deliver-every=PT1S",
            "situationroom.notifications.escalate-after=PT4S",
            "situationroom.notifications.max-attempts=2",
            "situationroom.notifications.retry-after=PT1S",
            "situationroom.notifications.base-url=https://phong-tinh-hinh.example.vn/",
            "situationroom.notifications.webhook.secret=" + NotificationsIT.SECRET,
            "situationroom.notifications.sms.headers.Authorization=Bearer gateway-key",
            "situationroom.notifications.sms.body={\"phone\":\"{to}\",\"message\":\"{text}\"}"
        })
@ActiveProfiles("it")
// A context of its own (its mail settings): closed after the class, and the suite's security strategy put back.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(SuiteSecurityStrategy.class)
class NotificationsIT {

    static final String SECRET = "the-webhook-secret-shared-with-receivers";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @RegisterExtension
    static final GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    /** One request the local HTTP server received. */
    record Received(String path, Map<String, List<String>> headers, byte[] body, Instant at) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return Json.MAPPER.readTree(text());
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    private static final List<Received> received = new CopyOnWriteArrayList<>();
    /** The webhooks' receiver and the SMS gateway; {@code /broken} answers 500. */
    private static final HttpServer receiver = receiver();

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body, TestClock.now()));
                int status = path.startsWith("/broken") ? 500 : 200;
                byte[] answer = (status == 200 ? "ok" : "down for maintenance").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("situationroom.notifications.sms.url", () -> receiverUrl("/sms"));
    }

    private static String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Autowired
    LiveAlerts alerts;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationRecords records;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    DutyRoster roster;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NotificationSettings settings;

    @Autowired
    I18NProvider i18n;

    @Autowired
    ElectionCalendar calendar;

    @Test
    void a_critical_alert_is_emailed_to_each_address_once_within_seconds() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        Alert alert = criticalAlertIn(commune);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(commune).size() >= 2);
        List<MimeMessage> mails = mailsAbout(commune);
        assertThat(mails.stream().map(NotificationsIT::recipient).toList())
                .containsExactlyInAnyOrder("truc-ban@example.vn", "chi-huy@example.vn");
        MimeMessage first = mails.getFirst();
        assertThat(first.getSubject()).startsWith("[Nghiêm trọng] " + commune.fullName() + ": ");
        String body = String.valueOf(first.getContent()).strip();
        assertThat(body)
                .contains(commune.fullName())
                .contains("Lúc ")
                .contains("https://phong-tinh-hinh.example.vn/map?alert=" + alert.alertId());
        assertThat(body.length()).as("short enough to forward as an SMS or two").isLessThan(400);

        // The alert seen again (this instance restarts and reads it again): nothing more is sent.
        new Notifications(alerts, jdbc, settings, subscriptions, roster, i18n, region, calendar, TestClock.at(VIETNAM))
                .onAlert(alerts.find(alert.alertId()).orElseThrow());
        Thread.sleep(3000); // three delivery rounds
        assertThat(mailsAbout(commune)).hasSize(2);
        assertThat(records.ofAlert(alert.alertId()).stream()
                        .filter(n -> n.channel() == Channel.EMAIL)
                        .map(n -> n.state() + "/" + n.attempts()))
                .containsExactly("SENT/1", "SENT/1");
    }

    @Test
    void a_webhook_is_signed_the_sms_gateway_gets_its_template_and_a_failing_receiver_is_shown_as_failed()
            throws Exception {
        Commune commune = TestCommunes.fresh(region);
        String hook = "/hooks/" + commune.code();
        subscribe(new Subscription(
                0,
                "Nhóm Zalo chỉ huy",
                Roles.POLICE,
                Channel.WEBHOOK,
                receiverUrl(hook),
                commune.code(),
                HotspotLevel.CRITICAL,
                0,
                true));
        subscribe(new Subscription(
                0,
                "Trưởng Công an xã",
                Roles.POLICE,
                Channel.SMS,
                "0912 345 678",
                commune.code(),
                HotspotLevel.WARNING,
                0,
                true));
        subscribe(new Subscription(
                0,
                "Máy chủ đang bảo trì",
                null,
                Channel.WEBHOOK,
                receiverUrl("/broken"),
                commune.code(),
                HotspotLevel.CRITICAL,
                0,
                true));
        String officer = "Trực ban " + UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime now = LocalDateTime.now(TestClock.at(VIETNAM));
        assertThat(roster.add(new DutyRoster.Shift(
                        0,
                        now.minusHours(1).toLocalDate(),
                        now.minusHours(1).toLocalTime(),
                        now.plusHours(1).toLocalTime(),
                        ReceptionPoint.DISTRICT_OFFICE,
                        officer,
                        "0987 654 321",
                        null)))
                .isEmpty();
        // Officers on duty for a unit: the commune's own district's gets the SMS, another district's does not.
        String district = region.unit(commune.code()).orElseThrow().parentCode();
        String otherDistrict = region.unitsBelowRegion().stream()
                .map(Unit::code)
                .filter(code -> !code.equals(district))
                .findFirst()
                .orElseThrow();
        for (String[] shift : new String[][] {{district, "0911 111 111"}, {otherDistrict, "0922 222 222"}}) {
            assertThat(roster.add(new DutyRoster.Shift(
                            0,
                            now.minusHours(1).toLocalDate(),
                            now.minusHours(1).toLocalTime(),
                            now.plusHours(1).toLocalTime(),
                            ReceptionPoint.DISTRICT_OFFICE,
                            officer + " " + shift[0],
                            shift[1],
                            shift[0])))
                    .isEmpty();
        }
        // A shift kept from a region file that had a unit this one has not: counted for the whole region.
        jdbc.sql("""
                        INSERT INTO duty_shift (day, starts, ends, reception_point, officer, phone, unit_code)
                        VALUES (:day, :starts, :ends, 'DISTRICT_OFFICE', :officer, '0933 333 333', 'gone-with-the-old-file')""")
                .param("day", now.minusHours(1).toLocalDate())
                .param("starts", now.minusHours(1).toLocalTime())
                .param("ends", now.plusHours(1).toLocalTime())
                .param("officer", officer + " gone")
                .update();

        Alert alert = criticalAlertIn(commune);

        // The webhook: the alert's facts, signed with the shared secret over the exact body.
        Received webhook = await().atMost(Duration.ofSeconds(30)).until(() -> one(hook), r -> r != null);
        assertThat(webhook.header("X-Signature-256")).isEqualTo(hmac(SECRET, webhook.body()));
        assertThat(webhook.header("X-Signature-256")).isNotEqualTo(hmac("another-secret", webhook.body()));
        assertThat(webhook.header("Content-Type")).startsWith("application/json");
        System.out.printf("notifications IT: webhook %s%n  %s%n", webhook.header("X-Signature-256"), webhook.text());
        JsonNode payload = webhook.json();
        assertThat(payload.path("alertId").asString()).isEqualTo(alert.alertId());
        assertThat(payload.path("communeCode").asString()).isEqualTo(commune.code());
        assertThat(payload.path("commune").asString()).isEqualTo(commune.fullName());
        assertThat(payload.path("severity").asString()).isEqualTo("CRITICAL");
        assertThat(payload.path("step").asInt()).isZero();
        assertThat(payload.path("link").asString())
                .isEqualTo("https://phong-tinh-hinh.example.vn/map?alert=" + alert.alertId());
        assertThat(payload.path("text").asString()).contains(commune.fullName());

        // The SMS gateway: the template filled in, JSON-escaped, with the gateway's key; to the subscriber and to the
        // officer on duty now, each once.
        await().atMost(Duration.ofSeconds(30)).until(() -> smsAbout(commune).size() >= 4);
        List<Received> sms = smsAbout(commune);
        assertThat(sms.stream().map(r -> r.json().path("phone").asString()))
                .containsExactlyInAnyOrder("0912 345 678", "0987 654 321", "0911 111 111", "0933 333 333");
        System.out.printf(
                "notifications IT: SMS gateway request %s%n", sms.getFirst().text());
        for (Received one : sms) {
            assertThat(one.header("Authorization")).isEqualTo("Bearer gateway-key");
            String message = one.json().path("message").asString();
            // Without diacritics (the default): 160 plain letters to a message.
            // The link names the alert by its short id (its first 10 hexadecimal digits): the map finds it
            // (NotificationsBrowserIT).
            assertThat(message)
                    .startsWith("Nghiem trong " + plain(commune.fullName()) + ": ")
                    .endsWith(" https://phong-tinh-hinh.example.vn/map?a="
                            + alert.alertId().replace("-", "").substring(0, 10));
            assertThat(message.chars()).allMatch(c -> c < 128);
            assertThat(message.length()).as("one SMS").isLessThanOrEqualTo(160);
        }

        // The broken receiver: tried twice (max-attempts), then shown as failed with its answer.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> records.ofAlert(alert.alertId()).stream()
                        .anyMatch(n ->
                                n.recipient().endsWith("/broken") && n.state().equals("FAILED")));
        NotificationRecords.Sent failed = records.ofAlert(alert.alertId()).stream()
                .filter(n -> n.recipient().endsWith("/broken"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.lastError()).contains("HTTP 500").contains("down for maintenance");
        assertThat(records.ofAlert(alert.alertId()).stream()
                        .filter(n -> !n.recipient().endsWith("/broken"))
                        .map(n -> n.channel() + " " + n.recipientName() + " " + n.state()))
                .contains(
                        "WEBHOOK Nhóm Zalo chỉ huy SENT",
                        "SMS Trưởng Công an xã SENT",
                        "SMS " + officer + " SENT",
                        "EMAIL null SENT");
        // Each of the three was sent once.
        assertThat(received.stream().filter(r -> r.path().equals(hook))).hasSize(1);
    }

    @Test
    void the_chain_climbs_when_nobody_acknowledges_and_stops_when_someone_does() throws Exception {
        Commune ignored = TestCommunes.fresh(region);
        Commune acknowledged = TestCommunes.fresh(region);
        for (Commune commune : List.of(ignored, acknowledged)) {
            subscribeChain(commune, "/chain/" + commune.code(), "/chain/" + commune.code() + "/chair");
        }
        Alert open = criticalAlertIn(ignored);
        Alert handled = criticalAlertIn(acknowledged);
        assertThat(TestHttp.bearer(port, TestHttp.TOKEN)
                        .postJson("/api/v1/alerts/" + handled.alertId() + "/ack", """
                                {"by":"Đại úy Trần Văn Trực","note":"Đã cử tổ công tác"}""")
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> alerts.find(handled.alertId())
                        .map(a -> a.state() == AlertState.ACKNOWLEDGED)
                        .orElse(false));

        // Nobody acknowledged: step 1 after 4 s, then step 2 after 8 s, each saying it went unacknowledged.
        Received step1 =
                await().atMost(Duration.ofSeconds(30)).until(() -> one("/chain/" + ignored.code()), r -> r != null);
        assertThat(step1.json().path("step").asInt()).isEqualTo(1);
        assertThat(step1.json().path("text").asString()).startsWith("[CHƯA AI XÁC NHẬN sau 4 giây]");
        Received step2 = await().atMost(Duration.ofSeconds(30))
                .until(() -> one("/chain/" + ignored.code() + "/chair"), r -> r != null);
        assertThat(step2.json().path("step").asInt()).isEqualTo(2);
        assertThat(Duration.between(open.firstSeen(), TestClock.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(8));

        // Acknowledged at once: nobody further up is disturbed, however long after.
        await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20)).until(() -> true);
        assertThat(received.stream().filter(r -> r.path().startsWith("/chain/" + acknowledged.code())))
                .isEmpty();
        assertThat(records.ofAlert(handled.alertId()).stream()
                        .filter(n -> n.step() > 0 && n.state().equals("SENT")))
                .isEmpty();
        assertThat(records.ofAlert(open.alertId()).stream()
                        .filter(n -> n.step() > 0)
                        .map(n -> n.step() + " " + n.recipientName() + " " + n.state()))
                .containsExactly("1 Chỉ huy trưởng SENT", "2 Chủ tịch SENT");
        // The alert's notifications through the API, as the police map's line reads them.
        JsonNode api =
                TestHttp.bearer(port, TestHttp.TOKEN).getJson("/api/v1/alerts/" + open.alertId() + "/notifications");
        assertThat(api.size()).isEqualTo(records.ofAlert(open.alertId()).size());
        assertThat(api.get(0).path("state").asString()).isEqualTo("SENT");
        // A webhook by its host only: its path may hold the receiver's key, which only the administrator sees.
        assertThat(api.valueStream()
                        .filter(n -> n.path("channel").asString().equals("WEBHOOK"))
                        .map(n -> n.path("recipient").asString()))
                .hasSize(2)
                .containsOnly("127.0.0.1");
    }

    @Test
    void a_crowd_that_grows_to_critical_climbs_the_chain_from_then_not_from_its_first_sight() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        String commander = "/grown/" + commune.code();
        String chair = commander + "/chair";
        subscribeChain(commune, commander, chair);
        // Twenty minutes ago a crowd of 6 (WARNING); now 12 (CRITICAL): the same alert, grown.
        postCrowd(commune, 6, Duration.ofMinutes(20));
        Alert warning = await().atMost(Duration.ofSeconds(30)).until(() -> crowdAlertIn(commune), a -> a != null);
        assertThat(warning.severity()).isEqualTo(HotspotLevel.WARNING);
        postCrowd(commune, 12, Duration.ZERO);
        Alert grown = await().atMost(Duration.ofSeconds(30))
                .until(() -> crowdAlertIn(commune), a -> a != null && a.severity() == HotspotLevel.CRITICAL);
        assertThat(grown.alertId()).isEqualTo(warning.alertId());

        // Had the chain counted from the first sight, every step would have fallen due at once: the commander and the
        // chair told together that it went unacknowledged for 4 and 8 seconds, the moment it became critical.
        Received step1 = await().atMost(Duration.ofSeconds(30)).until(() -> one(commander), r -> r != null);
        Received step2 = await().atMost(Duration.ofSeconds(30)).until(() -> one(chair), r -> r != null);
        assertThat(step1.json().path("step").asInt()).isEqualTo(1);
        assertThat(step1.json().path("text").asString()).startsWith("[CHƯA AI XÁC NHẬN sau 4 giây]");
        assertThat(step2.json().path("step").asInt()).isEqualTo(2);
        assertThat(Duration.between(step1.at(), step2.at()))
                .as("the chair is told escalate-after (4 s) after the commander, not with him")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    private void postCrowd(Commune commune, int headcount, Duration ago) throws Exception {
        String at = OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7)))
                .minus(ago)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(new TestHttp(port)
                        .postJson("/api/v1/events", """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"COMMUNE_OFFICE",\
                "type":"VISIT","content":"COMPLAINT","field":"LAND","headcount":%d}""".formatted(UUID.randomUUID(), at, commune.code(), headcount))
                        .statusCode())
                .isEqualTo(202);
    }

    private Alert crowdAlertIn(Commune commune) {
        return alerts.active().stream()
                .filter(a -> a.communeCode().equals(commune.code()) && a.rule() == AlertRule.CROWD)
                .findFirst()
                .orElse(null);
    }

    @Test
    void a_subscription_with_a_bad_address_is_refused_by_field_and_each_change_is_audited() {
        String admin = TestAccounts.user(accounts, null, Roles.ADMIN);
        Commune commune = TestCommunes.fresh(region);
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        TestAccounts.actingAs(accounts, admin, () -> {
            assertThat(subscriptions.save(new Subscription(
                            0, " ", "CHIEF", Channel.SMS, "gọi tôi", "no-such-unit", HotspotLevel.CRITICAL, 9, true)))
                    .containsExactly("name", "role", "address", "unit", "step");
            assertThat(subscriptions.save(new Subscription(
                            0,
                            "Thư ký",
                            null,
                            Channel.WEBHOOK,
                            "ftp://example.vn/x",
                            null,
                            HotspotLevel.CRITICAL,
                            0,
                            true)))
                    .containsExactly("address");
            assertThat(subscriptions.save(new Subscription(
                            0,
                            "Văn phòng",
                            Roles.OFFICE,
                            Channel.EMAIL,
                            "van-phong@example.vn",
                            commune.code(),
                            HotspotLevel.WARNING,
                            0,
                            true)))
                    .isEmpty();
            Subscription saved = subscriptions.all().stream()
                    .filter(s -> s.address().equals("van-phong@example.vn"))
                    .findFirst()
                    .orElseThrow();
            assertThat(subscriptions.save(new Subscription(
                            saved.id(),
                            "Văn phòng",
                            Roles.OFFICE,
                            Channel.EMAIL,
                            "van-phong@example.vn",
                            commune.code(),
                            HotspotLevel.CRITICAL,
                            1,
                            false)))
                    .isEmpty();
            assertThat(subscriptions.remove(saved.id())).isTrue();
        });
        audit.flush();
        assertThat(audit.since(AuditLog.Action.SUBSCRIPTION_ADDED, before))
                .anyMatch(e -> e.actor().equals(admin) && e.detail().contains("van-phong@example.vn"));
        assertThat(audit.since(AuditLog.Action.SUBSCRIPTION_CHANGED, before))
                .anyMatch(e -> e.detail().contains("WARNING")
                        && e.detail().contains("→")
                        && e.detail().endsWith("disabled"));
        assertThat(audit.since(AuditLog.Action.SUBSCRIPTION_REMOVED, before))
                .anyMatch(e -> e.actor().equals(admin) && e.detail().contains("van-phong@example.vn"));
    }

    /** The commune's chain: the police commander at step 1, the chair at step 2, each a webhook to the receiver. */
    private void subscribeChain(Commune commune, String commander, String chair) {
        subscribe(new Subscription(
                0,
                "Chỉ huy trưởng",
                Roles.POLICE,
                Channel.WEBHOOK,
                receiverUrl(commander),
                commune.code(),
                HotspotLevel.CRITICAL,
                1,
                true));
        subscribe(new Subscription(
                0,
                "Chủ tịch",
                Roles.LEADERSHIP,
                Channel.WEBHOOK,
                receiverUrl(chair),
                commune.code(),
                HotspotLevel.CRITICAL,
                2,
                true));
    }

    private void subscribe(Subscription subscription) {
        TestAccounts.actingAs(
                accounts,
                TestAccounts.user(accounts, null, Roles.ADMIN),
                () -> assertThat(subscriptions.save(subscription)).isEmpty());
    }

    private Alert criticalAlertIn(Commune commune) throws Exception {
        return TestAlerts.critical(port, alerts, commune);
    }

    private static Received one(String path) {
        return received.stream().filter(r -> r.path().equals(path)).findFirst().orElse(null);
    }

    private static List<Received> smsAbout(Commune commune) {
        return received.stream()
                .filter(r -> r.path().equals("/sms"))
                .filter(r -> r.json().path("message").asString().contains(plain(commune.fullName())))
                .toList();
    }

    private static List<MimeMessage> mailsAbout(Commune commune) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).contains(commune.fullName()))
                .toList();
    }

    /** The letters of Vietnamese without marks, written out by hand for the communes' names. */
    private static String plain(String vietnamese) {
        StringBuilder plain = new StringBuilder();
        for (char c : vietnamese.toCharArray()) {
            String decomposed = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
            plain.append(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : decomposed.charAt(0));
        }
        return plain.toString();
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

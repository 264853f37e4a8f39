package vn.situationroom.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
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
import vn.situationroom.SuiteSecurityStrategy;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;

/**
 * A CRITICAL alert reaches the addresses of {@code situationroom.notifications.email-to} by email within seconds, through
 * a real SMTP server in the test (GreenMail): in Vietnamese, with the commune, the reason's numbers, the time and a link,
 * once per address however often the alert is seen again (as by a second instance), and recorded as sent.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "situationroom.notifications.email-to=truc-ban@example.vn, chi-huy@example.vn",
            "situationroom.notifications.deliver-every=PT1S",
            "situationroom.notifications.base-url=https://phong-tinh-hinh.example.vn/"
        })
@ActiveProfiles("it")
// A context of its own (its mail settings): closed after the class, and the suite's security strategy put back.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(SuiteSecurityStrategy.class)
class NotificationsIT {

    @RegisterExtension
    static final GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
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
    JdbcClient jdbc;

    @Test
    void a_critical_alert_is_emailed_to_each_address_once_within_seconds() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        String at = OffsetDateTime.now(ZoneOffset.ofHours(7))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(new TestHttp(port)
                        .postJson("/api/v1/events", """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"COMMUNE_OFFICE",\
                "type":"INCIDENT","severity":"SERIOUS","headcount":3}""".formatted(UUID.randomUUID(), at, commune.code()))
                        .statusCode())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 2);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(m -> recipient(m)).toList())
                .containsExactlyInAnyOrder("truc-ban@example.vn", "chi-huy@example.vn");
        MimeMessage first = received[0];
        assertThat(first.getSubject()).startsWith("[Nghiêm trọng] " + commune.fullName() + ": ");
        String body = String.valueOf(first.getContent()).strip();
        assertThat(body)
                .contains(commune.fullName())
                .contains("Lúc ")
                .contains("https://phong-tinh-hinh.example.vn/map?alert=");
        assertThat(body.length()).as("short enough to forward as an SMS or two").isLessThan(400);

        // Another instance sees the same alert (or this one restarts and reads it again): nothing more is sent.
        Alert alert = alerts.active().stream()
                .filter(a -> a.communeCode().equals(commune.code()))
                .findFirst()
                .orElseThrow();
        notifications.onAlert(alert);
        notifications.onAlert(alert);
        Thread.sleep(3000); // three delivery rounds
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        List<String> states = jdbc.sql("SELECT state || '/' || attempts FROM notification WHERE alert_id = :id")
                .param("id", alert.alertId())
                .query(String.class)
                .list();
        assertThat(states).containsExactly("SENT/1", "SENT/1");
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

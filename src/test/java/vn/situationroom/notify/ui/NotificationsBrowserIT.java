package vn.situationroom.notify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.situationroom.TestAlerts;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.region.Commune;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;

/**
 * The administrator keeps the notifications' recipients on a screen (a bad address refused by its field, each change
 * audited), and an alert on the hotspot map says who was notified and what became of it.
 */
class NotificationsBrowserIT extends BrowserTest {

    @Autowired
    AuditLog audit;

    @Autowired
    LiveAlerts alerts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_administrator_adds_a_recipient_and_a_bad_address_is_refused() throws Exception {
        var driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        Instant before = Instant.now().minusSeconds(1);
        signIn(driver, Roles.ADMIN);
        driver.get("http://localhost:" + port + "/admin/notifications");
        By save = By.cssSelector("vaadin-button.notify-save");
        wait.until(d -> !d.findElements(save).isEmpty());
        assertThat(driver.findElement(By.cssSelector(".notify-setup")).getText())
                .contains("chưa cấu hình cổng SMS");

        String name = "Chỉ huy trưởng " + UUID.randomUUID().toString().substring(0, 6);
        driver.findElement(By.cssSelector("vaadin-text-field.notify-name input"))
                .sendKeys(name);
        WebElement address = driver.findElement(By.cssSelector("vaadin-text-field.notify-address input"));
        address.sendKeys("chi-huy-truong");
        driver.findElement(save).click();
        wait.until(d -> d.findElement(By.cssSelector("vaadin-text-field.notify-address"))
                        .getDomAttribute("invalid")
                != null);

        address.sendKeys("@congan.example.vn");
        driver.findElement(save).click();
        By grid = By.cssSelector("vaadin-grid.notify-subscriptions");
        wait.until(d -> d.findElement(grid).getText().contains(name));
        assertThat(driver.findElement(grid).getText())
                .contains("chi-huy-truong@congan.example.vn", "Ngay lập tức", "Chỉ nghiêm trọng", "Toàn bộ");
        chromium.screenshot("notifications-admin.png");

        audit.flush();
        assertThat(audit.since(AuditLog.Action.SUBSCRIPTION_ADDED, before))
                .anyMatch(e -> e.detail().contains("chi-huy-truong@congan.example.vn"));
    }

    @Test
    void an_alert_on_the_hotspot_map_says_who_was_notified_and_what_failed() throws Exception {
        Commune commune = TestCommunes.fresh(region);
        Alert alert = TestAlerts.critical(port, alerts, commune);
        // What the delivery records (this suite's shared app sends none itself): one email sent, one webhook failed.
        record(alert, "EMAIL", "truc-ban@example.vn", "SENT", null);
        record(alert, "WEBHOOK", "https://zalo-relay.example.vn/hook", "FAILED", "HTTP 502 from the relay");

        var driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        signIn(driver, Roles.POLICE);
        driver.get("http://localhost:" + port + "/map?alert=" + alert.alertId());
        By line = By.cssSelector(".police-alert[data-commune='" + commune.code() + "'] .police-alert-notified");
        wait.until(d -> !d.findElements(line).isEmpty());
        assertThat(driver.findElement(line).getText())
                .isEqualTo("Đã báo: 1 Email (Đã gửi), 1 Webhook (Gửi không được)");
        chromium.screenshot("notifications-on-alert.png");

        // The SMS's short link (the id's first 10 hexadecimal digits) opens the map on the alert's commune too.
        driver.get("http://localhost:" + port + "/map");
        wait.until(d -> !d.findElements(By.cssSelector("sr-commune-map")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("sr-commune-map")).getDomAttribute("data-focused"))
                .isNotEqualTo(commune.code());
        driver.get("http://localhost:" + port + "/map?a="
                + alert.alertId().replace("-", "").substring(0, 10));
        wait.until(d -> commune.code()
                .equals(d.findElement(By.cssSelector("sr-commune-map")).getDomAttribute("data-focused")));

        // The analysts' history of alerts says the same, after the alert has gone from the map.
        LocalDate today = LocalDate.now(TestClock.at(ZoneOffset.ofHours(7)));
        signIn(driver, Roles.INSPECTION);
        driver.get("http://localhost:" + port + "/analysis?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&commune=" + commune.code() + "&tab=ALERTS");
        By history = By.cssSelector("vaadin-grid.analysis-alerts");
        wait.until(d -> !d.findElements(history).isEmpty()
                && d.findElement(history).getText().contains("1 Webhook (Gửi không được)"));
        assertThat(driver.findElement(history).getText()).contains("Đã báo: 1 Email (Đã gửi), 1 Webhook");
    }

    private void record(Alert alert, String channel, String recipient, String state, String error) {
        jdbc.sql("""
                INSERT INTO notification (alert_id, commune_code, step, severity, channel, recipient, subject, body,
                    state, attempts, last_error, sent_at)
                VALUES (:alert, :commune, 0, 'CRITICAL', :channel, :recipient, 's', 'b', :state, 1, :error,
                    CASE WHEN :state = 'SENT' THEN now() END)""")
                .param("alert", alert.alertId())
                .param("commune", alert.communeCode())
                .param("channel", channel)
                .param("recipient", recipient)
                .param("state", state)
                .param("error", error)
                .update();
    }
}

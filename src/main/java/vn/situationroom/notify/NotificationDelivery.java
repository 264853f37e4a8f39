package vn.situationroom.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.situationroom.hotspot.AlertState;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.notify.Subscriptions.Channel;
import vn.situationroom.platform.Json;

/**
 * Sends the queued notifications. Each round claims the due rows with {@code FOR UPDATE SKIP LOCKED}, so that two
 * instances never take the same row; a claimed row that was never finished (its instance died) is due again after two
 * minutes. A failed send is retried after {@code retry-after}, doubled each time, and shown as {@code FAILED} after
 * {@code max-attempts}.
 */
@Component
class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);
    private static final int BATCH = 20;
    /** The header that carries a webhook's signature. */
    static final String SIGNATURE_HEADER = "X-Signature-256";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationSettings settings;
    private final LiveAlerts alerts;
    private final HttpClient http;

    NotificationDelivery(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            ObjectProvider<JavaMailSender> mail,
            NotificationSettings settings,
            LiveAlerts alerts) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.mail = mail;
        this.settings = settings;
        this.alerts = alerts;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.webhook().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private record Claimed(
            long id,
            String alertId,
            int step,
            Channel channel,
            String recipient,
            String subject,
            String body,
            String payload,
            int attempts) {}

    @Scheduled(
            initialDelayString = "${situationroom.notifications.deliver-every:PT5S}",
            fixedDelayString = "${situationroom.notifications.deliver-every:PT5S}")
    void deliverDue() {
        if (!settings.enabled()) {
            return;
        }
        List<Claimed> claimed = transaction.execute(status -> jdbc.sql("""
                        UPDATE notification
                        SET state = 'SENDING', attempts = attempts + 1, next_attempt_at = now() + interval '2 minutes'
                        WHERE id IN (
                            SELECT id FROM notification
                            WHERE state IN ('PENDING', 'RETRY', 'SENDING') AND next_attempt_at <= now()
                            ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING id, alert_id, step, channel, recipient, subject, body, payload, attempts""")
                .param("batch", BATCH)
                .query((rs, row) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("alert_id"),
                        rs.getInt("step"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("payload"),
                        rs.getInt("attempts")))
                .list());
        for (Claimed one : claimed == null ? List.<Claimed>of() : claimed) {
            if (one.step() > 0 && !stillUnacknowledged(one.alertId())) {
                // Someone acknowledged it (or it ended) since this step was queued: the chain stops here.
                jdbc.sql("UPDATE notification SET state = 'CANCELLED', attempts = attempts - 1 WHERE id = :id")
                        .param("id", one.id())
                        .update();
                continue;
            }
            try {
                send(one);
                jdbc.sql("UPDATE notification SET state = 'SENT', sent_at = now(), last_error = NULL WHERE id = :id")
                        .param("id", one.id())
                        .update();
                log.info("Notification {} sent by {} to {}", one.id(), one.channel(), shown(one));
            } catch (RuntimeException e) {
                failed(one, e);
            }
        }
    }

    /** A recipient as the log shows it: a webhook's host only (its address may hold a token). */
    private static String shown(Claimed one) {
        return one.channel().shown(one.recipient());
    }

    private boolean stillUnacknowledged(String alertId) {
        return alerts.find(alertId).map(a -> a.state() == AlertState.OPEN).orElse(true);
    }

    private void send(Claimed one) {
        switch (one.channel()) {
            case EMAIL -> email(one);
            case WEBHOOK -> webhook(one);
            case SMS -> sms(one);
        }
    }

    private void email(Claimed one) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is set (spring.mail.host)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.email().from());
        message.setTo(one.recipient());
        message.setSubject(one.subject());
        message.setText(one.body());
        sender.send(message);
    }

    /** Posts the alert's JSON, signed with HMAC-SHA256 over the body; any answer but 2xx is a failure. */
    private void webhook(Claimed one) {
        byte[] body = one.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(one.recipient()))
                .timeout(settings.webhook().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "situation-room")
                .header("X-Notification-Id", String.valueOf(one.id()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.webhook().secret() != null) {
            request.header(SIGNATURE_HEADER, signature(settings.webhook().secret(), body));
        }
        call(request.build());
    }

    /** Calls the SMS gateway with the settings' template, the phone number and the message put in. */
    private void sms(Claimed one) {
        NotificationSettings.Sms gateway = settings.sms();
        if (!gateway.enabled()) {
            throw new IllegalStateException("no SMS gateway is set (situationroom.notifications.sms.url)");
        }
        boolean json = gateway.contentType().toLowerCase(java.util.Locale.ROOT).contains("json");
        String body = gateway.body()
                .replace("{to}", json ? jsonText(one.recipient()) : form(one.recipient()))
                .replace("{text}", json ? jsonText(one.body()) : form(one.body()));
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.url())
                .timeout(settings.webhook().timeout())
                .header("Content-Type", gateway.contentType())
                .method(gateway.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        gateway.headers().forEach(request::header);
        call(request.build());
    }

    private void call(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String answer = response.body() == null ? "" : response.body();
                throw new IllegalStateException("HTTP " + response.statusCode() + " from "
                        + request.uri().getHost() + ": " + (answer.length() > 200 ? answer.substring(0, 200) : answer));
            }
        } catch (IOException e) {
            // The host only: the rest of a receiver's address may hold its key.
            throw new UncheckedIOException(request.uri().getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The signature of a body: {@code sha256=} and the hex of its HMAC-SHA256 with the secret. */
    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static String jsonText(String text) {
        String quoted = Json.MAPPER.writeValueAsString(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String form(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void failed(Claimed one, RuntimeException e) {
        boolean last = one.attempts() >= settings.maxAttempts();
        Duration wait = settings.retryAfter().multipliedBy(1L << Math.min(10, one.attempts() - 1));
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        jdbc.sql("""
                UPDATE notification SET state = :state, last_error = :error,
                    next_attempt_at = now() + make_interval(secs => :wait)
                WHERE id = :id""")
                .param("state", last ? "FAILED" : "RETRY")
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("wait", (double) wait.toSeconds())
                .param("id", one.id())
                .update();
        log.warn(
                "Notification {} to {} failed (attempt {} of {}){}: {}",
                one.id(),
                shown(one),
                one.attempts(),
                settings.maxAttempts(),
                last ? ", given up" : ", tried again in " + wait,
                error);
    }
}

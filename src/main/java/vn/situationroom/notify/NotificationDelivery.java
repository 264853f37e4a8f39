package vn.situationroom.notify;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationSettings settings;

    NotificationDelivery(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            ObjectProvider<JavaMailSender> mail,
            NotificationSettings settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.mail = mail;
        this.settings = settings;
    }

    private record Claimed(long id, String channel, String recipient, String subject, String body, int attempts) {}

    @Scheduled(
            initialDelayString = "${situationroom.notifications.deliver-every:PT5S}",
            fixedDelayString = "${situationroom.notifications.deliver-every:PT5S}")
    void deliverDue() {
        if (settings.emailTo().isEmpty()) {
            return;
        }
        List<Claimed> claimed = transaction.execute(status -> jdbc.sql("""
                        UPDATE notification
                        SET state = 'SENDING', attempts = attempts + 1, next_attempt_at = now() + interval '2 minutes'
                        WHERE id IN (
                            SELECT id FROM notification
                            WHERE state IN ('PENDING', 'RETRY', 'SENDING') AND next_attempt_at <= now()
                            ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING id, channel, recipient, subject, body, attempts""")
                .param("batch", BATCH)
                .query((rs, row) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list());
        for (Claimed one : claimed == null ? List.<Claimed>of() : claimed) {
            try {
                send(one);
                jdbc.sql("UPDATE notification SET state = 'SENT', sent_at = now(), last_error = NULL WHERE id = :id")
                        .param("id", one.id())
                        .update();
                log.info("Notification {} sent to {}", one.id(), one.recipient());
            } catch (RuntimeException e) {
                failed(one, e);
            }
        }
    }

    private void send(Claimed one) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is set (spring.mail.host)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(one.recipient());
        message.setSubject(one.subject());
        message.setText(one.body());
        sender.send(message);
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
                one.recipient(),
                one.attempts(),
                settings.maxAttempts(),
                last ? ", given up" : ", tried again in " + wait,
                error);
    }
}

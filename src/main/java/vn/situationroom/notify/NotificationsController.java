package vn.situationroom.notify;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/alerts/{id}/notifications}: who was notified of an alert, by which channel, at which step of the
 * chain, and what became of each (sent, retried, failed, cancelled by an acknowledgement). No citizen's data is ever in
 * one; a webhook is shown by its host only.
 */
@RestController
class NotificationsController {

    private final NotificationRecords records;

    NotificationsController(NotificationRecords records) {
        this.records = records;
    }

    @GetMapping(path = "/api/v1/alerts/{id}/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    List<NotificationRecords.Sent> ofAlert(@PathVariable String id) {
        return records.ofAlert(id).stream().map(NotificationsController::shown).toList();
    }

    /** A webhook's address as its host only: the rest may hold the receiver's key, which only the administrator sees. */
    private static NotificationRecords.Sent shown(NotificationRecords.Sent n) {
        if (n.channel() != Subscriptions.Channel.WEBHOOK) {
            return n;
        }
        return new NotificationRecords.Sent(
                n.id(),
                n.alertId(),
                n.communeCode(),
                n.step(),
                n.severity(),
                n.channel(),
                n.channel().shown(n.recipient()),
                n.recipientName(),
                n.state(),
                n.attempts(),
                n.lastError(),
                n.createdAt(),
                n.sentAt());
    }
}

package vn.situationroom.notify;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the notifications ({@code situationroom.notifications.*}); the SMTP server is Spring Boot's own
 * {@code spring.mail.*}.
 *
 * @param emailTo addresses that receive every CRITICAL alert by email (comma-separated in a property); none: no email
 * @param from the sender's address
 * @param baseUrl the address people open the app at, for the link in a message
 * @param within an alert first seen longer ago than this is not notified (a restart or a new setting does not send
 *     yesterday's alerts)
 * @param deliverEvery how often due notifications are sent
 * @param maxAttempts how many times a failing send is tried before it is shown as failed
 * @param retryAfter the wait before the first retry; it doubles with each further one
 */
@ConfigurationProperties("situationroom.notifications")
public record NotificationSettings(
        List<String> emailTo,
        String from,
        String baseUrl,
        Duration within,
        Duration deliverEvery,
        Integer maxAttempts,
        Duration retryAfter) {

    public NotificationSettings {
        emailTo = emailTo == null
                ? List.of()
                : emailTo.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        for (String address : emailTo) {
            if (!address.matches("[^@\\s]+@[^@\\s]+")) {
                throw new IllegalArgumentException(
                        "situationroom.notifications.email-to: not an email address: " + address);
            }
        }
        from = from == null || from.isBlank() ? "phong-tinh-hinh@localhost" : from;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        within = within == null ? Duration.ofHours(1) : within;
        deliverEvery = deliverEvery == null ? Duration.ofSeconds(5) : deliverEvery;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        if (maxAttempts < 1 || retryAfter.isNegative() || within.isNegative()) {
            throw new IllegalArgumentException("situationroom.notifications: max-attempts must be at least 1, "
                    + "retry-after and within not negative");
        }
    }
}

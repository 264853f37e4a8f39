package vn.situationroom.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the notifications ({@code situationroom.notifications.*}); the SMTP server is Spring Boot's own
 * {@code spring.mail.*}.
 *
 * @param enabled whether this instance queues and sends notifications at all (off for a training or test instance that
 *     shares a database with live ones)
 * @param email who receives every CRITICAL alert by email, and from which address
 * @param webhook how webhooks are signed and how long one may take
 * @param sms the SMS gateway: nothing goes by SMS while its {@code url} is empty
 * @param escalateAfter a CRITICAL alert not acknowledged this long after it was raised goes to the chain's next step
 *     (step n after n times this)
 * @param baseUrl the address people open the app at, for the link in a message
 * @param within a step that fell due longer ago than this is not sent (a restart or a new setting does not send
 *     yesterday's alerts)
 * @param deliverEvery how often due notifications are sent, and the chain looked at
 * @param maxAttempts how many times a failing send is tried before it is shown as failed
 * @param retryAfter the wait before the first retry; it doubles with each further one
 */
@ConfigurationProperties("situationroom.notifications")
public record NotificationSettings(
        Boolean enabled,
        Email email,
        Webhook webhook,
        Sms sms,
        Duration escalateAfter,
        String baseUrl,
        Duration within,
        Duration deliverEvery,
        Integer maxAttempts,
        Duration retryAfter) {

    /**
     * Email.
     *
     * @param to addresses that receive every CRITICAL alert at once (comma-separated in a property), beside the
     *     subscriptions
     * @param from the sender's address
     */
    public record Email(List<String> to, String from) {

        public Email {
            to = to == null
                    ? List.of()
                    : to.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
            for (String address : to) {
                if (!Subscriptions.isEmailAddress(address)) {
                    throw new IllegalArgumentException(
                            "situationroom.notifications.email.to: not an email address: " + address);
                }
            }
            from = from == null || from.isBlank() ? "phong-tinh-hinh@localhost" : from.strip();
        }
    }

    /**
     * Webhooks: a JSON body, signed with HMAC-SHA256 over the body in the header {@code X-Signature-256}
     * ({@code sha256=<hex>}).
     *
     * @param secret the secret shared with the receivers; none: webhooks go unsigned (a warning at start)
     * @param timeout how long a receiver may take to answer
     */
    public record Webhook(String secret, Duration timeout) {

        public Webhook {
            secret = secret == null || secret.isBlank() ? null : secret;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /**
     * The SMS gateway, called over HTTP for each message with a request made from a template.
     *
     * @param url the gateway's address; none: no SMS is sent (the roster's officers get none)
     * @param method POST or PUT
     * @param contentType the request's content type: a JSON type escapes the placeholders as JSON strings, a form
     *     type URL-encodes them
     * @param body the request's body, with {@code {to}} (the phone number) and {@code {text}} (the message)
     * @param headers headers to send, such as the gateway's {@code Authorization}
     * @param withoutDiacritics send the text without Vietnamese diacritics ("khong dau"), as most gateways and brand
     *     names expect: 160 letters to a message instead of 70
     */
    public record Sms(
            URI url,
            String method,
            String contentType,
            String body,
            Map<String, String> headers,
            Boolean withoutDiacritics) {

        public Sms {
            method =
                    method == null || method.isBlank() ? "POST" : method.strip().toUpperCase(java.util.Locale.ROOT);
            contentType = contentType == null || contentType.isBlank() ? "application/json" : contentType.strip();
            body = body == null || body.isBlank() ? "{\"to\":\"{to}\",\"text\":\"{text}\"}" : body;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            withoutDiacritics = withoutDiacritics == null || withoutDiacritics;
            if (!List.of("POST", "PUT").contains(method)) {
                throw new IllegalArgumentException(
                        "situationroom.notifications.sms.method: POST or PUT, not " + method);
            }
            if (url != null && !List.of("http", "https").contains(String.valueOf(url.getScheme()))) {
                throw new IllegalArgumentException(
                        "situationroom.notifications.sms.url: not an http(s) address: " + url);
            }
        }

        /** Whether an SMS gateway is set. */
        public boolean enabled() {
            return url != null;
        }
    }

    public NotificationSettings {
        enabled = enabled == null || enabled;
        email = email == null ? new Email(null, null) : email;
        webhook = webhook == null ? new Webhook(null, null) : webhook;
        sms = sms == null ? new Sms(null, null, null, null, null, null) : sms;
        escalateAfter = escalateAfter == null ? Duration.ofMinutes(10) : escalateAfter;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        within = within == null ? Duration.ofHours(1) : within;
        deliverEvery = deliverEvery == null ? Duration.ofSeconds(5) : deliverEvery;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        if (maxAttempts < 1 || retryAfter.isNegative() || within.isNegative()) {
            throw new IllegalArgumentException("situationroom.notifications: max-attempts must be at least 1, "
                    + "retry-after and within not negative");
        }
        if (escalateAfter.isZero() || escalateAfter.isNegative()) {
            throw new IllegalArgumentException("situationroom.notifications.escalate-after must be positive");
        }
    }
}

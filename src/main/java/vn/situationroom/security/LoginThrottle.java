package vn.situationroom.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins of one username (or four times as many from
 * one address) within the window, further attempts are refused without checking the password until the window has
 * passed. A successful login clears the username's count. What it remembers is bounded (a Caffeine cache of at most
 * {@link #MAX_KEYS} names and addresses, each forgotten a window after its last failure), so a flood of made-up
 * usernames cannot exhaust memory; the addresses that fail often are the ones it keeps.
 */
@Component
class LoginThrottle {

    /** Most names and addresses remembered at once. */
    static final int MAX_KEYS = 50_000;

    /** The longest username kept or written to the audit log: an account's name has at most 64 characters. */
    static final int MAX_USERNAME = 64;

    private final Cache<String, Deque<Instant>> failures;
    private final Cache<String, Instant> reported;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    @Autowired
    LoginThrottle(SecurityProperties properties) {
        this(properties.loginMaxFailures(), properties.loginWindow(), Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.failures = windowCache(window, clock);
        this.reported = windowCache(window, clock);
    }

    /** At most {@link #MAX_KEYS} entries, each forgotten a window after it was last written, on the throttle's clock. */
    private static <V> Cache<String, V> windowCache(Duration window, Clock clock) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterWrite(window)
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run)
                .build();
    }

    /** Whether an attempt for this username from this address is refused now. */
    boolean blocked(String username, String address) {
        return recent("user:" + shown(username)) >= maxFailures || addressBlocked(address);
    }

    /**
     * Whether a refused attempt should go to the audit log: the first one of a blocked address in a window (however
     * many usernames it tries), or else of a username and address, so that a flood of attempts cannot flood the log.
     */
    boolean firstRefusal(String username, String address) {
        String key = addressBlocked(address) ? "addr:" + address : shown(username) + "@" + address;
        return reported.asMap().putIfAbsent(key, clock.instant()) == null;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {"user:" + shown(username), "addr:" + address}) {
            failures.asMap().compute(key, (k, times) -> {
                Deque<Instant> deque = times == null ? new ArrayDeque<>() : times;
                deque.addLast(now);
                prune(deque, now);
                return deque;
            });
        }
    }

    void succeeded(String username) {
        failures.invalidate("user:" + shown(username));
    }

    /** How many names and addresses it remembers now. */
    long remembered() {
        failures.cleanUp();
        reported.cleanUp();
        return failures.estimatedSize() + reported.estimatedSize();
    }

    /**
     * A username as the throttle and the audit log keep it: trimmed, in lower case, and cut at {@link #MAX_USERNAME}
     * characters (a name of a megabyte would otherwise be kept and logged whole).
     */
    static String shown(String username) {
        String normal = username == null ? "" : username.strip().toLowerCase();
        return normal.length() <= MAX_USERNAME ? normal : normal.substring(0, MAX_USERNAME) + "…";
    }

    private boolean addressBlocked(String address) {
        return recent("addr:" + address) >= 4 * maxFailures;
    }

    private int recent(String key) {
        Instant now = clock.instant();
        Deque<Instant> deque = failures.asMap().computeIfPresent(key, (k, times) -> {
            prune(times, now);
            return times.isEmpty() ? null : times;
        });
        return deque == null ? 0 : deque.size();
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
            times.removeFirst();
        }
    }
}

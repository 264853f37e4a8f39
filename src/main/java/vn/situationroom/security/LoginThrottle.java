package vn.situationroom.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins of one username (or four times as many from
 * one address) within the window, further attempts are refused without checking the password until the window has
 * passed. A successful login clears the username's count.
 */
@Component
class LoginThrottle {

    /** Most names and addresses remembered; beyond it the ones with no failure in the window are forgotten. */
    private static final int MAX_KEYS = 50_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> reported = new ConcurrentHashMap<>();
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
    }

    /** Whether an attempt for this username from this address is refused now. */
    boolean blocked(String username, String address) {
        return recent("user:" + normal(username)) >= maxFailures || recent("addr:" + address) >= 4 * maxFailures;
    }

    /**
     * Whether a refused attempt should go to the audit log: the first one of a username and address in a window, so
     * that a flood of attempts cannot flood the log.
     */
    boolean firstRefusal(String username, String address) {
        Instant now = clock.instant();
        if (reported.size() > MAX_KEYS) {
            reported.values().removeIf(at -> at.isBefore(now.minus(window)));
        }
        Instant last = reported.get(normal(username) + "@" + address);
        if (last != null && last.isAfter(now.minus(window))) {
            return false;
        }
        reported.put(normal(username) + "@" + address, now);
        return true;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values()
                    .removeIf(times -> times.isEmpty() || times.peekLast().isBefore(now.minus(window)));
        }
        for (String key : new String[] {"user:" + normal(username), "addr:" + address}) {
            failures.compute(key, (k, times) -> {
                Deque<Instant> deque = times == null ? new ArrayDeque<>() : times;
                deque.addLast(now);
                prune(deque, now);
                return deque;
            });
        }
    }

    void succeeded(String username) {
        failures.remove("user:" + normal(username));
    }

    private int recent(String key) {
        Instant now = clock.instant();
        Deque<Instant> deque = failures.computeIfPresent(key, (k, times) -> {
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

    private static String normal(String username) {
        return username == null ? "" : username.strip().toLowerCase();
    }
}

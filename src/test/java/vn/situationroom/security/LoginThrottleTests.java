package vn.situationroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The login throttle under a flood of made-up usernames: it audits a blocked address once per window, keeps a bounded
 * number of names, and keeps no username longer than an account's.
 */
class LoginThrottleTests {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-03-10T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final LoginThrottle throttle = new LoginThrottle(5, WINDOW, clock);

    @Test
    void a_blocked_address_trying_a_thousand_new_usernames_is_audited_once_per_window() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("guess" + i, "203.0.113.9");
        }
        int audited = 0;
        for (int i = 0; i < 1000; i++) {
            assertThat(throttle.blocked("new" + i, "203.0.113.9")).isTrue();
            audited += throttle.firstRefusal("new" + i, "203.0.113.9") ? 1 : 0;
        }
        assertThat(audited).isEqualTo(1);

        clock.now = clock.now.plus(WINDOW).plusSeconds(1);
        assertThat(throttle.blocked("new0", "203.0.113.9"))
                .as("the window has passed")
                .isFalse();
        for (int i = 0; i < 20; i++) {
            throttle.failed("again" + i, "203.0.113.9");
        }
        assertThat(throttle.firstRefusal("again-new", "203.0.113.9"))
                .as("a new window, a new audit row")
                .isTrue();
    }

    @Test
    void a_flood_of_two_hundred_thousand_usernames_within_the_window_keeps_memory_bounded() {
        for (int i = 0; i < 200_000; i++) {
            throttle.failed("name" + i, "198.51.100." + (i % 250));
        }
        assertThat(throttle.remembered()).isLessThanOrEqualTo(2L * LoginThrottle.MAX_KEYS);
        assertThat(throttle.blocked("anyone", "198.51.100.7"))
                .as("the flooding addresses are still blocked")
                .isTrue();
    }

    @Test
    void a_username_of_a_megabyte_is_kept_and_logged_at_account_length() {
        String huge = "A".repeat(1_000_000);
        assertThat(LoginThrottle.shown(huge))
                .hasSize(LoginThrottle.MAX_USERNAME + 1)
                .startsWith("aaa");
        assertThat(LoginThrottle.shown("  Canboxa ")).isEqualTo("canboxa");
        for (int i = 0; i < 5; i++) {
            throttle.failed(huge, "192.0.2.1");
        }
        assertThat(throttle.blocked(huge, "192.0.2.2"))
                .as("the same name, cut the same way")
                .isTrue();
    }
}

package vn.situationroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The tests' "now": the machine's clock moved by the same {@code situationroom.platform.clock-offset} the app reads (a
 * system property of the test run; 0 when unset), so that a run on a date set forward makes events, days and deadlines
 * on the date the app believes it is. The times the database stamps itself (the audit log's) stay on the machine's clock.
 */
public final class TestClock {

    /** How far the suite's clock runs ahead of the machine's. */
    public static final Duration OFFSET =
            Duration.parse(System.getProperty("situationroom.platform.clock-offset", "PT0S"));

    private TestClock() {}

    /** The clock in a zone, for {@code LocalDate.now(TestClock.at(zone))} and the like. */
    public static Clock at(ZoneId zone) {
        return Clock.offset(Clock.system(zone), OFFSET);
    }

    /** The instant now, as the app sees it. */
    public static Instant now() {
        return Instant.now().plus(OFFSET);
    }
}

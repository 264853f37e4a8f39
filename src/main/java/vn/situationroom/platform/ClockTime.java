package vn.situationroom.platform;

import java.time.Clock;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Time;

/**
 * Kafka's {@link Time} on the app's clock, for the stream: its wall-clock punctuators (which close quiet windows and
 * roll the day over) then agree with the intake and the screens when the app's clock is set forward for a test. The
 * monotonic nanoseconds and the waits stay the machine's.
 */
public final class ClockTime implements Time {

    private final Clock clock;

    private ClockTime(Clock clock) {
        this.clock = clock;
    }

    /** Kafka's own system time when the clock is the machine's, else the clock as Kafka's time. */
    public static Time of(Clock clock) {
        return clock.equals(Clock.systemUTC()) ? Time.SYSTEM : new ClockTime(clock);
    }

    @Override
    public long milliseconds() {
        return clock.millis();
    }

    @Override
    public long nanoseconds() {
        return System.nanoTime();
    }

    @Override
    public void sleep(long ms) {
        Time.SYSTEM.sleep(ms);
    }

    @Override
    public void waitObject(Object object, Supplier<Boolean> condition, long deadlineMs) throws InterruptedException {
        // The deadline is on this clock; the machine's wait counts on its own.
        Time.SYSTEM.waitObject(object, condition, deadlineMs - (clock.millis() - System.currentTimeMillis()));
    }
}

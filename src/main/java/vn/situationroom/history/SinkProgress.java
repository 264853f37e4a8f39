package vn.situationroom.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What each sink last did: when it last stored a batch, and the failure that keeps it retrying, if any. */
@Component
class SinkProgress {

    private static final Logger log = LoggerFactory.getLogger(SinkProgress.class);

    /** One sink's latest outcome. */
    record State(Instant lastStored, long stored, Instant failingSince, String failure) {}

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** Runs one batch's write, noting its outcome; a failure is rethrown so that the batch is retried. */
    void run(String sink, int rows, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            Instant now = clock.instant();
            State before = states.get(sink);
            if (before == null || before.failingSince() == null) {
                log.warn(
                        "History sink {} cannot store its batch of {}; retrying until it can, nothing is skipped: {}",
                        sink,
                        rows,
                        describe(e));
            }
            states.merge(
                    sink,
                    new State(null, 0, now, describe(e)),
                    (earlier, failed) -> new State(
                            earlier.lastStored(),
                            earlier.stored(),
                            earlier.failingSince() != null ? earlier.failingSince() : now,
                            failed.failure()));
            throw e;
        }
        Instant now = clock.instant();
        State before = states.get(sink);
        if (before != null && before.failingSince() != null) {
            log.info(
                    "History sink {} stores again, after {} s of failures",
                    sink,
                    Duration.between(before.failingSince(), now).toSeconds());
        }
        states.merge(
                sink,
                new State(now, rows, null, null),
                (earlier, stored) -> new State(now, earlier.stored() + rows, null, null));
    }

    Map<String, State> states() {
        return Map.copyOf(states);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

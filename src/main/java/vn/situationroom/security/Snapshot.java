package vn.situationroom.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * A small table (accounts, tokens) read whole into memory and read again in the background every few seconds, so that
 * checking a token or a session never waits for the database: intake goes on while the database is down, with the
 * accounts and tokens as they were last read. A change made by this app instance is read again at once; one made by
 * another instance arrives with the next read.
 */
final class Snapshot<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Snapshot.class);

    private final String name;
    private final Supplier<T> reader;
    private final ScheduledExecutorService scheduler;
    private volatile T value;
    private volatile boolean failing;

    Snapshot(String name, Supplier<T> reader, T empty, Duration every) {
        this.name = name;
        this.reader = reader;
        this.value = empty;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "snapshot-" + name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The table as last read. */
    T get() {
        return value;
    }

    /** Reads the table again now; when the database cannot be reached, the last reading stays. */
    synchronized void refresh() {
        try {
            value = reader.get();
            if (failing) {
                log.info("The {} are read from the database again", name);
            }
            failing = false;
        } catch (DataAccessException e) {
            if (!failing) {
                log.warn("Cannot read the {} from the database ({}); using them as last read", name, e.getMessage());
            }
            failing = true;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

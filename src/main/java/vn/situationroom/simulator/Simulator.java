package vn.situationroom.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import vn.situationroom.intake.EventCheck;
import vn.situationroom.intake.IntakeService;

/**
 * Runs the district model against intake: first the backfill, then, every tick, the events that have come due, or, in
 * load mode, a fixed number of events per second. Events go through {@link IntakeService} like any other offer.
 */
final class Simulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final int BATCH = 5000;

    private final DistrictModel model;
    private final IntakeService intake;
    private final SimulatorProperties properties;
    private final Clock clock;
    private final boolean enabled;
    private volatile Thread worker;

    Simulator(DistrictModel model, IntakeService intake, SimulatorProperties properties, Clock clock, boolean enabled) {
        this.model = model;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    @Override
    public void start() {
        worker = Thread.ofPlatform().name("simulator").daemon().start(this::run);
    }

    @Override
    public void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Starts after the stream and the listeners, stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void run() {
        try {
            Instant now = clock.instant();
            if (properties.backfillDays() > 0) {
                backfill(now.minus(Duration.ofDays(properties.backfillDays())).truncatedTo(ChronoUnit.HOURS), now);
            }
            if (properties.rate() != null) {
                load(properties.rate());
            } else {
                live(now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void backfill(Instant from, Instant to) throws InterruptedException {
        int written = 0;
        for (Instant day = from; day.isBefore(to); day = day.plus(Duration.ofDays(1))) {
            Instant end = day.plus(Duration.ofDays(1)).isBefore(to) ? day.plus(Duration.ofDays(1)) : to;
            written += offer(model.between(day, end));
        }
        log.info("Simulator: wrote {} events of history from {} to {}", written, from, to);
    }

    private void live(Instant start) throws InterruptedException {
        log.info("Simulator: writing a realistic district from {} on (intensity {})", start, properties.intensity());
        Instant done = start;
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(TICK);
            Instant now = clock.instant();
            offer(model.between(done, now));
            done = now;
        }
    }

    private void load(double perSecond) throws InterruptedException {
        log.info("Simulator: writing {} events per second", perSecond);
        Random random = new Random(properties.seed());
        long started = System.nanoTime();
        long written = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(Duration.ofMillis(100));
            long due = (long) ((System.nanoTime() - started) / 1e9 * perSecond) - written;
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
            List<SimulatedEvent> events = new ArrayList<>();
            for (long i = 0; i < due; i++) {
                events.add(model.any(random, now));
            }
            written += offer(events);
        }
    }

    /** Offers events in batches, retrying a batch the broker did not take; returns how many were written. */
    private int offer(List<SimulatedEvent> events) throws InterruptedException {
        int written = 0;
        for (int from = 0; from < events.size(); from += BATCH) {
            List<SimulatedEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            List<EventCheck> checks = intake.check(
                    batch.stream().<JsonNode>map(SimulatedEvent::json).toList());
            List<EventCheck.Valid> valid = new ArrayList<>();
            for (EventCheck check : checks) {
                switch (check) {
                    case EventCheck.Valid v -> valid.add(v);
                    case EventCheck.Invalid invalid ->
                        log.warn("Simulator made an invalid event: {}", invalid.summary());
                }
            }
            written += submitWithRetry(valid);
        }
        return written;
    }

    private int submitWithRetry(List<EventCheck.Valid> valid) throws InterruptedException {
        while (!valid.isEmpty()) {
            try {
                return intake.submit(valid).size();
            } catch (IntakeService.PublishFailedException e) {
                log.warn(
                        "Simulator: the broker did not take {} events, trying again in 5 s: {}",
                        valid.size(),
                        e.getMessage());
                Thread.sleep(Duration.ofSeconds(5));
            }
        }
        return 0;
    }
}

package vn.situationroom.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether the Kafka cluster answers, asked every second: while no broker does, intake refuses at once (503) instead
 * of making each caller wait for the broker's timeouts, and every screen says that its figures are not being
 * updated. One broker of a cluster away changes nothing here: the others answer.
 */
@Component
public class BrokerStatus implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BrokerStatus.class);
    private static final int ANSWER_WITHIN_MS = 2_000;

    private final KafkaAdmin kafkaAdmin;
    private final Clock clock;
    private final CopyOnWriteArrayList<Consumer<Optional<Instant>>> listeners = new CopyOnWriteArrayList<>();
    private Admin admin;
    private volatile Instant unreachableSince;

    BrokerStatus(KafkaAdmin kafkaAdmin, Clock clock) {
        this.kafkaAdmin = kafkaAdmin;
        this.clock = clock;
    }

    /** Whether the cluster answered the last time it was asked. */
    public boolean reachable() {
        return unreachableSince == null;
    }

    /** Since when no broker answers; empty while the cluster answers. */
    public Optional<Instant> unreachableSince() {
        return Optional.ofNullable(unreachableSince);
    }

    /** Calls the listener (on the checking thread) whenever the cluster stops or starts answering. */
    public Runnable onChange(Consumer<Optional<Instant>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
    void check() {
        boolean answered;
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs(ANSWER_WITHIN_MS))
                    .nodes()
                    .get(ANSWER_WITHIN_MS + 500L, TimeUnit.MILLISECONDS);
            answered = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            answered = false;
        }
        Instant before = unreachableSince;
        if (answered && before != null) {
            unreachableSince = null;
            log.warn("The Kafka cluster answers again (it did not from {})", before);
            listeners.forEach(listener -> listener.accept(Optional.empty()));
        } else if (!answered && before == null) {
            unreachableSince = clock.instant();
            log.warn("No Kafka broker answers: intake refuses events until one does");
            listeners.forEach(listener -> listener.accept(Optional.of(unreachableSince)));
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            var config = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ANSWER_WITHIN_MS);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ANSWER_WITHIN_MS);
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            // Bounded: a broker that went away leaves calls pending, and the app must still stop.
            admin.close(Duration.ofMillis(ANSWER_WITHIN_MS));
        }
    }
}

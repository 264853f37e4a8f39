package vn.situationroom.history;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When the database is down the sink must wait, not skip: the listener's batch is retried with a backoff that never
 * gives up, and its offsets stay uncommitted until the database has taken it.
 */
@Configuration(proxyBeanMethods = false)
class SinkErrorHandling {

    @Bean
    DefaultErrorHandler retryForeverErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        // Back within seconds of the database's return.
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}

package vn.situationroom.platform;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the app: what "now", "today" and "this hour" are for the intake, the analytics, the standing checks,
 * the notifications and every screen. The machine's clock in use; ahead of it by {@code
 * situationroom.platform.clock-offset} when a test runs the product on another date. Durations measured for the app's
 * own work (timeouts, lags, throttles) keep the machine's clock.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(PlatformProperties platform) {
        if (platform.clockOffset().isZero()) {
            return Clock.systemUTC();
        }
        Clock clock = Clock.offset(Clock.systemUTC(), platform.clockOffset());
        log.warn(
                "The app's clock runs {} ahead of the machine's (situationroom.platform.clock-offset): now is {}",
                platform.clockOffset(),
                clock.instant());
        return clock;
    }
}

package vn.situationroom.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in and tokens.
 *
 * @param adminPassword the first administrator's password, used once, on the first start with no accounts; outside
 *     the embedded demo there is no default, and a first start without it stops with a message naming this setting
 * @param adminUsername the first administrator's username
 * @param initialApiToken an API token (at least 32 characters) with every scope, stored on start unless it exists,
 *     so that a machine client can be set up together with the app; blank for none
 * @param demoUsers make one account per role with generated passwords on the first start and print them at every
 *     start; unset, on when the embedded database runs (the one-command demo), off otherwise
 * @param loginMaxFailures failed logins of one username within the window after which its attempts are refused
 * @param loginWindow how long failed logins count
 * @param kioskCookieDays how long a wall screen keeps its kiosk sign-in in a cookie (it still ends when revoked)
 */
@ConfigurationProperties("situationroom.security")
public record SecurityProperties(
        String adminPassword,
        @DefaultValue("admin") String adminUsername,
        String initialApiToken,
        Boolean demoUsers,
        @DefaultValue("5") int loginMaxFailures,
        @DefaultValue("15m") Duration loginWindow,
        @DefaultValue("400") int kioskCookieDays) {}

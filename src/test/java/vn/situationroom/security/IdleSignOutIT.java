package vn.situationroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.situationroom.SuiteSecurityStrategy;
import vn.situationroom.TestAccounts;
import vn.situationroom.ui.BrowserTest;
import vn.situationroom.ui.HeadlessChromium;

/**
 * The idle timeout, shortened to one minute (Vaadin's heartbeat every 10 s): an officer who leaves the overview open
 * without a click lands on the login page, although the screen kept receiving pushes and heartbeats; the wall screen
 * signed in with a kiosk token beside it stays.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.servlet.session.timeout=60s", "vaadin.heartbeatInterval=10"})
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(SuiteSecurityStrategy.class)
class IdleSignOutIT {

    @RegisterExtension
    static final HeadlessChromium officerBrowser = new HeadlessChromium(1280, 800);

    @RegisterExtension
    static final HeadlessChromium wallBrowser = new HeadlessChromium(1280, 800);

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AccessTokens tokens;

    @Test
    void an_idle_officer_is_signed_out_and_the_wall_stays() {
        WebDriver officer = officerBrowser.driver();
        BrowserTest.signIn(officer, port, TestAccounts.user(accounts, null, Roles.LEADERSHIP));
        officer.get("http://localhost:" + port + "/");
        new WebDriverWait(officer, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector(".hotspot-map-view")).isEmpty());

        WebDriver wall = wallBrowser.driver();
        wall.get("http://localhost:" + port + "/kiosk/"
                + tokens.issue(AccessTokens.Kind.KIOSK, "Idle test wall", List.of())
                        .secret());
        new WebDriverWait(wall, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector(".wall-view")).isEmpty());

        // Nobody clicks: after the minute, the next heartbeat finds the session idle and the page goes to login.
        new WebDriverWait(officer, Duration.ofSeconds(150))
                .until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(officer.findElements(By.cssSelector(".hotspot-map-view"))).isEmpty();
        // The wall, as idle, is still there, and still signed in when reloaded.
        assertThat(wall.getCurrentUrl()).endsWith("/wall");
        assertThat(wall.findElements(By.cssSelector(".wall-view"))).hasSize(1);
        wall.navigate().refresh();
        new WebDriverWait(wall, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector(".wall-view")).isEmpty());
        assertThat(wall.getCurrentUrl()).endsWith("/wall");
    }
}

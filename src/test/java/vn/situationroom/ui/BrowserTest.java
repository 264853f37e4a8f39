package vn.situationroom.ui;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.situationroom.TestAccounts;
import vn.situationroom.region.Region;
import vn.situationroom.security.AccessTokens;
import vn.situationroom.security.UserAccounts;

/**
 * A test that drives the running app in Debian's Chromium at 1920x1080 (screenshots in target/screenshots), against
 * the integration profile's app with its embedded broker and database. Every screen needs a signed-in officer:
 * {@link #signIn} goes through the login page as a person would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class BrowserTest {

    @RegisterExtension
    protected static final HeadlessChromium chromium = new HeadlessChromium(1920, 1080);

    @LocalServerPort
    protected int port;

    @Autowired
    protected Region region;

    @Autowired
    protected UserAccounts accounts;

    @Autowired
    protected AccessTokens tokens;

    /** Signs the browser in as an officer with these roles (made if missing), through the login page. */
    protected void signIn(WebDriver driver, String... roles) {
        signInAs(driver, TestAccounts.user(accounts, null, roles));
    }

    /** Signs the browser in as a wall screen, with a new kiosk token's address; returns the token. */
    protected AccessTokens.Token signInKiosk(WebDriver driver) {
        AccessTokens.Issued kiosk = tokens.issue(AccessTokens.Kind.KIOSK, "Test wall", List.of());
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/kiosk/" + kiosk.secret());
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/wall"));
        return kiosk.token();
    }

    /** Signs the browser in as a given account with the test password. */
    protected void signInAs(WebDriver driver, String username) {
        signIn(driver, port, username);
    }

    /** Signs a browser in to the app on a port as a given account with the test password, through the login page. */
    public static void signIn(WebDriver driver, int port, String username) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("vaadinLoginUsername")).isEmpty());
        driver.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys(username);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }
}

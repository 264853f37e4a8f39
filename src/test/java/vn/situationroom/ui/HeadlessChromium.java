package vn.situationroom.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, driven by its chromedriver, with a throw-away profile; screenshots go to
 * {@code target/screenshots} so that a person can look at what the tests saw. A JUnit extension: register it as a
 * static field and it starts before the class's tests and quits after them.
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final int width;
    private final int height;
    private Path profile;
    private ChromeDriver driver;

    public HeadlessChromium(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height,
                "--lang=vi",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        // The window size is the browser's outer size: since Chromium 156 headless keeps room for a window frame inside
        // it (a 1920x1080 window had a 1920x937 page). The page must have the screen's full size, as on a wall screen
        // in kiosk mode, whatever the browser version: set the viewport itself.
        restoreViewport();
    }

    /** Gives the page another size, as a screen of that size would; {@link #restoreViewport()} gives it back. */
    public void viewport(int pageWidth, int pageHeight) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", pageWidth, "height", pageHeight, "deviceScaleFactor", 1, "mobile", false));
    }

    /** The page's size again as this browser was made with. */
    public void restoreViewport() {
        viewport(width, height);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>}. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File file = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
        FileSystemUtils.deleteRecursively(profile.toFile());
    }
}

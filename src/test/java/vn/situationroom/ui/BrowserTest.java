package vn.situationroom.ui;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.situationroom.region.Region;

/**
 * A test that drives the running app in Debian's Chromium at 1920x1080 (screenshots in target/screenshots), against
 * the integration profile's app with its embedded broker and database.
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
}

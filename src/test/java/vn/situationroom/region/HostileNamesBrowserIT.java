package vn.situationroom.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;
import vn.situationroom.ui.MapLabels;

/**
 * A region file comes from outside the app: a name with markup in it is shown on the maps as text (the label, the
 * popup) and never runs. This file names its first commune with an {@code <img onerror>} and the region with a
 * {@code <b onmouseover>}; either would mark the page if the browser ran it.
 */
@TestPropertySource(properties = "situationroom.region.geojson=classpath:region/hostile-names.geojson")
class HostileNamesBrowserIT extends BrowserTest {

    @Test
    void names_with_markup_are_shown_as_text_on_the_map_and_never_run() throws Exception {
        WebDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        signIn(driver, Roles.LEADERSHIP);
        driver.get("http://localhost:" + port + "/");
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]:not([data-marker])"))
                        .size()
                == region.communes().size());
        String hostile = region.communes().getFirst().code();

        // The label says what the file says, markup and all, as text.
        wait.until(d -> d.findElements(By.cssSelector(".sr-commune-label")).stream()
                .anyMatch(label -> label.getText().contains("<img src=x")));
        // The popup too.
        WebElement shape = driver.findElement(By.cssSelector("sr-commune-map path[data-commune='" + hostile + "']"));
        // A click on the shape itself, at the middle of its box: its label lies over it.
        ((JavascriptExecutor) driver).executeScript("""
                const box = arguments[0].getBoundingClientRect();
                arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true,
                    clientX: box.left + box.width / 2, clientY: box.top + box.height / 2}));
                """, shape);
        wait.until(d -> d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                .anyMatch(popup -> popup.getDomProperty("textContent").contains("<img src=x")));
        MapLabels.awaitPopupSettled(driver, wait);
        chromium.screenshot("hostile-names.png");

        assertThat(driver.findElements(By.cssSelector("img[src='x'], b[onmouseover]")))
                .as("elements made from the names")
                .isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return document.body.dataset.xss || null"))
                .as("a handler from a name ran")
                .isNull();
    }
}

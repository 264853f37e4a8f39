package vn.situationroom.live.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.situationroom.region.Unit;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;
import vn.situationroom.ui.MapLabels;

/**
 * A province of 105 communes in its districts, on the overview map and the police map: one step out from the first
 * view the districts are named instead of the communes, a district's name opens the district with its communes named,
 * and a commune's shape opens its details. Screenshots province-*.png.
 */
class ProvinceDrillDownBrowserIT extends BrowserTest {

    @Test
    void a_district_opens_from_its_name_and_a_commune_from_its_shape_on_both_maps() throws Exception {
        assertThat(region.topUnits()).hasSize(1);
        assertThat(region.children(region.topUnits().getFirst().code()))
                .as("the districts of the province")
                .hasSizeGreaterThan(1);
        WebDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        signIn(driver, Roles.LEADERSHIP, Roles.POLICE);

        for (String screen : List.of("", "map")) {
            driver.get("http://localhost:" + port + "/" + screen);
            wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]:not([data-marker])"))
                            .size()
                    == region.communes().size());
            wait.until(d -> !MapLabels.shownApart(d).isEmpty());
            chromium.screenshot("province-" + (screen.isEmpty() ? "overview" : screen) + ".png");

            // One step out: the communes are small, the districts are named.
            zoomOut(driver, wait);
            List<String> named = MapLabels.shownApart(driver);
            assertThat(named)
                    .as("districts named where the communes are small, on /" + screen)
                    .anyMatch(code -> code.startsWith("unit:"));
            chromium.screenshot("province-" + (screen.isEmpty() ? "overview" : screen) + "-districts.png");

            WebElement label = driver.findElement(By.cssSelector(".sr-unit-label[data-unit]"));
            Unit district = region.unit(label.getDomAttribute("data-unit")).orElseThrow();
            assertThat(district.kind()).isEqualTo(Unit.Kind.DISTRICT);
            assertThat(label.getText()).as("written in capitals").isEqualToIgnoringCase(district.name());
            String before = zoom(driver);
            label.click();
            wait.until(d -> Double.parseDouble(zoom(d)) > Double.parseDouble(before) + 0.5);
            wait.until(d -> MapLabels.shownApart(d).stream().anyMatch(district.communes()::contains));
            assertThat(MapLabels.shownApart(driver))
                    .as("once " + district.name() + " is open, its communes are named, not the districts")
                    .noneMatch(code -> code.startsWith("unit:"));
            chromium.screenshot("province-" + (screen.isEmpty() ? "overview" : screen) + "-district.png");

            // A commune of the district opens its details.
            String commune = MapLabels.shownApart(driver).stream()
                    .filter(district.communes()::contains)
                    .findFirst()
                    .orElseThrow();
            // A commune's name lets the click through to its shape beneath, as a person's click does.
            new Actions(driver)
                    .moveToElement(
                            driver.findElement(By.cssSelector(".sr-commune-label[data-commune='" + commune + "']")))
                    .click()
                    .perform();
            wait.until(d -> d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                    .anyMatch(popup -> popup.getText().contains(region.shortName(commune))));
        }
    }

    private static void zoomOut(WebDriver driver, WebDriverWait wait) {
        String before = zoom(driver);
        driver.findElement(By.cssSelector(".leaflet-control-zoom-out")).click();
        wait.until(d -> !before.equals(zoom(d)));
        wait.until(d -> !MapLabels.shownApart(d).isEmpty());
    }

    private static String zoom(WebDriver driver) {
        return driver.findElement(By.cssSelector("sr-commune-map")).getDomAttribute("data-zoom");
    }
}

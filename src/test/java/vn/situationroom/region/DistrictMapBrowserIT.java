package vn.situationroom.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.BrowserTest;
import vn.situationroom.ui.MapLabels;

/**
 * The default region, one district of 15 communes, on the overview map and the wall: every commune drawn and named, no
 * two labels over each other (two neighbours' names once overlapped on every map). Screenshots district-map.png,
 * district-police-map.png and district-wall.png.
 */
@TestPropertySource(properties = "situationroom.region.geojson=classpath:region/cau-ngang-communes.geojson")
class DistrictMapBrowserIT extends BrowserTest {

    @Test
    void every_commune_of_the_district_is_drawn_and_named_and_no_two_names_overlap() throws Exception {
        assertThat(region.communes()).hasSize(15);
        WebDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

        signIn(driver, Roles.LEADERSHIP);
        driver.get("http://localhost:" + port + "/");
        awaitEveryCommune(wait);
        assertThat(MapLabels.shownApart(driver))
                .as("at a district's scale, every commune is named")
                .hasSize(15);
        chromium.screenshot("district-map.png");
        MapLabels.assertApartWhileZooming(driver, wait, false);

        signIn(driver, Roles.POLICE);
        driver.get("http://localhost:" + port + "/map");
        awaitEveryCommune(wait);
        assertThat(MapLabels.shownApart(driver)).hasSize(15);
        chromium.screenshot("district-police-map.png");

        signInKiosk(driver);
        driver.get("http://localhost:" + port + "/wall");
        awaitEveryCommune(wait);
        chromium.screenshot("district-wall.png");
        assertThat(MapLabels.shownApart(driver)).hasSize(15);
        assertThat(driver.findElement(By.cssSelector(".wall-on-duty")).getText())
                .as("a district's own reception office")
                .contains("Ban Tiếp công dân huyện");
    }

    private void awaitEveryCommune(WebDriverWait wait) {
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]:not([data-marker])"))
                        .size()
                == region.communes().size());
    }
}

package vn.situationroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person reads on a commune map: its labels, which must never cover each other. */
public final class MapLabels {

    private MapLabels() {}

    /**
     * No two labels overlap at the first view, nor after zooming in twice and out again; the map names some communes
     * at every zoom, and one step closer it names communes it had no room for at the first view.
     */
    public static void assertApartWhileZooming(WebDriver driver, WebDriverWait wait) {
        List<String> first = shownApart(driver);
        assertThat(first).as("communes named at the first view").isNotEmpty();
        for (String button : new String[] {"in", "in", "out"}) {
            String before = zoom(driver);
            driver.findElement(By.cssSelector(".leaflet-control-zoom-" + button))
                    .click();
            wait.until(d -> !before.equals(zoom(d)));
            assertThat(shownApart(driver))
                    .as("communes named after zooming " + button)
                    .isNotEmpty();
        }
        assertThat(shownApart(driver))
                .as("one step closer than the first view, communes named that had no room before")
                .isNotEmpty()
                .anyMatch(code -> !first.contains(code));
    }

    /**
     * The communes the map names now (by code; the units above them as {@code unit:<code>}), after checking that no
     * two of their labels overlap.
     */
    @SuppressWarnings("unchecked")
    public static List<String> shownApart(WebDriver driver) {
        List<Object> answer = (List<Object>) ((JavascriptExecutor) driver).executeScript("""
                const labels = [...document.querySelectorAll('sr-commune-map .sr-commune-label')]
                    .map((e) => ({ code: e.getAttribute('data-commune') || 'unit:' + e.getAttribute('data-unit'),
                        box: e.getBoundingClientRect() }))
                    .filter((l) => l.box.width > 0 && l.box.height > 0)
                    .sort((a, b) => a.box.left - b.box.left);
                let overlaps = 0;
                for (let i = 0; i < labels.length; i++) {
                  for (let j = i + 1; j < labels.length && labels[j].box.left < labels[i].box.right; j++) {
                    const a = labels[i].box, b = labels[j].box;
                    if (a.top < b.bottom && b.top < a.bottom) {
                      overlaps++;
                    }
                  }
                }
                return [labels.map((l) => l.code), overlaps];
                """);
        assertThat((Long) answer.get(1)).as("pairs of overlapping labels").isZero();
        return (List<String>) answer.get(0);
    }

    private static String zoom(WebDriver driver) {
        return String.valueOf(
                driver.findElement(By.cssSelector("sr-commune-map")).getDomAttribute("data-zoom"));
    }
}

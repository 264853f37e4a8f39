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
        assertApartWhileZooming(driver, wait, true);
    }

    /**
     * As {@link #assertApartWhileZooming(WebDriver, WebDriverWait)}; where the first view names every commune already
     * (a district of 15), {@code moreWhenCloser} is false.
     */
    public static void assertApartWhileZooming(WebDriver driver, WebDriverWait wait, boolean moreWhenCloser) {
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
        List<String> closer = shownApart(driver);
        if (moreWhenCloser) {
            assertThat(closer)
                    .as("one step closer than the first view, communes named that had no room before")
                    .anyMatch(code -> !first.contains(code));
        }
    }

    /**
     * The communes the map names now (by code; the units above them as {@code unit:<code>}), after checking that no
     * two of their labels overlap, and that no label covers a locator (the disc on a small commune that needs
     * attention).
     */
    @SuppressWarnings("unchecked")
    public static List<String> shownApart(WebDriver driver) {
        List<Object> answer = (List<Object>) ((JavascriptExecutor) driver).executeScript("""
                const labels = [...document.querySelectorAll('sr-commune-map .sr-commune-label')]
                    .map((e) => ({ code: e.getAttribute('data-commune') || 'unit:' + e.getAttribute('data-unit'),
                        box: e.getBoundingClientRect() }))
                    .filter((l) => l.box.width > 0 && l.box.height > 0)
                    .sort((a, b) => a.box.left - b.box.left);
                const overlaps = [];
                const at = (l) => `${l.code} (${Math.round(l.box.left)},${Math.round(l.box.top)} `
                    + `${Math.round(l.box.width)}x${Math.round(l.box.height)})`;
                for (let i = 0; i < labels.length; i++) {
                  for (let j = i + 1; j < labels.length && labels[j].box.left < labels[i].box.right; j++) {
                    const a = labels[i].box, b = labels[j].box;
                    if (a.top < b.bottom && b.top < a.bottom) {
                      overlaps.push(at(labels[i]) + ' over ' + at(labels[j]));
                    }
                  }
                }
                for (const locator of document.querySelectorAll('sr-commune-map .sr-locator')) {
                  const b = locator.getBoundingClientRect();
                  for (const label of labels) {
                    const a = label.box;
                    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
                      overlaps.push(at(label) + ' over the locator of ' + locator.getAttribute('data-locator'));
                    }
                  }
                }
                if (overlaps.length > 0) {
                  overlaps.push('maps in the page: ' + document.querySelectorAll('sr-commune-map').length
                      + ', Leaflet maps alive: ' + customElements.get('sr-commune-map').liveMaps
                      + ', label layers: ' + [...document.querySelectorAll('sr-commune-map')]
                          .map((m) => m.querySelectorAll('.leaflet-tooltip-pane').length).join('/'));
                }
                return [labels.map((l) => l.code), overlaps];
                """);
        assertThat((List<String>) answer.get(1)).as("overlapping labels").isEmpty();
        return (List<String>) answer.get(0);
    }

    /**
     * Waits until the map's open popup is shown as a person sees it once it settled: fully faded in, within the map (the
     * map has panned to it), and still for a moment; so that a screenshot shows it whole.
     */
    public static void awaitPopupSettled(WebDriver driver, WebDriverWait wait) {
        String[] before = {null};
        wait.until(d -> {
            Object at = ((JavascriptExecutor) d).executeScript("""
                    const popup = document.querySelector('sr-commune-map .leaflet-popup');
                    if (!popup || getComputedStyle(popup).opacity !== '1') {
                      return null;
                    }
                    const map = popup.closest('sr-commune-map').getBoundingClientRect();
                    const box = popup.getBoundingClientRect();
                    const inside = box.left >= map.left && box.top >= map.top
                        && box.right <= map.right && box.bottom <= map.bottom;
                    return inside ? `${Math.round(box.left)},${Math.round(box.top)}` : null;
                    """);
            boolean still = at != null && at.equals(before[0]);
            before[0] = (String) at;
            return still;
        });
    }

    private static String zoom(WebDriver driver) {
        return String.valueOf(
                driver.findElement(By.cssSelector("sr-commune-map")).getDomAttribute("data-zoom"));
    }
}

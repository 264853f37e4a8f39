package vn.situationroom.wall.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;
import vn.situationroom.TestHttp;
import vn.situationroom.ui.BrowserTest;

/**
 * The wall at the synthetic country's 3,321 communes, as a steering group would see it: how long the wall takes to
 * draw, how long a level change takes from the REST call to the wall's map (20 crowds in 20 communes), and what the
 * page holds in memory. Not part of the suite: bench/wall.sh runs it and writes target/bench/wall.txt.
 */
@TestPropertySource(properties = "situationroom.region.geojson=classpath:region/vietnam-synthetic-communes.geojson")
class WallBenchmark extends BrowserTest {

    private static final int CHANGES = 20;

    @Test
    void the_wall_of_a_country() throws Exception {
        WebDriver driver = chromium.driver();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        signInKiosk(driver);
        long asked = System.nanoTime();
        driver.get("http://localhost:" + port + "/wall");
        wait.until(d -> d.findElements(By.cssSelector("sr-commune-map path[data-commune]:not([data-marker])"))
                        .size()
                == region.communes().size());
        long drawn = Duration.ofNanos(System.nanoTime() - asked).toMillis();
        // The page notes the moment each commune's new style reaches the map.
        js.executeScript("""
                const map = document.querySelector('sr-commune-map');
                const merge = map.mergeStyles.bind(map);
                window.__arrived = {};
                map.mergeStyles = (changes) => {
                  const now = Date.now();
                  for (const code of Object.keys(typeof changes === 'string' ? JSON.parse(changes) : changes)) {
                    window.__arrived[code] ??= now;
                  }
                  merge(changes);
                };
                """);
        List<Long> latencies = new ArrayList<>();
        TestHttp http = new TestHttp(port);
        for (int i = 0; i < CHANGES; i++) {
            String commune = region.communes().get(i * 150 + 7).code();
            long posted = System.currentTimeMillis();
            http.postJson("/api/v1/events", crowd(commune));
            wait.until(d -> js.executeScript("return window.__arrived[arguments[0]];", commune) != null);
            long arrived = ((Number) js.executeScript("return window.__arrived[arguments[0]];", commune)).longValue();
            latencies.add(arrived - posted);
            Thread.sleep(300);
        }
        Number heap = (Number) js.executeScript("return performance.memory ? performance.memory.usedJSHeapSize : -1;");
        Number nodes = (Number) js.executeScript("return document.getElementsByTagName('*').length;");
        List<Long> sorted = latencies.stream().sorted().toList();
        List<String> report = List.of(
                "# WallBenchmark: the wall at " + region.communes().size() + " communes, headless Chromium, "
                        + Runtime.getRuntime().availableProcessors() + " cores",
                "wall drawn (every commune) after asking for the page: " + drawn + " ms",
                String.format(
                        Locale.ROOT,
                        "level change, REST call to the wall's map, %d crowds: median %d ms, max %d ms, all %s",
                        CHANGES,
                        sorted.get(sorted.size() / 2),
                        sorted.getLast(),
                        latencies),
                "page JS heap after the changes: " + heap.longValue() / (1024 * 1024) + " MB; DOM elements: " + nodes,
                "memory (proportional set size) after the changes: the page's renderer process "
                        + chromiumMegabytes(true) + " MB; the whole browser (every Chromium process) "
                        + chromiumMegabytes(false) + " MB");
        Path out = Path.of("target", "bench", "wall.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    /**
     * The memory the operating system counts for Chromium (this JVM's descendants, so only the browser this test
     * started): its renderer processes (the page) or all of its processes, in MB of proportional set size (Linux).
     */
    private static long chromiumMegabytes(boolean renderersOnly) {
        return ProcessHandle.current()
                        .descendants()
                        .filter(process -> {
                            String line = commandLine(process);
                            return line.contains("chromium") && (!renderersOnly || line.contains("--type=renderer"));
                        })
                        .mapToLong(WallBenchmark::pssKilobytes)
                        .sum()
                / 1024;
    }

    /** As /proc says it (Chromium rewrites its processes' titles, which Java's ProcessHandle.Info then leaves out). */
    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")))
                    .replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static long pssKilobytes(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup")).stream()
                    .filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .sum();
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static String crowd(String commune) {
        return """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"DISTRICT_OFFICE","type":"VISIT",
                 "content":"COMPLAINT","field":"LAND","headcount":30}""".formatted(
                UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS), commune);
    }
}

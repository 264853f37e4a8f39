package vn.situationroom.wall.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import vn.situationroom.TestHttp;
import vn.situationroom.region.Region;
import vn.situationroom.security.AccessTokens;

/**
 * How many open wall screens of the synthetic country (3,321 communes) one app instance serves while a level change
 * still reaches every one of them in under 500 ms. Each screen is a kiosk session of its own that opens the wall through
 * Vaadin's client protocol and its push WebSocket ({@link PushedScreen}); no browser draws it, so the figure is the
 * server's. Screens are added in steps; at each step 10 crowds in 10 communes are posted by REST, one after another,
 * and the time from each post until the last screen has the commune's change is noted. Not part of the suite:
 * bench/screens.sh runs it and writes target/bench/screens.txt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestPropertySource(properties = "situationroom.region.geojson=classpath:region/vietnam-synthetic-communes.geojson")
class WallScreensBenchmark {

    private static final int CHANGES = 10;
    private static final long TARGET_MILLIS = 500;

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Autowired
    AccessTokens tokens;

    @Test
    void open_walls_per_instance() throws Exception {
        List<Integer> steps = List.of(
                Integer.getInteger("screens.steps", 0) > 0
                        ? new Integer[] {Integer.getInteger("screens.steps")}
                        : new Integer[] {25, 50, 100, 200, 300, 400});
        URI base = URI.create("http://localhost:" + port + "/");
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        TestHttp rest = new TestHttp(port);
        List<PushedScreen> screens = new ArrayList<>();
        List<String> report = new ArrayList<>();
        report.add("# WallScreensBenchmark: open walls of " + region.communes().size() + " communes on one instance, "
                + Runtime.getRuntime().availableProcessors() + " cores, " + CHANGES + " level changes per step");
        report.add(
                "| open walls | opening the added walls | change reached every wall: median | max | server heap after GC |");
        report.add("| --- | --- | --- | --- | --- |");
        int communeIndex = 0;
        for (int target : steps) {
            long opening = System.nanoTime();
            int added = target - screens.size();
            while (screens.size() < target) {
                // A pairing address works once: each wall gets its own, as an administrator gives them.
                String secret = tokens.issue(AccessTokens.Kind.KIOSK, "Benchmark wall " + screens.size(), List.of())
                        .secret();
                screens.add(PushedScreen.open(http, base, secret, "rotate=0"));
            }
            long openMillis = (System.nanoTime() - opening) / 1_000_000;
            Thread.sleep(2000);
            List<Long> reachedAll = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                String commune = region.communes()
                        .get(communeIndex++ * 97 % region.communes().size())
                        .code();
                screens.forEach(screen -> screen.watch(commune));
                long posted = System.currentTimeMillis();
                rest.postJson("/api/v1/events", crowd(commune));
                long deadline = posted + 30_000;
                while (screens.stream().anyMatch(screen -> screen.seen(commune) == null)
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(5);
                }
                long last = screens.stream()
                        .mapToLong(screen -> screen.seen(commune) == null ? deadline : screen.seen(commune))
                        .max()
                        .orElseThrow();
                reachedAll.add(last - posted);
                Thread.sleep(300);
            }
            System.gc();
            long heap =
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
            List<Long> sorted = reachedAll.stream().sorted().toList();
            long median = sorted.get(sorted.size() / 2);
            report.add(String.format(
                    Locale.ROOT,
                    "| %d | %d in %.1f s | %d ms | %d ms | %d MB |",
                    target,
                    added,
                    openMillis / 1000.0,
                    median,
                    sorted.getLast(),
                    heap));
            System.out.println(report.getLast());
            if (median > TARGET_MILLIS) {
                break;
            }
        }
        screens.forEach(PushedScreen::close);
        Path out = Path.of("target", "bench", "screens.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private static String crowd(String commune) {
        return """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"DISTRICT_OFFICE","type":"VISIT",
                 "content":"COMPLAINT","field":"LAND","headcount":30}""".formatted(
                UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS), commune);
    }
}

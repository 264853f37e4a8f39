package vn.situationroom.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.platform.DataDirectory;
import vn.situationroom.region.Region;

/**
 * The database stops for 60 s while events keep arriving: intake goes on accepting them, the history reports itself
 * DOWN, and once the database is back every event and window is stored, none lost and none twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Autowired
    DataDirectory data;

    @Test
    void sixty_seconds_without_the_database_lose_nothing() throws Exception {
        TestHttp http = new TestHttp(port);
        String commune = TestCommunes.fresh(region).code();
        OffsetDateTime at =
                OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = at.toLocalDate();
        Postmaster postgres = Postmaster.of(data.resolve("postgres"));

        postgres.stop();
        long stoppedAt = System.nanoTime();
        int sent = 0;
        boolean sawDown = false;
        try {
            while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
                String body = HistoryIT.event(commune, at, "VISIT", ",\"content\":\"COMPLAINT\",\"field\":\"LAND\"");
                assertThat(http.postJson("/api/v1/events", body).statusCode()).isEqualTo(202);
                sent++;
                sawDown |= historyStatus(http).equals("DOWN");
                Thread.sleep(4_000);
            }
        } finally {
            postgres.start();
        }
        assertThat(sawDown).as("the history health reported the outage").isTrue();
        int expected = sent;

        await().atMost(Duration.ofSeconds(60))
                .until(() -> HistoryIT.get(http, "/events", "from", day, "to", day, "commune", commune)
                                .get("total")
                                .asLong()
                        == expected);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        HistoryIT.get(http, "/trend", "counter", "visits", "from", day, "to", day, "commune", commune)
                                        .get("total")
                                        .asLong()
                                == expected);
        await().atMost(Duration.ofSeconds(30)).until(() -> historyStatus(http).equals("UP"));
        assertThat(expected).isGreaterThanOrEqualTo(10);
    }

    private static String historyStatus(TestHttp http) throws Exception {
        return http.getJson("/actuator/health/history").path("status").asString("");
    }

    /** The embedded server, stopped and started from outside as an operator would, with its own pg_ctl. */
    private record Postmaster(Path cluster, Path pgCtl, List<String> options) {

        static Postmaster of(Path cluster) throws IOException {
            String pid = Files.readAllLines(cluster.resolve("postmaster.pid"))
                    .getFirst()
                    .strip();
            Path binary = Files.readSymbolicLink(Path.of("/proc", pid, "exe"));
            List<String> args = new ArrayList<>(Arrays.asList(
                    new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline")), StandardCharsets.UTF_8)
                            .split("\0")));
            args.removeFirst();
            int dir = args.indexOf("-D");
            if (dir >= 0) {
                args.remove(dir + 1);
                args.remove(dir);
            }
            return new Postmaster(cluster, binary.resolveSibling("pg_ctl"), args);
        }

        void stop() throws Exception {
            run(pgCtl.toString(), "-D", cluster.toString(), "-m", "fast", "-w", "stop");
        }

        void start() throws Exception {
            run(
                    pgCtl.toString(),
                    "-D",
                    cluster.toString(),
                    "-w",
                    "-l",
                    cluster.resolveSibling("restart.log").toString(),
                    "-o",
                    String.join(" ", options),
                    "start");
        }

        private static void run(String... command) throws Exception {
            List<String> line = new ArrayList<>();
            if (System.getProperty("user.name").equals("root")) {
                // pg_ctl refuses root; as the embedded server itself does, run it in a user namespace.
                line.addAll(List.of("unshare", "-U"));
            }
            line.addAll(List.of(command));
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor())
                    .as(String.join(" ", command) + "\n" + output)
                    .isZero();
        }
    }
}

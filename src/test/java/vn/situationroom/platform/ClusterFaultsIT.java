package vn.situationroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import vn.situationroom.AppProcess;
import vn.situationroom.OfferedEvents;
import vn.situationroom.OfferedEvents.Offered;
import vn.situationroom.TestAccounts;
import vn.situationroom.TestClock;
import vn.situationroom.TestHttp;
import vn.situationroom.hotspot.HotspotTopics;
import vn.situationroom.region.Region;
import vn.situationroom.region.RegionLoader;
import vn.situationroom.ui.BrowserTest;
import vn.situationroom.ui.HeadlessChromium;

/**
 * Outgrowing one machine, with real processes: a Kafka cluster of three brokers (each its own JVM), one PostgreSQL
 * and two app instances (each the packaged app in its own JVM) sharing the stream. An instance killed during an
 * ingest, a broker killed during an ingest, the database killed during an ingest: afterwards the indicators equal a
 * recount of the accepted events and the history holds each of them once. The email of a CRITICAL alert seen by both
 * instances reaches each address once.
 *
 * <p>The tests run in order on one cluster (each on communes of its own): starting three brokers and two apps takes
 * a minute on two cores.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium(1600, 900);

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    private static Path dir;
    private static LocalKafkaCluster kafka;
    private static int postgresPort;
    private static EmbeddedPostgresDatabase postgres;
    private static AppProcess first;
    private static AppProcess second;
    private static List<String> communes;
    /** The SMTP server both instances send the notifications of CRITICAL alerts to. */
    private static GreenMail smtp;

    @BeforeAll
    static void startCluster() throws Exception {
        dir = Files.createTempDirectory("cluster-faults-");
        kafka = LocalKafkaCluster.of(dir.resolve("kafka"), 3, LocalKafkaCluster.freeBasePort(3));
        kafka.startAll();
        // Killed and started again on its port while the app's pool keeps reconnecting (see FreePort).
        postgresPort = FreePort.belowEphemeralRange(0);
        postgres = EmbeddedPostgresDatabase.start(dir.resolve("postgres"), postgresPort, true);
        smtp = new GreenMail(new ServerSetup(AppProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Region region = RegionLoader.load(
                ClusterFaultsIT.class.getResourceAsStream("/region/cau-ngang-communes.geojson"), "default region", "");
        communes = region.communes().stream().map(c -> c.code()).toList();
        // One after the other: the first makes the tables and the first administrator.
        first = instance("first").start();
        second = instance("second").start();
    }

    private static AppProcess instance(String name) {
        return AppProcess.of(
                dir.resolve(name),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + EmbeddedPostgresDatabase.USER,
                "--spring.datasource.password=" + postgres.password(),
                "--situationroom.platform.topic-replicas=3",
                "--situationroom.intake.person-hash-salt=the-cluster-test-salt-0123456789",
                "--situationroom.alerts.standing-check-delay=PT1S",
                "--situationroom.alerts.standing-check-every=PT3S",
                "--situationroom.security.admin-password=" + TestAccounts.PASSWORD,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--situationroom.notifications.email.to=truc-ban@example.vn,chi-huy@example.vn",
                "--situationroom.notifications.deliver-every=PT1S");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (AppProcess app : Arrays.asList(first, second)) {
            if (app != null) {
                app.kill();
            }
        }
        if (kafka != null) {
            for (int node = 1; node <= kafka.size(); node++) {
                kafka.kill(node);
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        // The apps' and brokers' logs stay for a look after a failure.
        Path logs = Path.of("target", "cluster-faults-logs");
        FileSystemUtils.deleteRecursively(logs);
        try (var files = Files.walk(dir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                Path copy = logs.resolve(dir.relativize(log));
                Files.createDirectories(copy.getParent());
                Files.copy(log, copy);
            }
        }
        FileSystemUtils.deleteRecursively(dir);
    }

    @Test
    @Order(1)
    void two_instances_share_the_stream_and_each_shows_what_the_other_took_in_and_decided() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(await(
                            () -> admin
                                    .describeConsumerGroups(List.of(HotspotTopics.STREAM_APPLICATION_ID))
                                    .all()
                                    .get()
                                    .get(HotspotTopics.STREAM_APPLICATION_ID)
                                    .members()
                                    .stream()
                                    // Each stream thread is a member (one per core but one): count the instances.
                                    .map(member -> member.clientId().replaceFirst("-StreamThread-.*", ""))
                                    .distinct()
                                    .count(),
                            instances -> instances == 2))
                    .as("both instances run the stream's tasks")
                    .isEqualTo(2L);
        }
        String commune = communes.get(0);
        String at = OffsetDateTime.now(TestClock.at(VIETNAM))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(new TestHttp(first.port())
                        .postJson("/api/v1/events", """
                                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"COMMUNE_OFFICE",\
                                "type":"INCIDENT","severity":"SERIOUS","headcount":3}""".formatted(UUID.randomUUID(), at, commune))
                        .statusCode())
                .isEqualTo(202);

        // Taken in by the first, shown by the second: its alert and the commune's level on its map.
        JsonNode alert = await(() -> activeAlertOf(second, commune), a -> a != null);
        assertThat(alert).as("the second instance's police map lists the alert").isNotNull();
        assertThat(await(
                        () -> new TestHttp(second.port())
                                .getJson("/api/v1/region/units/" + commune)
                                .path("level")
                                .asString(""),
                        "CRITICAL"::equals))
                .isEqualTo("CRITICAL");

        // Acknowledged on the second, shown acknowledged by the first.
        String id = alert.get("alertId").asString();
        long acknowledged = System.nanoTime();
        assertThat(new TestHttp(second.port())
                        .postJson("/api/v1/alerts/" + id + "/ack", "{\"by\":\"Trực ban\",\"note\":\"Đã cử lực lượng\"}")
                        .statusCode())
                .isEqualTo(202);
        assertThat(await(
                        () -> new TestHttp(first.port())
                                .getJson("/api/v1/alerts/" + id)
                                .path("state")
                                .asString(""),
                        "ACKNOWLEDGED"::equals))
                .isEqualTo("ACKNOWLEDGED");
        System.out.printf(
                "cluster IT: acknowledged on one instance, shown on the other after %d ms%n",
                (System.nanoTime() - acknowledged) / 1_000_000);

        // The standing checks, every 3 s here, run once a round between the two instances, not once each.
        String check = "Checking the standing conditions";
        long before = first.linesContaining(check) + second.linesContaining(check);
        Thread.sleep(15_000);
        long rounds = first.linesContaining(check) + second.linesContaining(check) - before;
        assertThat(rounds)
                .as("standing-check rounds in 15 s on both instances together")
                .isBetween(3L, 7L);

        // Both instances saw the CRITICAL alert and deliver every second: each address got its email once.
        List<String> mailed = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> body(m).contains("/map?alert=" + id))
                .map(m -> recipient(m))
                .toList();
        assertThat(mailed)
                .as("the alert's emails, sent by either instance")
                .containsExactlyInAnyOrder("truc-ban@example.vn", "chi-huy@example.vn");
    }

    @Test
    @Order(2)
    void an_instance_killed_during_an_ingest_hands_its_work_to_the_other_and_nothing_is_lost_or_doubled()
            throws Exception {
        List<String> mine = communes.subList(1, 5);
        List<Offered> offered = events(mine, 100_000, new Random(19));
        List<Offered> accepted = Collections.synchronizedList(new ArrayList<>());
        // The client spreads batches over both instances; a batch the dead one did not confirm goes to the other.
        var sender = CompletableFuture.runAsync(() -> {
            List<List<Offered>> batches = batches(offered, 1000);
            for (int i = 0; i < batches.size(); i++) {
                List<Offered> batch = batches.get(i);
                if (i % 2 == 1 && post(second, batch) == 202) {
                    accepted.addAll(batch);
                    continue;
                }
                accepted.addAll(postUntilAccepted(first, batch));
            }
        });
        while (accepted.size() < 30_000) {
            Thread.sleep(20);
        }
        second.kill();
        int atKill = accepted.size();
        sender.get();

        assertRecounted(mine, accepted, "after the second instance was killed with %d events accepted", atKill);
    }

    @Test
    @Order(3)
    void a_broker_killed_during_an_ingest_and_started_again_refuses_nothing_and_loses_nothing() throws Exception {
        List<String> mine = communes.subList(5, 8);
        List<Offered> offered = events(mine, 20_000, new Random(23));
        List<List<Offered>> batches = batches(offered, 500);
        List<Offered> accepted = new ArrayList<>();
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            if (i == 10) {
                kafka.kill(2);
            }
            if (i == 25) {
                kafka.start(2);
            }
            int status = post(first, batches.get(i));
            answers.add(status);
            if (status == 202) {
                accepted.addAll(batches.get(i));
            }
        }
        assertThat(answers).as("intake's answers while a broker was away").containsOnly(202);
        kafka.awaitReady();

        assertRecounted(mine, accepted, "after broker 2 was killed and started again");
    }

    @Test
    @Order(4)
    void the_database_killed_during_an_ingest_and_started_again_stores_every_accepted_event_once() throws Exception {
        List<String> mine = communes.subList(8, 11);
        List<Offered> offered = events(mine, 10_000, new Random(29));
        List<List<Offered>> batches = batches(offered, 500);
        List<Offered> accepted = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            if (i == 5) {
                killPostgres();
                // Releases the cluster folder's lock this JVM holds; the server is gone already.
                postgres.close();
            }
            if (i == 12) {
                postgres = EmbeddedPostgresDatabase.start(dir.resolve("postgres"), postgresPort, true);
                smtp = new GreenMail(new ServerSetup(AppProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
            }
            accepted.addAll(postUntilAccepted(first, batches.get(i)));
        }

        assertRecounted(mine, accepted, "after the database was killed and started again");
    }

    @Test
    @Order(5)
    void every_broker_down_for_a_minute_intake_refuses_at_once_the_screens_say_so_and_all_resumes() throws Exception {
        List<String> mine = communes.subList(11, 13);
        List<List<Offered>> batches = batches(events(mine, 4_000, new Random(31)), 500);
        List<Offered> accepted = new ArrayList<>();
        for (List<Offered> batch : batches.subList(0, 4)) {
            accepted.addAll(postUntilAccepted(first, batch));
        }
        WebDriver browser = chromium.driver();
        BrowserTest.signIn(browser, first.port(), "admin");
        // Any officer's screen has the band (it is in the shell); the administrator's list of users here.
        browser.get("http://localhost:" + first.port() + "/admin/users");

        for (int node = 1; node <= kafka.size(); node++) {
            kafka.kill(node);
        }
        long down = System.nanoTime();
        List<Integer> answers = new ArrayList<>();
        long slowest = 0;
        while (System.nanoTime() - down < Duration.ofSeconds(60).toNanos()) {
            long asked = System.nanoTime();
            answers.add(post(first, batches.get(4)));
            long took = System.nanoTime() - asked;
            // The cluster is asked every second whether it answers: from then on, intake refuses at once.
            if (asked - down > Duration.ofSeconds(5).toNanos()) {
                slowest = Math.max(slowest, took);
            }
            Thread.sleep(500);
        }
        assertThat(answers)
                .as("intake's answers while no broker ran")
                .containsOnly(503)
                .hasSizeGreaterThan(20);
        assertThat(Duration.ofNanos(slowest))
                .as("the slowest refusal once the outage was known")
                .isLessThan(Duration.ofSeconds(3));
        WebElement banner = browser.findElement(By.cssSelector(".broker-down"));
        assertThat(banner.isDisplayed()).as("the banner on an officer's screen").isTrue();
        assertThat(banner.getText()).contains("Kafka");
        chromium.screenshot("broker-down.png");

        kafka.startAll();
        for (List<Offered> batch : batches.subList(4, batches.size())) {
            accepted.addAll(postUntilAccepted(first, batch));
        }
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElement(By.cssSelector(".broker-down")).isDisplayed());

        assertRecounted(mine, accepted, "after a minute without any broker");
    }

    /** The indicators equal a recount of the accepted events, and the history holds each of them once. */
    private static void assertRecounted(List<String> mine, List<Offered> accepted, String when, Object... args)
            throws Exception {
        Map<String, List<Long>> expected = OfferedEvents.recount(accepted);
        Map<String, List<Long>> found = OfferedEvents.awaitIndicators(
                Arrays.asList(kafka.bootstrapServers().split(",")), Set.copyOf(mine), expected, PATIENCE);
        assertThat(found)
                .as("events and people per commune and window " + when, args)
                .isEqualTo(expected);
        long[] stored = await(() -> stored(mine), counts -> counts[0] >= accepted.size());
        assertThat(stored[0]).as("events in the history " + when, args).isEqualTo(accepted.size());
        assertThat(stored[1]).as("distinct events in the history").isEqualTo(accepted.size());
    }

    private static long[] stored(List<String> mine) throws Exception {
        try (var db = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                        EmbeddedPostgresDatabase.USER,
                        postgres.password());
                var query = db.prepareStatement(
                        "SELECT count(*), count(DISTINCT event_id) FROM reception_event WHERE commune_code = ANY (?)")) {
            query.setArray(1, db.createArrayOf("text", mine.toArray()));
            try (var rows = query.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    private static String body(jakarta.mail.internet.MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL for the database server and every backend of it, as a crash of its machine would do. */
    private static void killPostgres() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dir.resolve("postgres").resolve("postmaster.pid"))
                .getFirst()
                .strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        for (ProcessHandle process : all) {
            process.destroyForcibly();
        }
        for (ProcessHandle process : all) {
            process.onExit().get();
        }
    }

    /** Events of the last 20 hours over the communes, in time order as a reception book is written. */
    private static List<Offered> events(List<String> mine, int count, Random random) {
        OffsetDateTime now = OffsetDateTime.now(TestClock.at(VIETNAM)).truncatedTo(ChronoUnit.SECONDS);
        List<Offered> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new Offered(
                    new UUID(random.nextLong(), random.nextLong()),
                    mine.get(random.nextInt(mine.size())),
                    1 + random.nextInt(3),
                    now.minusSeconds(60 + random.nextInt(20 * 3600))));
        }
        events.sort((a, b) -> a.at().compareTo(b.at()));
        return events;
    }

    private static List<List<Offered>> batches(List<Offered> events, int size) {
        List<List<Offered>> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += size) {
            batches.add(events.subList(i, Math.min(events.size(), i + size)));
        }
        return batches;
    }

    /** Posts a batch; the status, or 0 when the instance did not answer. */
    private static int post(AppProcess app, List<Offered> batch) {
        try {
            HttpResponse<String> response =
                    new TestHttp(app.port()).postJson("/api/v1/events", OfferedEvents.jsonArray(batch));
            return response.statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Posts a batch again and again (as a client does with the same ids) until the instance accepts it. */
    private static List<Offered> postUntilAccepted(AppProcess app, List<Offered> batch) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (post(app, batch) == 202) {
                return batch;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("a batch was not accepted within " + PATIENCE);
    }

    private static JsonNode activeAlertOf(AppProcess app, String commune) throws Exception {
        for (JsonNode alert : new TestHttp(app.port()).getJson("/api/v1/alerts")) {
            if (alert.path("communeCode").asString("").equals(commune)) {
                return alert;
            }
        }
        return null;
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    /** The probe's value once it passes the test, or its last value when patience runs out. */
    private static <T> T await(Probe<T> probe, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                // not yet
            }
            Thread.sleep(200);
        }
        return last;
    }
}

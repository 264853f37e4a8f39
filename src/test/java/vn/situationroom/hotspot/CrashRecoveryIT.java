package vn.situationroom.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import vn.situationroom.AppProcess;
import vn.situationroom.OfferedEvents;
import vn.situationroom.OfferedEvents.Offered;
import vn.situationroom.TestClock;
import vn.situationroom.TestHttp;
import vn.situationroom.region.Region;
import vn.situationroom.region.RegionLoader;

/**
 * The packaged app, killed with SIGKILL in the middle of a stream of events (broker, database and streams with it, as
 * in a power cut; or its JVM alone, the database running on), then started again on the same data: its indicators
 * equal a recount of the accepted events, so nothing accepted was lost and nothing was counted twice.
 */
class CrashRecoveryIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final Path data = createTempDirectory();
    private final int kafkaPort = AppProcess.freePort();
    private final int postgresPort = AppProcess.freePort();
    private final AppProcess app = AppProcess.of(
            data,
            "--situationroom.platform.kafka-port=" + kafkaPort,
            "--situationroom.platform.kafka-controller-port=" + AppProcess.freePort(),
            "--situationroom.platform.postgres-port=" + postgresPort);

    @AfterEach
    void cleanUp() throws Exception {
        app.kill();
        FileSystemUtils.deleteRecursively(data);
    }

    @Test
    void after_a_kill_mid_stream_the_indicators_equal_a_recount_of_the_accepted_events() throws Exception {
        Region region = RegionLoader.load(
                getClass().getResourceAsStream("/region/cau-ngang-communes.geojson"), "default region", "");
        List<String> communes = List.of(
                region.communes().get(0).code(), region.communes().get(1).code());
        List<Offered> offered = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            offered.add(new Offered(UUID.randomUUID(), communes.get(i % 2), 1 + i % 3));
        }
        List<Offered> accepted = Collections.synchronizedList(new ArrayList<>());

        long t0 = System.nanoTime();
        app.start();
        // The demo's accounts are made (and printed) just after the app answers.
        awaitLine("lanhdao ");
        assertThat(app.linesContaining("lanhdao "))
                .as("the demo accounts printed on the first start")
                .isEqualTo(1);
        System.out.printf("crash IT: first start %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        // A client sends as fast as it can; the app is killed while events are flowing.
        var sender = CompletableFuture.supplyAsync(() -> sendUntilFailure(offered, accepted));
        while (accepted.size() < 100) {
            Thread.sleep(10);
        }
        app.kill();
        int confirmedBeforeKill = sender.get();
        long t1 = System.nanoTime();
        app.start();
        // The demo's secrets were printed when they were made, and are not printed again: the file is named.
        awaitLine("The demo's accounts, the wall's address and an API token are in");
        assertThat(app.linesContaining("password "))
                .as("demo passwords printed on a later start")
                .isZero();
        System.out.printf("crash IT: restart %d ms%n", (System.nanoTime() - t1) / 1_000_000);
        long t2 = System.nanoTime();
        // Like any client, it sends again what was not confirmed, with the same ids, then the rest.
        for (Offered event : offered.subList(confirmedBeforeKill, offered.size())) {
            assertThat(send(event)).isEqualTo(202);
            accepted.add(event);
        }

        Map<String, List<Long>> expected = OfferedEvents.recount(accepted);
        System.out.printf("crash IT: resend %d ms%n", (System.nanoTime() - t2) / 1_000_000);
        long t3 = System.nanoTime();
        Map<String, List<Long>> found = OfferedEvents.awaitIndicators(
                List.of("localhost:" + kafkaPort), Set.copyOf(communes), expected, PATIENCE);
        System.out.printf("crash IT: indicators caught up in %d ms%n", (System.nanoTime() - t3) / 1_000_000);
        assertThat(found)
                .as("events and people per commune and window; %d confirmed before the kill", confirmedBeforeKill)
                .isEqualTo(expected);
    }

    @Test
    void a_backlog_written_straight_to_the_topic_in_shuffled_order_is_counted_whole_across_a_kill() throws Exception {
        Region region = RegionLoader.load(
                getClass().getResourceAsStream("/region/cau-ngang-communes.geojson"), "default region", "");
        List<String> communes = List.of(
                region.communes().get(2).code(), region.communes().get(3).code());
        OffsetDateTime now = OffsetDateTime.now(TestClock.at(VIETNAM)).truncatedTo(ChronoUnit.SECONDS);
        java.util.Random random = new java.util.Random(21);
        List<Offered> backlog = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            backlog.add(new Offered(
                    UUID.randomUUID(),
                    communes.get(random.nextInt(2)),
                    1 + random.nextInt(3),
                    now.minusSeconds(60 + random.nextInt(21 * 3600))));
        }
        Collections.shuffle(backlog, random);
        app.start();
        // Written as one backlog, half of it by another partitioner than Kafka's own (kcat's CRC32, say).
        String bootstrap = "localhost:" + kafkaPort;
        Map<Integer, List<Map.Entry<String, byte[]>>> byPartition = new java.util.TreeMap<>();
        for (int i = 0; i < backlog.size(); i++) {
            Offered event = backlog.get(i);
            int partition = Placement.owner(event.commune(), 3) + (i % 2);
            byPartition
                    .computeIfAbsent(partition % 3, p -> new ArrayList<>())
                    .add(Map.entry(event.commune(), event.json().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        for (var partition : byPartition.entrySet()) {
            produceAll(bootstrap, partition.getKey(), partition.getValue());
        }
        // Killed while the stream is working through it.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long progress;
        do {
            Thread.sleep(50);
            progress = committed(bootstrap);
        } while (progress < 2_000 && System.nanoTime() < deadline);
        // The JVM alone this time, as the kernel's out-of-memory killer would take it: the database runs on, and the
        // app started again finds it running (the other test cuts the power to both).
        app.killJvm();
        System.out.printf("crash IT: killed with %d of %d events committed by the stream%n", progress, backlog.size());
        assertThat(progress).as("killed mid-stream").isBetween(2_000L, (long) backlog.size() - 1);
        app.start();

        Map<String, List<Long>> expected = OfferedEvents.recount(backlog);
        Map<String, List<Long>> found = OfferedEvents.awaitIndicators(
                List.of("localhost:" + kafkaPort), Set.copyOf(communes), expected, PATIENCE);
        assertThat(found).as("events and people per commune and window").isEqualTo(expected);
        // The app's embedded database asks for the password it keeps in its cluster's folder.
        String password = Files.readString(data.resolve("postgres").resolve("situationroom-password"))
                .strip();
        try (var db = java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", password);
                var rows = db.createStatement()
                        .executeQuery("SELECT count(*), count(DISTINCT event_id) FROM reception_event")) {
            rows.next();
            assertThat(rows.getLong(1)).as("the history holds each event once").isEqualTo(backlog.size());
            assertThat(rows.getLong(2)).isEqualTo(backlog.size());
        }
    }

    private static void produceAll(String bootstrap, int partition, List<Map.Entry<String, byte[]>> records)
            throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers",
                bootstrap,
                "linger.ms",
                5,
                "acks",
                "all",
                "key.serializer",
                org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer",
                org.apache.kafka.common.serialization.ByteArraySerializer.class))) {
            for (Map.Entry<String, byte[]> record : records) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                        "reception-events", partition, record.getKey(), record.getValue()));
            }
            producer.flush();
        }
    }

    /** The offsets of reception-events the stream has committed, over its partitions. */
    private static long committed(String bootstrap) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return admin
                    .listConsumerGroupOffsets(HotspotStreams.APPLICATION_ID)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .entrySet()
                    .stream()
                    .filter(e -> e.getKey().topic().equals("reception-events") && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Sends events in order until one fails; returns how many were confirmed. */
    private int sendUntilFailure(List<Offered> offered, List<Offered> accepted) {
        for (Offered event : offered) {
            try {
                if (send(event) != 202) {
                    break;
                }
                accepted.add(event);
            } catch (Exception e) {
                break;
            }
        }
        return accepted.size();
    }

    private int send(Offered event) throws Exception {
        return new TestHttp(app.port()).postJson("/api/v1/events", event.json()).statusCode();
    }

    private void awaitLine(String text) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (app.linesContaining(text) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("crash-recovery-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

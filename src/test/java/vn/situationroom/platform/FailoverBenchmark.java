package vn.situationroom.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.util.FileSystemUtils;
import vn.situationroom.AppProcess;
import vn.situationroom.OfferedEvents;
import vn.situationroom.OfferedEvents.Offered;
import vn.situationroom.TestAccounts;
import vn.situationroom.TestHttp;
import vn.situationroom.hotspot.HotspotTopics;
import vn.situationroom.intake.IntakeTopics;
import vn.situationroom.region.Region;
import vn.situationroom.region.RegionLoader;

/**
 * {@code bench/failover.sh}: two app instances on a local cluster of three brokers and one PostgreSQL take a steady
 * stream of events (batches of 10 every 100 ms, spread over both); one instance is killed (SIGKILL) and the client
 * sends on to the other. It prints how long until the stream runs again on every partition (the committed offset of
 * each partition of {@code reception-events} passes where it ended at the kill), and, once the indicators settle,
 * how many accepted events are missing from them or counted twice.
 */
public final class FailoverBenchmark {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public static void main(String[] args) throws Exception {
        Duration before = Duration.ofSeconds(Long.getLong("bench.before-seconds", 30));
        Duration after = Duration.ofSeconds(Long.getLong("bench.after-seconds", 60));
        Path dir = Files.createTempDirectory("failover-bench-");
        LocalKafkaCluster kafka =
                LocalKafkaCluster.of(dir.resolve("kafka"), 3, Integer.getInteger("bench.base-port", 29092));
        EmbeddedPostgresDatabase postgres = null;
        AppProcess first = null;
        AppProcess second = null;
        try {
            kafka.startAll();
            postgres = EmbeddedPostgresDatabase.start(dir.resolve("postgres"), AppProcess.freePort(), true);
            List<String> arguments = List.of(
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + EmbeddedPostgresDatabase.USER,
                    "--spring.datasource.password=" + postgres.password(),
                    "--situationroom.platform.topic-replicas=3",
                    "--situationroom.security.admin-password=" + TestAccounts.PASSWORD);
            first = AppProcess.of(dir.resolve("first"), arguments.toArray(String[]::new))
                    .start();
            second = AppProcess.of(dir.resolve("second"), arguments.toArray(String[]::new))
                    .start();
            Region region = RegionLoader.load(
                    FailoverBenchmark.class.getResourceAsStream("/region/cau-ngang-communes.geojson"),
                    "default region",
                    "");
            List<String> communes =
                    region.communes().stream().map(c -> c.code()).toList();

            List<Offered> accepted = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean secondAlive = new AtomicBoolean(true);
            AtomicBoolean sending = new AtomicBoolean(true);
            AppProcess one = first;
            AppProcess other = second;
            var sender = CompletableFuture.runAsync(() -> {
                java.util.Random random = new java.util.Random(7);
                int batchNumber = 0;
                while (sending.get()) {
                    long next = System.nanoTime() + 100_000_000L;
                    OffsetDateTime now = OffsetDateTime.now(VIETNAM).truncatedTo(ChronoUnit.SECONDS);
                    List<Offered> batch = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        batch.add(new Offered(
                                new UUID(random.nextLong(), random.nextLong()),
                                communes.get(random.nextInt(communes.size())),
                                1 + random.nextInt(3),
                                now.minusSeconds(random.nextInt(3600))));
                    }
                    boolean toOther = batchNumber++ % 2 == 1 && secondAlive.get();
                    if (!(toOther && post(other, batch) == 202)) {
                        while (post(one, batch) != 202) {
                            sleep(200);
                        }
                    }
                    accepted.addAll(batch);
                    sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                }
            });
            sleep(before.toMillis());

            String bootstrap = kafka.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                List<TopicPartition> partitions = admin
                        .describeTopics(List.of(IntakeTopics.RECEPTION_EVENTS.name()))
                        .allTopicNames()
                        .get()
                        .get(IntakeTopics.RECEPTION_EVENTS.name())
                        .partitions()
                        .stream()
                        .map(p -> new TopicPartition(IntakeTopics.RECEPTION_EVENTS.name(), p.partition()))
                        .toList();
                secondAlive.set(false);
                second.kill();
                long killed = System.nanoTime();
                Map<TopicPartition, Long> ends = admin
                        .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all()
                        .get()
                        .entrySet()
                        .stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().offset()));
                double failover = -1;
                while (System.nanoTime() - killed < Duration.ofMinutes(3).toNanos()) {
                    var committed = admin.listConsumerGroupOffsets(HotspotTopics.STREAM_APPLICATION_ID)
                            .partitionsToOffsetAndMetadata()
                            .get();
                    boolean all = partitions.stream()
                            .allMatch(p ->
                                    committed.get(p) != null && committed.get(p).offset() > ends.get(p));
                    if (all) {
                        failover = (System.nanoTime() - killed) / 1e9;
                        break;
                    }
                    sleep(100);
                }
                sleep(after.toMillis());
                sending.set(false);
                sender.get();

                Map<String, List<Long>> expected = OfferedEvents.recount(accepted);
                Map<String, List<Long>> found = OfferedEvents.awaitIndicators(
                        Arrays.asList(bootstrap.split(",")), Set.copyOf(communes), expected, Duration.ofMinutes(3));
                long acceptedEvents = accepted.size();
                long counted = found.entrySet().stream()
                        .filter(e -> e.getKey().contains("/HOUR/"))
                        .mapToLong(e -> e.getValue().get(0))
                        .sum();
                String line = String.format(
                        "failover: %.1f s until the other instance processes again; lost %d; doubled %d",
                        failover, Math.max(0, acceptedEvents - counted), Math.max(0, counted - acceptedEvents));
                String detail = String.format(
                        "(%d events accepted over %d s, one instance killed after %d s; windows equal to a recount: %s)",
                        acceptedEvents, before.plus(after).toSeconds(), before.toSeconds(), found.equals(expected));
                Files.createDirectories(Path.of("target", "bench"));
                Files.writeString(Path.of("target", "bench", "failover.txt"), line + "\n" + detail + "\n");
                System.out.println(line);
                System.out.println(detail);
            }
        } finally {
            for (AppProcess app : Arrays.asList(first, second)) {
                if (app != null) {
                    app.kill();
                }
            }
            for (int node = 1; node <= kafka.size(); node++) {
                kafka.kill(node);
            }
            if (postgres != null) {
                postgres.close();
            }
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private static int post(AppProcess app, List<Offered> batch) {
        try {
            return new TestHttp(app.port())
                    .postJson("/api/v1/events", OfferedEvents.jsonArray(batch))
                    .statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

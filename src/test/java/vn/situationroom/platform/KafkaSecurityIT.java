package vn.situationroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import vn.situationroom.AppProcess;
import vn.situationroom.TestClock;
import vn.situationroom.TestHttp;
import vn.situationroom.region.RegionLoader;

/**
 * The app deployed as on a shared network: on a Kafka cluster whose clients must sign in (SASL/SCRAM-SHA-512) and whose
 * ACLs decide what each principal may do, and behind a TLS-terminating proxy. The app works as its own principal;
 * nobody reads anything without credentials or with a wrong password; the read-only principal for outside tools reads
 * the events and never the persons, and writes nothing; a wall paired through the proxy gets a {@code Secure} cookie.
 */
class KafkaSecurityIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Path dir;
    private static LocalKafkaCluster kafka;
    private static AppProcess app;
    private static String commune;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("kafka-security-");
        kafka = LocalKafkaCluster.secured(dir.resolve("kafka"), 1, LocalKafkaCluster.freeBasePort(1));
        kafka.startAll();
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--situationroom.platform.postgres-port=" + AppProcess.freePort(),
                // Behind a TLS proxy, as README says to set it.
                "--server.forward-headers-strategy=native"));
        kafka.clientSettings(LocalKafkaCluster.APP)
                .forEach((key, value) -> arguments.add("--spring.kafka.properties." + key + "=" + value));
        app = AppProcess.of(dir.resolve("app"), arguments.toArray(String[]::new))
                .start();
        commune = RegionLoader.load(
                        KafkaSecurityIT.class.getResourceAsStream("/region/cau-ngang-communes.geojson"),
                        "default region",
                        "")
                .communes()
                .getFirst()
                .code();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.kill();
        }
        if (kafka != null) {
            kafka.kill(1);
        }
        FileSystemUtils.deleteRecursively(dir);
    }

    @Test
    void the_app_signs_in_as_its_own_principal_and_works_and_the_reader_reads_events_but_never_persons()
            throws Exception {
        String at = OffsetDateTime.now(TestClock.at(ZoneId.of("Asia/Ho_Chi_Minh")))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String marker = "Nguyễn Văn " + UUID.randomUUID();
        assertThat(new TestHttp(app.port())
                        .postJson("/api/v1/events", """
                                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"POLICE",\
                                "type":"INCIDENT","severity":"SERIOUS","headcount":3,"person":{"name":"%s"}}""".formatted(UUID.randomUUID(), at, commune, marker))
                        .statusCode())
                .isEqualTo(202);
        // Intake, the stream and the live feed, all through the secured cluster.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        boolean alerted = false;
        while (!alerted && System.nanoTime() < deadline) {
            for (JsonNode alert : new TestHttp(app.port()).getJson("/api/v1/alerts")) {
                alerted |= alert.path("communeCode").asString("").equals(commune);
            }
            Thread.sleep(500);
        }
        assertThat(alerted)
                .as("the alert of the incident, raised by the stream")
                .isTrue();

        // The reader reads the events…
        List<ConsumerRecord<String, byte[]>> events =
                read(kafka.clientSettings(LocalKafkaCluster.READER), "reception-events");
        assertThat(events).isNotEmpty();
        assertThat(events)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .noneMatch(value -> value.contains(marker));
        // …but never a person, and it writes nothing.
        assertThatThrownBy(() -> read(kafka.clientSettings(LocalKafkaCluster.READER), "reception-event-persons"))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(TopicAuthorizationException.class));
        assertThatThrownBy(() -> write(kafka.clientSettings(LocalKafkaCluster.READER), "reception-events"))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(AuthorizationException.class));
    }

    @Test
    void nobody_reads_anything_without_credentials_or_with_a_wrong_password() {
        Map<String, String> wrong = new HashMap<>(kafka.clientSettings(LocalKafkaCluster.READER));
        wrong.put("sasl.jaas.config", EmbeddedKafkaBroker.scramLogin(LocalKafkaCluster.READER, "not-the-password"));
        assertThatThrownBy(() -> topics(wrong))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(SaslAuthenticationException.class));
        // A plaintext client gets no answer at all from the signed-in listener.
        assertThatThrownBy(() -> topics(Map.of())).isInstanceOf(Exception.class);
    }

    @Test
    void a_wall_paired_through_a_tls_proxy_keeps_its_secret_in_a_secure_cookie() throws Exception {
        // The demo's wall address, made on the first start (just after the app answers).
        Path file = dir.resolve("app").resolve("secrets").resolve("demo-credentials.txt");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(500);
        String credentials = Files.readString(file);
        String address = credentials
                .lines()
                .filter(line -> line.startsWith("wall screen (kiosk): "))
                .findFirst()
                .orElseThrow();
        String path = address.substring(address.indexOf("/kiosk/"));
        var paired = TestHttp.anonymous(app.port()).get(path, "X-Forwarded-Proto", "https");
        assertThat(paired.statusCode()).isEqualTo(302);
        assertThat(paired.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("SR_KIOSK="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("Secure").contains("HttpOnly"));
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static java.util.Set<String> topics(Map<String, String> signIn) throws Exception {
        Map<String, Object> config = new HashMap<>(signIn);
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("request.timeout.ms", 5_000);
        config.put("default.api.timeout.ms", 5_000);
        try (Admin admin = Admin.create(config)) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> read(Map<String, String> signIn, String topic) {
        Map<String, Object> config = new HashMap<>(signIn);
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("key.deserializer", StringDeserializer.class);
        config.put("value.deserializer", ByteArrayDeserializer.class);
        config.put("isolation.level", "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static void write(Map<String, String> signIn, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(signIn);
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("key.serializer", StringSerializer.class);
        config.put("value.serializer", ByteArraySerializer.class);
        config.put("max.block.ms", 10_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, commune, "{}".getBytes(StandardCharsets.UTF_8)))
                    .get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e;
        }
    }
}

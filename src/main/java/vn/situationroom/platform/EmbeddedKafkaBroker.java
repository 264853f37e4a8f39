package vn.situationroom.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker and controller in one node), run inside the app's
 * JVM from Kafka's own server classes. Its storage is formatted on first start and reused afterwards.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats the log directory if it is new, starts the node and waits until it answers clients. */
    public static EmbeddedKafkaBroker start(Path logDir, int port, int controllerPort) {
        int clientPort = FreePort.orFree(port);
        int quorumPort = FreePort.orFree(controllerPort);
        Map<String, String> config = serverConfig(logDir, clientPort, quorumPort);
        format(logDir, config);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        server.startup();
        String bootstrap = "localhost:" + clientPort;
        awaitReady(bootstrap);
        log.info("Embedded Kafka broker (KRaft, single node) ready on {}, log in {}", bootstrap, logDir);
        return new EmbeddedKafkaBroker(server, bootstrap);
    }

    private static Map<String, String> serverConfig(Path logDir, int clientPort, int quorumPort) {
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + quorumPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + clientPort + ",CONTROLLER://localhost:" + quorumPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + clientPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                // One node: every internal topic has exactly one replica.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Topics are declared by the app with their settings; a typo must not create a stray topic.
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("num.partitions", "3"));
    }

    private static void format(Path logDir, Map<String, String> config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path file = Files.createTempFile("embedded-kafka-", ".properties");
            Properties properties = new Properties();
            properties.putAll(config);
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "embedded broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            String clusterId = Uuid.randomUuid().toString();
            int status = StorageTool.execute(
                    new String[] {"format", "--config", file.toString(), "--cluster-id", clusterId, "--ignore-formatted"
                    },
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(file);
            if (status != 0) {
                throw new IllegalStateException("Formatting the Kafka log directory " + logDir + " failed: " + output);
            }
            log.info("Formatted a new Kafka log directory {} (cluster {})", logDir, clusterId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format the Kafka log directory " + logDir, e);
        }
    }

    private static void awaitReady(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) READY_TIMEOUT.toMillis()))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded Kafka broker on " + bootstrap + " did not become ready", e);
        }
    }

    /** The address for clients, such as {@code localhost:9092}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}

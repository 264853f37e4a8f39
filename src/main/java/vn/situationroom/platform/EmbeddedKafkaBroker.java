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
import java.util.ArrayList;
import java.util.List;
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
        Map<String, String> config =
                nodeConfig(logDir, 1, clientPort, "1@localhost:" + quorumPort, quorumPort, 1, null);
        format(logDir, config, Uuid.randomUuid().toString(), List.of());
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        server.startup();
        String bootstrap = "localhost:" + clientPort;
        awaitReady(bootstrap);
        log.info("Embedded Kafka broker (KRaft, single node) ready on {}, log in {}", bootstrap, logDir);
        return new EmbeddedKafkaBroker(server, bootstrap);
    }

    /**
     * The settings of one node of a KRaft cluster in combined mode (broker and controller in one node).
     *
     * @param voters every controller of the cluster, as {@code id@host:port,...}
     * @param nodes how many nodes the cluster has: internal topics and the topics' defaults keep three copies (two in
     *     sync for a write) where three nodes or more allow it, one on a single node
     * @param adminPassword null for a plaintext listener open to anyone (the embedded demo, bound to localhost); else
     *     clients sign in with SCRAM-SHA-512 and ACLs decide what each principal may do, the brokers between them as
     *     {@code admin} with this password
     */
    static Map<String, String> nodeConfig(
            Path logDir, int nodeId, int clientPort, String voters, int quorumPort, int nodes, String adminPassword) {
        String replicas = Integer.toString(Math.min(3, nodes));
        String inSync = nodes >= 3 ? "2" : "1";
        String client = adminPassword == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        Map<String, String> config = new java.util.LinkedHashMap<>(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", Integer.toString(nodeId)),
                Map.entry("controller.quorum.voters", voters),
                Map.entry("listeners", client + "://localhost:" + clientPort + ",CONTROLLER://localhost:" + quorumPort),
                Map.entry("advertised.listeners", client + "://localhost:" + clientPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", client),
                Map.entry("listener.security.protocol.map", client + ":" + client + ",CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                Map.entry("offsets.topic.replication.factor", replicas),
                Map.entry("transaction.state.log.replication.factor", replicas),
                Map.entry("transaction.state.log.min.isr", inSync),
                Map.entry("share.coordinator.state.topic.replication.factor", replicas),
                Map.entry("share.coordinator.state.topic.min.isr", inSync),
                Map.entry("default.replication.factor", replicas),
                Map.entry("min.insync.replicas", inSync),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Topics are declared by the app with their settings; a typo must not create a stray topic.
                Map.entry("auto.create.topics.enable", "false"),
                // An event's time is its record's timestamp. The intake refuses events more than minutes ahead of the
                // app's clock; the broker need not judge them by its own (whose default refuses an hour ahead), which
                // lets a test run the app on a date set forward.
                Map.entry("log.message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE)),
                Map.entry("num.partitions", "3")));
        if (adminPassword != null) {
            config.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
            config.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
            config.put(
                    "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    scramLogin(LocalKafkaCluster.ADMIN, adminPassword));
            config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            config.put("allow.everyone.if.no.acl.found", "false");
            // The controllers talk over their own listener, bound to this machine, as the anonymous principal.
            config.put("super.users", "User:" + LocalKafkaCluster.ADMIN + ";User:ANONYMOUS");
        }
        return Map.copyOf(config);
    }

    /** The JAAS line with which a client signs in with SCRAM. */
    static String scramLogin(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
                + "\" password=\"" + password + "\";";
    }

    /** Writes the settings as a properties file, as Kafka's own tools and main class read them. */
    static void writeConfig(Map<String, String> config, Path file) {
        Properties properties = new Properties();
        properties.putAll(config);
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "Kafka node");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * Formats the node's log directory for the given cluster unless it was formatted before.
     *
     * @param scramUsers the SCRAM-SHA-512 credentials the cluster starts with, as {@code name=password}
     */
    static void format(Path logDir, Map<String, String> config, String clusterId, List<String> scramUsers) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path file = Files.createTempFile("kafka-node-", ".properties");
            writeConfig(config, file);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            List<String> arguments = new ArrayList<>(
                    List.of("format", "--config", file.toString(), "--cluster-id", clusterId, "--ignore-formatted"));
            for (String user : scramUsers) {
                int equals = user.indexOf('=');
                arguments.add("--add-scram");
                arguments.add("SCRAM-SHA-512=[name=" + user.substring(0, equals) + ",password="
                        + user.substring(equals + 1) + "]");
            }
            int status = StorageTool.execute(
                    arguments.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
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
        awaitBrokers(bootstrap, Map.of(), 1, READY_TIMEOUT);
    }

    /**
     * Waits until the cluster behind the address has at least the given number of live brokers.
     *
     * @param signIn the client's security settings, if the cluster asks for them
     */
    static void awaitBrokers(String bootstrap, Map<String, String> signIn, int brokers, Duration timeout) {
        Map<String, Object> config = new java.util.HashMap<>(signIn);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        // Closed within a bounded time: close() without one waits for the calls still pending, which can be forever
        // when a port answers but no broker speaks on it (a port another process holds).
        Admin admin = Admin.create(config);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            int live = admin.describeCluster()
                    .nodes()
                    .get(timeout.toSeconds(), TimeUnit.SECONDS)
                    .size();
            while (live < brokers && System.nanoTime() < deadline) {
                Thread.sleep(200);
                live = admin.describeCluster()
                        .nodes()
                        .get(timeout.toSeconds(), TimeUnit.SECONDS)
                        .size();
            }
            if (live < brokers) {
                throw new IllegalStateException(live + " of " + brokers + " brokers on " + bootstrap + " are up");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the brokers on " + bootstrap, e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The Kafka broker on " + bootstrap + " did not become ready", e);
        } finally {
            admin.close(Duration.ofSeconds(5));
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

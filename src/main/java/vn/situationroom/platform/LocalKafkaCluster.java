package vn.situationroom.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A Kafka cluster of N KRaft nodes on this machine without Docker: each node (broker and controller in one) is its
 * own JVM running Kafka's own main class ({@code kafka.Kafka}) from the app's jar or classpath. Node {@code i} (from
 * 1) listens for clients on {@code basePort + i - 1} and for its controller quorum on {@code basePort + 100 + i - 1}.
 * Each node keeps its log, settings, output and process id under {@code <dir>/node-<i>}, so that a node can be
 * stopped and started again on its data, and the cluster outlives the launcher (the script in
 * {@code tools/kafka-cluster}).
 *
 * <p>With three nodes or more every topic keeps three copies, two of which must have a write (the internal topics
 * too), so that one node may be lost without losing or refusing anything.
 */
public final class LocalKafkaCluster {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final int OUTPUT_LINES = 30;
    /** The line that begins each start's output in a node's {@code node.log}. */
    private static final String START_MARK = "=== node ";

    private static final String LOGBACK = """
            <configuration>
              <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka" level="WARN"/>
              <logger name="org.apache.kafka" level="WARN"/>
              <logger name="state.change.logger" level="WARN"/>
              <root level="INFO"><appender-ref ref="out"/></root>
            </configuration>
            """;

    /** The brokers' own principal, a super user. */
    static final String ADMIN = "admin";
    /** The app's principal: every topic, group and transactional id of its own. */
    public static final String APP = "situationroom";
    /** A read-only principal for outside tools (kcat, dashboards): the events and what the analytics publish. */
    public static final String READER = "reader";
    /**
     * What {@link #READER} may read: never {@code reception-event-persons} (personal data) nor the rejected records;
     * it may not write anything. Its consumer groups' names start with {@code reader}.
     */
    static final List<String> READER_TOPICS =
            List.of("reception-events", "commune-indicators", "commune-hotspots", "alerts", "alert-commands");

    private final Path dir;
    private final int nodes;
    private final int basePort;
    private final Map<String, String> passwords;

    private LocalKafkaCluster(Path dir, int nodes, int basePort, Map<String, String> passwords) {
        this.dir = dir.toAbsolutePath();
        this.nodes = nodes;
        this.basePort = basePort;
        this.passwords = passwords;
    }

    /** The plaintext cluster of the given size in the given folder; its nodes are formatted (once), not started. */
    public static LocalKafkaCluster of(Path dir, int nodes, int basePort) {
        return create(dir, nodes, basePort, false);
    }

    /**
     * The cluster with its clients signed in (SASL/SCRAM-SHA-512) and ACLs deciding what each principal may do:
     * {@link #APP} and {@link #READER}, with passwords generated on the first start and kept in
     * {@code <dir>/credentials.properties} (owner only).
     */
    public static LocalKafkaCluster secured(Path dir, int nodes, int basePort) {
        return create(dir, nodes, basePort, true);
    }

    private static LocalKafkaCluster create(Path dir, int nodes, int basePort, boolean secured) {
        if (nodes < 1 || nodes > 9) {
            throw new IllegalArgumentException("a local cluster has 1 to 9 nodes, not " + nodes);
        }
        LocalKafkaCluster cluster = new LocalKafkaCluster(dir, nodes, basePort, secured ? credentials(dir) : Map.of());
        cluster.format();
        return cluster;
    }

    private static Map<String, String> credentials(Path dir) {
        Path file = dir.toAbsolutePath().resolve("credentials.properties");
        try {
            Files.createDirectories(file.getParent());
            java.util.Properties stored = new java.util.Properties();
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    stored.load(in);
                }
            } else {
                java.security.SecureRandom random = new java.security.SecureRandom();
                for (String user : List.of(ADMIN, APP, READER)) {
                    byte[] bytes = new byte[18];
                    random.nextBytes(bytes);
                    stored.setProperty(
                            user,
                            java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                }
                try (var out = Files.newOutputStream(file)) {
                    stored.store(out, "SCRAM-SHA-512 passwords of the local cluster's principals");
                }
                try {
                    Files.setPosixFilePermissions(
                            file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the folder's own permissions apply
                }
            }
            Map<String, String> passwords = new java.util.TreeMap<>();
            stored.stringPropertyNames().forEach(user -> passwords.put(user, stored.getProperty(user)));
            return Map.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local cluster's credentials in " + file, e);
        }
    }

    /** Whether clients must sign in. */
    public boolean secured() {
        return !passwords.isEmpty();
    }

    /** A principal's password; for a secured cluster only. */
    public String password(String user) {
        return Objects.requireNonNull(passwords.get(user), () -> "no principal " + user);
    }

    /**
     * The settings with which a Kafka client signs in as the principal (empty for a plaintext cluster): {@code
     * security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}, as {@code spring.kafka.properties.*} takes
     * them.
     */
    public Map<String, String> clientSettings(String user) {
        if (!secured()) {
            return Map.of();
        }
        return Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", EmbeddedKafkaBroker.scramLogin(user, password(user)));
    }

    private void format() {
        try {
            Files.createDirectories(dir);
            Path idFile = dir.resolve("cluster-id");
            if (!Files.exists(idFile)) {
                Files.writeString(idFile, Uuid.randomUuid().toString());
            }
            String clusterId = Files.readString(idFile).strip();
            Files.writeString(dir.resolve("logback.xml"), LOGBACK);
            List<String> scram = passwords.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .toList();
            for (int node = 1; node <= nodes; node++) {
                Map<String, String> config = config(node);
                EmbeddedKafkaBroker.format(logDir(node), config, clusterId, scram);
                EmbeddedKafkaBroker.writeConfig(config, nodeDir(node).resolve("server.properties"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the local Kafka cluster in " + dir, e);
        }
    }

    private Map<String, String> config(int node) {
        String voters = IntStream.rangeClosed(1, nodes)
                .mapToObj(i -> i + "@localhost:" + quorumPort(i))
                .collect(Collectors.joining(","));
        return EmbeddedKafkaBroker.nodeConfig(
                logDir(node), node, clientPort(node), voters, quorumPort(node), nodes, passwords.get(ADMIN));
    }

    /** Every node's client address, as clients take them: {@code localhost:19092,localhost:19093,...}. */
    public String bootstrapServers() {
        return IntStream.rangeClosed(1, nodes)
                .mapToObj(i -> "localhost:" + clientPort(i))
                .collect(Collectors.joining(","));
    }

    /** How many nodes the cluster has. */
    public int size() {
        return nodes;
    }

    /** Starts every node that is not running and waits until the cluster answers clients; grants the ACLs. */
    public void startAll() {
        for (int node = 1; node <= nodes; node++) {
            start(node);
        }
        awaitReady();
        if (secured()) {
            grantAcls();
        }
    }

    /** The app may do anything with its topics, groups and transactions; the reader may read a few topics only. */
    private void grantAcls() {
        List<AclBinding> acls = new ArrayList<>();
        for (ResourceType type : List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
            acls.add(allow(APP, new ResourcePattern(type, "*", PatternType.LITERAL), AclOperation.ALL));
        }
        acls.add(allow(
                APP,
                new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
                AclOperation.ALL));
        for (String topic : READER_TOPICS) {
            ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
            acls.add(allow(READER, pattern, AclOperation.READ));
            acls.add(allow(READER, pattern, AclOperation.DESCRIBE));
        }
        acls.add(allow(
                READER, new ResourcePattern(ResourceType.GROUP, READER, PatternType.PREFIXED), AclOperation.READ));
        Map<String, Object> admin = new java.util.HashMap<>(clientSettings(ADMIN));
        admin.put("bootstrap.servers", bootstrapServers());
        // Closed within a bounded time, as EmbeddedKafkaBroker's wait does: close() without one waits for every call
        // still pending, which can be forever.
        Admin client = Admin.create(admin);
        try {
            client.createAcls(acls).all().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while granting the local cluster's ACLs", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot grant the local cluster's ACLs", e);
        } finally {
            client.close(Duration.ofSeconds(5));
        }
    }

    private static AclBinding allow(String user, ResourcePattern pattern, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    /** Starts the node's JVM unless it runs; returns at once (the node joins the cluster within seconds). */
    public void start(int node) {
        if (process(node).isPresent()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=" + dir.resolve("logback.xml"),
                "-cp",
                System.getProperty("java.class.path")));
        if (System.getProperty("loader.main") != null) {
            // Run from the app's executable jar through Spring Boot's PropertiesLauncher, as the script does.
            command.add("-Dloader.main=kafka.Kafka");
            command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            command.add("kafka.Kafka");
        }
        command.add(nodeDir(node).resolve("server.properties").toString());
        try {
            // The output of every start is appended to one file: a line marks where this start's output begins, so
            // that the end of the file never passes a previous run's last words off as this one's.
            Path log = nodeDir(node).resolve("node.log");
            Files.writeString(
                    log,
                    START_MARK + node + " started at " + Instant.now() + " ===\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Files.writeString(pidFile(node), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Kafka node " + node, e);
        }
    }

    /** Stops the node as an operator would (SIGTERM, a controlled shutdown) and waits until it has stopped. */
    public void stop(int node) {
        process(node).ifPresent(process -> {
            process.destroy();
            process.onExit().join();
        });
    }

    /** Kills the node at once (SIGKILL), as a power cut or a crash would. */
    public void kill(int node) {
        process(node).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    /** Stops every node. */
    public void stopAll() {
        for (int node = 1; node <= nodes; node++) {
            stop(node);
        }
    }

    /** The node's running process, if its process id names a live JVM running this node. */
    private Optional<ProcessHandle> process(int node) {
        try {
            if (!Files.exists(pidFile(node))) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile(node)).strip());
            String settings = nodeDir(node).resolve("server.properties").toString();
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info()
                            .arguments()
                            .map(args -> List.of(args).contains(settings))
                            .orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits until every node is a live broker of the cluster; a node whose JVM ended meanwhile fails at once, with the
     * end of its output (why it stopped).
     */
    public void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            List<Integer> ended = IntStream.rangeClosed(1, nodes)
                    .filter(node -> process(node).isEmpty())
                    .boxed()
                    .toList();
            if (!ended.isEmpty()) {
                throw new IllegalStateException(
                        "Kafka node(s) " + ended + " of the local cluster in " + dir + " stopped while starting"
                                + outputs(ended),
                        last);
            }
            try {
                EmbeddedKafkaBroker.awaitBrokers(
                        bootstrapServers(), clientSettings(ADMIN), nodes, Duration.ofSeconds(10));
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        List<Integer> all = IntStream.rangeClosed(1, nodes).boxed().toList();
        throw new IllegalStateException(
                "The local Kafka cluster in " + dir + " did not become ready" + outputs(all), last);
    }

    /** The last lines each node wrote, for an error message. */
    private String outputs(List<Integer> which) {
        StringBuilder text = new StringBuilder();
        for (int node : which) {
            Path log = nodeDir(node).resolve("node.log");
            text.append("\n--- the end of ").append(log).append(":\n");
            try {
                // Decoded leniently: a malformed byte must not hide why the node stopped.
                List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                        .lines()
                        .toList();
                // The last lines, from this start's mark on if it is among them.
                int from = Math.max(0, lines.size() - OUTPUT_LINES);
                for (int i = lines.size() - 1; i > from; i--) {
                    if (lines.get(i).startsWith(START_MARK)) {
                        from = i;
                        break;
                    }
                }
                lines.subList(from, lines.size())
                        .forEach(line -> text.append(line).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                text.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return text.toString();
    }

    /**
     * A base port at which a cluster of the given size finds its client and quorum ports free on this machine, below
     * the ephemeral range, so that a node started again finds its ports free however its clients reconnected.
     */
    public static int freeBasePort(int nodes) {
        int[] offsets = IntStream.range(0, nodes)
                .flatMap(node -> IntStream.of(node, 100 + node))
                .toArray();
        return FreePort.belowEphemeralRange(offsets);
    }

    private int clientPort(int node) {
        return basePort + node - 1;
    }

    private int quorumPort(int node) {
        return basePort + 100 + node - 1;
    }

    private Path nodeDir(int node) {
        return dir.resolve("node-" + node);
    }

    private Path logDir(int node) {
        return nodeDir(node).resolve("log");
    }

    private Path pidFile(int node) {
        return nodeDir(node).resolve("pid");
    }

    /**
     * {@code start N DIR BASE_PORT} formats (once) and starts the cluster and prints its bootstrap list; {@code stop N
     * DIR BASE_PORT} stops every node, {@code stop-node I ...} and {@code start-node I ...} one node.
     */
    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: LocalKafkaCluster start|stop|start-node|stop-node NODES|NODE DIR BASE_PORT");
            System.exit(2);
        }
        String command = args[0];
        int number = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        int basePort = Integer.parseInt(args[3]);
        boolean secured = List.of(args).contains("--sasl") || Files.exists(dir.resolve("credentials.properties"));
        switch (command) {
            case "start" -> {
                LocalKafkaCluster cluster = create(dir, number, basePort, secured);
                cluster.startAll();
                System.out.println(cluster.bootstrapServers());
                if (secured) {
                    System.err.println("Clients sign in with SCRAM-SHA-512 as " + APP + " (the app) or " + READER
                            + " (read-only); the passwords are in "
                            + dir.toAbsolutePath().resolve("credentials.properties"));
                }
            }
            case "stop" -> create(dir, number, basePort, secured).stopAll();
            case "start-node", "stop-node" -> {
                LocalKafkaCluster cluster = create(dir, nodesIn(dir), basePort, secured);
                if (command.equals("start-node")) {
                    cluster.start(number);
                } else {
                    cluster.stop(number);
                }
            }
            default -> {
                System.err.println("unknown command " + command);
                System.exit(2);
            }
        }
    }

    private static int nodesIn(Path dir) {
        try (var entries = Files.list(dir)) {
            return (int) entries.filter(p -> p.getFileName().toString().startsWith("node-"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException("No local cluster in " + dir, e);
        }
    }
}

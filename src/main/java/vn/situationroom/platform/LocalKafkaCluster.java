package vn.situationroom.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

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

    private final Path dir;
    private final int nodes;
    private final int basePort;

    private LocalKafkaCluster(Path dir, int nodes, int basePort) {
        this.dir = dir.toAbsolutePath();
        this.nodes = nodes;
        this.basePort = basePort;
    }

    /** The cluster of the given size in the given folder; its nodes are formatted (once) but not started. */
    public static LocalKafkaCluster of(Path dir, int nodes, int basePort) {
        if (nodes < 1 || nodes > 9) {
            throw new IllegalArgumentException("a local cluster has 1 to 9 nodes, not " + nodes);
        }
        LocalKafkaCluster cluster = new LocalKafkaCluster(dir, nodes, basePort);
        cluster.format();
        return cluster;
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
            for (int node = 1; node <= nodes; node++) {
                Map<String, String> config = config(node);
                EmbeddedKafkaBroker.format(logDir(node), config, clusterId);
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
        return EmbeddedKafkaBroker.nodeConfig(logDir(node), node, clientPort(node), voters, quorumPort(node), nodes);
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

    /** Starts every node that is not running and waits until the cluster answers clients. */
    public void startAll() {
        for (int node = 1; node <= nodes; node++) {
            start(node);
        }
        awaitReady();
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
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            nodeDir(node).resolve("node.log").toFile()))
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

    /** Waits until every node is a live broker of the cluster. */
    public void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                EmbeddedKafkaBroker.awaitBrokers(bootstrapServers(), nodes, Duration.ofSeconds(10));
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("The local Kafka cluster in " + dir + " did not become ready", last);
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
        switch (command) {
            case "start" -> {
                LocalKafkaCluster cluster = of(dir, number, basePort);
                cluster.startAll();
                System.out.println(cluster.bootstrapServers());
            }
            case "stop" -> of(dir, number, basePort).stopAll();
            case "start-node", "stop-node" -> {
                LocalKafkaCluster cluster = of(dir, nodesIn(dir), basePort);
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

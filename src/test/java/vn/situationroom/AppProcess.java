package vn.situationroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The packaged app run as its own operating-system process, as an operator runs it, so that a test can kill it with
 * SIGKILL (a power cut) and start it again on the same data.
 */
public final class AppProcess {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final Path data;
    private final int httpPort;
    private final List<String> arguments;
    /** The jar to run (null: the one {@code ./mvnw package} left in target) and JVM options before it. */
    private final Path jar;

    private final List<String> jvmOptions;
    private Process process;
    private Path log;

    private AppProcess(Path data, int httpPort, List<String> arguments, Path jar, List<String> jvmOptions) {
        this.data = data;
        this.httpPort = httpPort;
        this.arguments = List.copyOf(arguments);
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * An app on a free HTTP port with the data directory given, no simulator, the suite's API token and the further
     * arguments given (such as the broker's or the database's address); not started yet.
     */
    public static AppProcess of(Path data, String... arguments) {
        return new AppProcess(data, freePort(), List.of(arguments), null, List.of());
    }

    /** The same app run from another copy of its jar (an extracted one), with these JVM options; not started yet. */
    public AppProcess fromJar(Path jar, String... jvmOptions) {
        return new AppProcess(data, httpPort, arguments, jar, List.of(jvmOptions));
    }

    /** The HTTP port. */
    public int port() {
        return httpPort;
    }

    /** Starts the app and waits until it answers the alerts API (its stream and live feed are up). */
    public AppProcess start() throws Exception {
        Path jar = this.jar;
        if (jar == null) {
            try (var files = Files.list(Path.of("target"))) {
                jar = files.filter(p -> p.getFileName().toString().matches("situation-room-.*\\.jar"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("package the app first: ./mvnw package"));
            }
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + httpPort,
                "--situationroom.platform.data-dir=" + data,
                "--situationroom.simulator.enabled=false",
                "--situationroom.security.initial-api-token=" + TestHttp.TOKEN));
        if (!TestClock.OFFSET.isZero()) {
            command.add("--situationroom.platform.clock-offset=" + TestClock.OFFSET); // the suite's date, set forward
        }
        command.addAll(arguments);
        Files.createDirectories(data);
        log = data.resolve("app-" + System.nanoTime() + ".log");
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (new TestHttp(httpPort).getJson("/api/v1/alerts").isArray()) {
                    return this;
                }
            } catch (IOException | RuntimeException e) {
                // not up yet
            }
            if (!process.isAlive()) {
                throw new AssertionError("The app stopped on start; its log is in " + data);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The app did not answer within " + PATIENCE + "; its log is in " + data);
    }

    /** How many lines of the app's output (since its last start) contain the text. */
    public long linesContaining(String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    /** Whether the app's process runs. */
    public boolean alive() {
        return process != null && process.isAlive();
    }

    /**
     * SIGKILL for the app and every process it started, its embedded database too, as a power cut would do. The
     * database's server is no child of the app's (it runs on by itself once started, and a restart of the app alone
     * would find it still running): it is found by the lock file it keeps in its folder.
     */
    public void kill() throws Exception {
        if (alive()) {
            List<ProcessHandle> database = new ArrayList<>();
            embeddedDatabase().ifPresent(server -> {
                database.add(server);
                database.addAll(server.descendants().toList());
            });
            killJvm();
            destroyAll(database);
            if (embeddedDatabase().isPresent()) {
                throw new AssertionError(
                        "The app's embedded database still runs after the kill; its folder is " + data);
            }
        }
    }

    /**
     * SIGKILL for the app's JVM and its children alone, as the kernel's out-of-memory killer would take it: its embedded
     * database runs on, and the app started again finds it running.
     */
    public void killJvm() throws Exception {
        if (alive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly().waitFor();
            destroyAll(children);
        }
    }

    /** SIGKILL for each process, waiting until it is gone. */
    private static void destroyAll(List<ProcessHandle> processes) throws Exception {
        for (ProcessHandle other : processes) {
            other.destroyForcibly();
            other.onExit().get();
        }
    }

    /** The embedded PostgreSQL's server process, by the first line of its lock file, if it runs. */
    private Optional<ProcessHandle> embeddedDatabase() throws IOException {
        Path lock = data.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(lock)) {
            return Optional.empty(); // the app uses a database of its own
        }
        try (var lines = Files.lines(lock)) {
            return lines.findFirst()
                    .map(String::strip)
                    .filter(pid -> pid.matches("[0-9]+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(server -> server.info()
                            .command()
                            .map(command -> command.endsWith("postgres"))
                            .orElse(false));
        }
    }

    /** A free port on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package vn.situationroom.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/** Picks a free loopback port for an embedded service configured with port 0. */
final class FreePort {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default first ephemeral port, when the kernel does not say. */
    private static final int EPHEMERAL_LOW = 32_768;

    private static final int LOWEST = 10_000;

    private FreePort() {}

    /**
     * A base port below the kernel's ephemeral range at which every {@code base + offset} is free on the loopback
     * interface. For a service that is stopped and started again on its port while its clients keep reconnecting: a
     * port in the ephemeral range may meanwhile be the source port of a client's outgoing connection (to it, even: a
     * connection to a closed port of this machine whose source port is that port connects to itself), and the
     * service then cannot bind its port when it starts again.
     */
    static int belowEphemeralRange(int... offsets) {
        int span = IntStream.of(offsets).max().orElse(0) + 1;
        int top = ephemeralLow() - span;
        if (top <= LOWEST) {
            throw new IllegalStateException("No ports below the ephemeral range (from " + ephemeralLow() + ")");
        }
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = LOWEST + random.nextInt(top - LOWEST);
            if (IntStream.of(offsets).allMatch(offset -> free(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException(
                "No free ports below the ephemeral range for offsets " + Arrays.toString(offsets));
    }

    static int ephemeralLow() {
        // Read line by line: Files.readString reads a /proc file's first byte only (its size says 0).
        try (var reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            return Integer.parseInt(reader.readLine().strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return EPHEMERAL_LOW;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int orFree(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }
}

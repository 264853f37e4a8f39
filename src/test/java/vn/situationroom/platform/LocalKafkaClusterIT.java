package vn.situationroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The local cluster an operator starts with {@code tools/kafka-cluster} (and the fault tests use): its ports stay
 * clear of the ports the kernel hands to outgoing connections, and a node that cannot start says why at once.
 */
class LocalKafkaClusterIT {

    private Path dir;
    private LocalKafkaCluster kafka;

    @AfterEach
    void stop() throws Exception {
        if (kafka != null) {
            for (int node = 1; node <= kafka.size(); node++) {
                kafka.kill(node);
            }
        }
        if (dir != null) {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    @Test
    void the_clusters_ports_lie_below_the_ephemeral_range_so_that_a_node_started_again_finds_them_free() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int base = LocalKafkaCluster.freeBasePort(3);
            assertThat(base + 102)
                    .as("the highest quorum port of a cluster of three at %d", base)
                    .isLessThan(FreePort.ephemeralLow());
        }
    }

    @Test
    void a_node_that_cannot_bind_its_port_fails_the_start_at_once_with_its_own_words() throws Exception {
        dir = Files.createTempDirectory("local-cluster-");
        int base = LocalKafkaCluster.freeBasePort(1);
        kafka = LocalKafkaCluster.of(dir.resolve("kafka"), 1, base);
        long started = System.nanoTime();
        try (ServerSocket taken = new ServerSocket(base, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(kafka::startAll)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Kafka node(s) [1]")
                    .hasMessageContaining("stopped while starting")
                    .hasMessageContaining("node.log")
                    .hasMessageContaining("Address already in use");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("how long the operator waited to learn it")
                .isLessThan(Duration.ofSeconds(60));
    }
}

package vn.situationroom.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL server run as a child process of the app, its cluster kept in a folder between runs. */
public final class EmbeddedPostgresDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresDatabase.class);
    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Creates the cluster on first start (initdb), otherwise reuses it; durable (fsync, synchronous commits). */
    public static EmbeddedPostgresDatabase start(Path clusterDir, int port) {
        return start(clusterDir, port, true);
    }

    /**
     * Creates the cluster on first start (initdb), otherwise reuses it.
     *
     * @param durable whether every commit is on disk before it is answered (fsync, synchronous commits); only a
     *     throwaway database (a test's, deleted on exit) is started without
     */
    public static EmbeddedPostgresDatabase start(Path clusterDir, int port, boolean durable) {
        try {
            String onOff = durable ? "on" : "off";
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDir)
                    .setCleanDataDirectory(false)
                    .setPort(FreePort.orFree(port))
                    .setServerConfig("timezone", "UTC")
                    // The library starts the server with fsync off (-F) and synchronous_commit off, for tests: a power
                    // cut could then corrupt the history, the cases, the roster and the audit log, and lose
                    // transactions whose Kafka offsets the sinks already committed. The product's database is durable.
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .start();
            log.info(
                    "Embedded PostgreSQL ready on port {}, cluster in {}{}",
                    postgres.getPort(),
                    clusterDir,
                    durable ? "" : " (not durable: a throwaway database)");
            return new EmbeddedPostgresDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + clusterDir, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

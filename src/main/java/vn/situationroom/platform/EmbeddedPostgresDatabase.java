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

    /** Creates the cluster on first start (initdb), otherwise reuses it. */
    public static EmbeddedPostgresDatabase start(Path clusterDir, int port) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDir)
                    .setCleanDataDirectory(false)
                    .setPort(FreePort.orFree(port))
                    .setServerConfig("timezone", "UTC")
                    .start();
            log.info("Embedded PostgreSQL ready on port {}, cluster in {}", postgres.getPort(), clusterDir);
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

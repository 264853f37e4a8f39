package vn.situationroom.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL server run as a child process of the app, its cluster kept in a folder between runs. */
public final class EmbeddedPostgresDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresDatabase.class);
    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    /** The superuser's password, kept in the cluster's folder (readable by the app's user only). */
    private static final String PASSWORD_FILE = "situationroom-password";

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedPostgresDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
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
            Path passwordFile = clusterDir.resolve(PASSWORD_FILE);
            String password =
                    Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : newPassword();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setConnectConfig("password", password)
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
            requirePassword(postgres, clusterDir, passwordFile, password);
            return new EmbeddedPostgresDatabase(postgres, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + clusterDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the embedded PostgreSQL's password in " + clusterDir, e);
        }
    }

    /**
     * The library makes the cluster with trust authentication: anyone on the machine could connect as the superuser.
     * On the first start (and on a cluster of an older run) the superuser gets a password of its own, kept beside the
     * cluster, and every connection must give it (scram-sha-256).
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path clusterDir, Path passwordFile, String password)
            throws IOException, SQLException {
        if (!Files.exists(passwordFile)) {
            Files.writeString(passwordFile, password);
            try {
                Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // The cluster's folder is the owner's alone already.
            }
        }
        Path hba = clusterDir.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba);
        if (lines.stream().noneMatch(EmbeddedPostgresDatabase::trusts)) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // The password is made of [A-Za-z0-9_-] only (see newPassword).
            statement.execute("ALTER USER " + USER + " PASSWORD '" + password + "'");
            Files.write(
                    hba,
                    lines.stream()
                            .map(line -> trusts(line) ? line.replaceFirst("trust\\s*$", "scram-sha-256") : line)
                            .toList());
            statement.execute("SELECT pg_reload_conf()");
        }
        log.info("Embedded PostgreSQL: the superuser signs in with a password now ({})", passwordFile);
    }

    private static boolean trusts(String line) {
        return !line.strip().startsWith("#") && line.strip().endsWith("trust");
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The superuser's password. */
    public String password() {
        return password;
    }

    /** The database's address, without the password (see {@link #password()}); the user is in it. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

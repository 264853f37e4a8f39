package vn.situationroom.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.util.FileSystemUtils;

/** The root folder of everything the app keeps on local disk: broker log, database cluster, stream state. */
public final class DataDirectory implements AutoCloseable {

    private final Path root;
    private final boolean deleteOnClose;

    private DataDirectory(Path root, boolean deleteOnClose) {
        this.root = root;
        this.deleteOnClose = deleteOnClose;
    }

    /** The configured folder, created if missing, or a fresh temporary one when the run is ephemeral. */
    public static DataDirectory of(PlatformProperties properties) {
        try {
            if (properties.ephemeral()) {
                return new DataDirectory(Files.createTempDirectory("situation-room-"), true);
            }
            return new DataDirectory(
                    Files.createDirectories(
                            properties.dataDir().toAbsolutePath().normalize()),
                    false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + properties.dataDir(), e);
        }
    }

    /** A sub-folder for one part, created if missing. */
    public Path resolve(String part) {
        try {
            return Files.createDirectories(root.resolve(part));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + root.resolve(part), e);
        }
    }

    /**
     * A secret kept in {@code secrets/<name>}: read when it exists, otherwise generated once from a strong random
     * source and written readable by the owner only, so that it survives restarts.
     */
    public byte[] secret(String name, int bytes) {
        Path file = resolve("secrets").resolve(name);
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file).strip());
            }
            byte[] secret = new byte[bytes];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, HexFormat.of().formatHex(secret));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions apply
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the secret " + file, e);
        }
    }

    /**
     * The id of this app instance, kept in {@code instance-id} so that a restarted instance is the same one: a
     * transactional producer that restarts under its old id fences off, and aborts at once, what its previous run
     * left open.
     */
    public String instanceId() {
        Path file = root.resolve("instance-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String id = UUID.randomUUID().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (deleteOnClose) {
            FileSystemUtils.deleteRecursively(root);
        }
    }
}

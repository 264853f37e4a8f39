package vn.situationroom.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            return new DataDirectory(Files.createDirectories(properties.dataDir().toAbsolutePath().normalize()), false);
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

    @Override
    public void close() throws IOException {
        if (deleteOnClose) {
            FileSystemUtils.deleteRecursively(root);
        }
    }
}

package vn.situationroom.hotspot;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;
import vn.situationroom.hotspot.CommuneIndicators.WindowSize;

/**
 * A commune's window in the analytics' window store. Its key is the size, then the start, then the commune, so that
 * the windows that close in a span of time, and the windows past the store's retention, are each one range of keys.
 */
final class WindowKey {

    private static final WindowSize[] SIZES = WindowSize.values();

    private final WindowSize size;
    private final long start;
    private final String commune;
    private final Bytes bytes;

    /**
     * @param size hour or day
     * @param start the window's start (epoch ms)
     * @param commune the commune's code
     */
    WindowKey(WindowSize size, long start, String commune) {
        this(size, start, commune, null);
    }

    private WindowKey(WindowSize size, long start, String commune, Bytes bytes) {
        this.size = size;
        this.start = start;
        this.commune = commune;
        if (bytes == null) {
            byte[] code = commune.getBytes(StandardCharsets.UTF_8);
            bytes = Bytes.wrap(ByteBuffer.allocate(9 + code.length)
                    .put((byte) size.ordinal())
                    .putLong(start)
                    .put(code)
                    .array());
        }
        this.bytes = bytes;
    }

    WindowSize size() {
        return size;
    }

    long start() {
        return start;
    }

    String commune() {
        return commune;
    }

    /** The key in the store. */
    Bytes bytes() {
        return bytes;
    }

    /** The lowest key of the windows of a size that start at {@code start} or later. */
    static Bytes from(WindowSize size, long start) {
        return Bytes.wrap(ByteBuffer.allocate(9)
                .put((byte) size.ordinal())
                .putLong(Math.max(0, start))
                .array());
    }

    static WindowKey of(Bytes key) {
        byte[] raw = key.get();
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        return new WindowKey(
                SIZES[buffer.get()],
                buffer.getLong(),
                new String(Arrays.copyOfRange(raw, 9, raw.length), StandardCharsets.UTF_8),
                key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WindowKey that && bytes.equals(that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(bytes);
    }

    @Override
    public String toString() {
        return commune + "/" + size + "/" + start;
    }
}

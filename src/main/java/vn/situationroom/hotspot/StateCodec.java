package vn.situationroom.hotspot;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The compact binary form of the analytics' hot state: unsigned and zig-zag variable-length integers, so that the
 * small counts a commune has take a byte or two each. A writer grows as it is written; a reader checks every read
 * against the end, so that a damaged value fails with a clear message instead of giving wrong counts.
 */
final class StateCodec {

    private StateCodec() {}

    /** Writes values into a growing byte array. */
    static final class Writer {

        private byte[] bytes;
        private int size;

        Writer(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        Writer varint(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("not an unsigned count: " + value);
            }
            return unsigned(value);
        }

        /** A signed value: zig-zag encoded, so that small negative differences stay small. */
        Writer signed(long value) {
            return unsigned((value << 1) ^ (value >> 63));
        }

        /** The 64 bits of a value as an unsigned number. */
        private Writer unsigned(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
            return this;
        }

        Writer fixedLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
            return this;
        }

        Writer raw(byte[] value) {
            ensure(value.length);
            System.arraycopy(value, 0, bytes, size, value.length);
            size += value.length;
            return this;
        }

        Writer text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            return varint(utf8.length).raw(utf8);
        }

        byte[] toBytes() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** Reads values back in the order they were written. */
    static final class Reader {

        private final byte[] bytes;
        private final String what;
        private int position;

        Reader(byte[] bytes, String what) {
            this.bytes = bytes;
            this.what = what;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw damaged("a variable-length integer runs over 10 bytes");
        }

        int varintInt() {
            long value = varint();
            if (value > Integer.MAX_VALUE) {
                throw damaged("a length of " + value);
            }
            return (int) value;
        }

        long signed() {
            long raw = varint();
            return (raw >>> 1) ^ -(raw & 1);
        }

        long fixedLong() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (next() & 0xFF);
            }
            return value;
        }

        String text() {
            int length = varintInt();
            if (position + length > bytes.length) {
                throw damaged("a text of " + length + " bytes runs past the end");
            }
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        boolean atEnd() {
            return position == bytes.length;
        }

        SerializationException damaged(String detail) {
            return new SerializationException(
                    "A damaged " + what + " in the analytics' state (" + bytes.length + " bytes): " + detail);
        }

        private byte next() {
            if (position >= bytes.length) {
                throw damaged("it ends early");
            }
            return bytes[position++];
        }
    }
}

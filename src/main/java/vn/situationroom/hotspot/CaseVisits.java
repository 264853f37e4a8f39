package vn.situationroom.hotspot;

import java.util.Arrays;

/**
 * The visits of one case, as the times (epoch seconds) they happened, oldest first: what the repeat rule counts, and
 * what tells in which windows the case came back. Kept in its own store, one entry per case, for the analytics'
 * revision horizon; bounded to the {@value #MAX_KEPT} latest visits, far more than any rule looks at.
 */
final class CaseVisits {

    /** The most visits kept of one case: a case seen this often within the repeat span is long a repeat. */
    static final int MAX_KEPT = 512;

    private long[] seconds;
    private int size;

    CaseVisits() {
        this(new long[4], 0);
    }

    private CaseVisits(long[] seconds, int size) {
        this.seconds = seconds;
        this.size = size;
    }

    /** Adds a visit and returns the visits in the span that ends with it, this one included. */
    int add(long second, long spanSeconds) {
        int at = upperBound(second);
        if (size == seconds.length) {
            seconds = Arrays.copyOf(seconds, size * 2);
        }
        System.arraycopy(seconds, at, seconds, at + 1, size - at);
        seconds[at] = second;
        size++;
        int within = at + 1 - upperBound(second - spanSeconds);
        if (size > MAX_KEPT) {
            forget(size - MAX_KEPT);
        }
        return within;
    }

    /**
     * Whether the case came back in the window {@code [start, end)} (epoch seconds): one of its visits there had
     * another visit of it within the span before it (or at the same second).
     */
    boolean cameBackIn(long start, long end, long spanSeconds) {
        for (int i = Math.max(1, lowerBound(start)); i < size && seconds[i] < end; i++) {
            if (seconds[i - 1] > seconds[i] - spanSeconds) {
                return true;
            }
        }
        return false;
    }

    /** The visits after {@code second} and before {@code until}, oldest first. */
    long[] between(long second, long until) {
        int from = upperBound(second);
        int to = lowerBound(until);
        return from >= to ? new long[0] : Arrays.copyOfRange(seconds, from, to);
    }

    /** Forgets the visits before {@code second}. */
    void forgetBefore(long second) {
        forget(lowerBound(second));
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    private void forget(int count) {
        System.arraycopy(seconds, count, seconds, 0, size - count);
        size -= count;
    }

    /** The index of the first visit at or after {@code second}. */
    private int lowerBound(long second) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (seconds[mid] < second) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The index of the first visit after {@code second}. */
    private int upperBound(long second) {
        return lowerBound(second + 1);
    }

    byte[] encode() {
        StateCodec.Writer out = new StateCodec.Writer(4 + size * 3).varint(size);
        long previous = 0;
        for (int i = 0; i < size; i++) {
            out.signed(seconds[i] - previous);
            previous = seconds[i];
        }
        return out.toBytes();
    }

    static CaseVisits decode(byte[] bytes) {
        StateCodec.Reader in = new StateCodec.Reader(bytes, "case's visits");
        int size = in.varintInt();
        if (size > MAX_KEPT) {
            throw in.damaged(size + " visits");
        }
        long[] seconds = new long[Math.max(4, size + 1)];
        long previous = 0;
        for (int i = 0; i < size; i++) {
            previous += in.signed();
            seconds[i] = previous;
        }
        return new CaseVisits(seconds, size);
    }
}

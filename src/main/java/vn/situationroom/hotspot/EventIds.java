package vn.situationroom.hotspot;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The event ids a stream task has counted, each with when it arrived: a client that retries, or the same event sent
 * through two channels, must not count twice. Kept, in a changelogged store that survives restarts, for the repeat
 * horizon after the id arrived; older ids are forgotten a bounded number at a time.
 */
final class EventIds {

    private static final int SWEEP_LIMIT = 20_000;

    private final KeyValueStore<Bytes, Long> seen;
    private final long horizonMillis;
    private Bytes sweptTo;

    EventIds(KeyValueStore<Bytes, Long> seen, long horizonMillis) {
        this.seen = seen;
        this.horizonMillis = horizonMillis;
    }

    /** Whether the id comes for the first time; it is remembered from now on. */
    boolean firstTime(UUID id, long now) {
        Bytes key = Bytes.wrap(ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array());
        if (seen.get(key) != null) {
            return false;
        }
        seen.put(key, now);
        return true;
    }

    /** Forgets, a bounded number at a time, the ids that arrived more than the horizon before {@code now}. */
    void forgetOld(long now) {
        List<KeyValue<Bytes, Long>> old = new ArrayList<>();
        try (KeyValueIterator<Bytes, Long> some = seen.range(sweptTo, null)) {
            int looked = 0;
            sweptTo = null;
            while (some.hasNext()) {
                KeyValue<Bytes, Long> entry = some.next();
                if (++looked > SWEEP_LIMIT) {
                    sweptTo = entry.key;
                    break;
                }
                if (entry.value < now - horizonMillis) {
                    old.add(KeyValue.pair(entry.key, null));
                }
            }
        }
        seen.putAll(old);
    }
}

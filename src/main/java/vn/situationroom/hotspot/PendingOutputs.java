package vn.situationroom.hotspot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What the analytics still owe their output topics: the windows, alerts and communes whose state changed since they
 * were last written. Many events of a commune between two publications make one record per window and one hotspot,
 * written from the state as it is then. The marks are kept in a changelogged store too: a crash after the state was
 * committed and before its outputs were written leaves them marked, and they are written after the restart.
 */
final class PendingOutputs {

    /** What a mark stands for. */
    enum Kind {
        WINDOW,
        ALERT,
        HOTSPOT
    }

    /**
     * A pending output: its kind and what identifies it.
     *
     * @param window the window, for a window
     * @param name the alert's key in its store, or the commune
     */
    record Pending(Kind kind, WindowKey window, String name) {}

    private static final byte[] MARK = new byte[0];
    private static final Kind[] KINDS = Kind.values();

    private final KeyValueStore<Bytes, byte[]> store;
    /** Each pending output (a window, or an alert's or commune's name with its kind) and its key in the store. */
    private final Map<Object, Bytes> marked = new LinkedHashMap<>();

    PendingOutputs(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> {
                byte[] key = entry.key.get();
                Kind kind = KINDS[key[0]];
                byte[] id = Arrays.copyOfRange(key, 1, key.length);
                marked.put(
                        kind == Kind.WINDOW
                                ? WindowKey.of(Bytes.wrap(id))
                                : new Named(kind, new String(id, StandardCharsets.UTF_8)),
                        entry.key);
            });
        }
    }

    /** An alert or a commune, with the kind of its output. */
    private record Named(Kind kind, String name) {}

    void window(WindowKey key) {
        if (!marked.containsKey(key)) {
            mark(key, Kind.WINDOW, key.bytes().get());
        }
    }

    void alert(String alertKey) {
        mark(new Named(Kind.ALERT, alertKey));
    }

    void hotspot(String commune) {
        mark(new Named(Kind.HOTSPOT, commune));
    }

    boolean isEmpty() {
        return marked.isEmpty();
    }

    /** Every pending output in the order it was first marked; each is forgotten as it is handed out. */
    List<Pending> drain() {
        List<Pending> pending = new ArrayList<>(marked.size());
        List<KeyValue<Bytes, byte[]>> done = new ArrayList<>(marked.size());
        marked.forEach((output, key) -> {
            pending.add(
                    output instanceof WindowKey window
                            ? new Pending(Kind.WINDOW, window, null)
                            : new Pending(((Named) output).kind(), null, ((Named) output).name()));
            done.add(KeyValue.pair(key, null));
        });
        marked.clear();
        store.putAll(done);
        return pending;
    }

    private void mark(Named named) {
        if (!marked.containsKey(named)) {
            mark(named, named.kind(), named.name().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void mark(Object output, Kind kind, byte[] id) {
        byte[] key = new byte[id.length + 1];
        key[0] = (byte) kind.ordinal();
        System.arraycopy(id, 0, key, 1, id.length);
        Bytes bytes = Bytes.wrap(key);
        marked.put(output, bytes);
        store.put(bytes, MARK);
    }
}

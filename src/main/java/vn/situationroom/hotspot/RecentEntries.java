package vn.situationroom.hotspot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used entries of a state store, as objects, in front of it: the store stays the truth (every change
 * is written to it, and so to its changelog, at once), but an entry read again and again is decoded once. Bounded:
 * the least recently used entry is dropped when it is full.
 */
final class RecentEntries<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    RecentEntries(int capacity) {
        super(Math.min(capacity, 1024), 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}

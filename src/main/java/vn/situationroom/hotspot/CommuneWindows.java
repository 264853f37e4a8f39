package vn.situationroom.hotspot;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.situationroom.hotspot.CommuneIndicators.WindowSize;

/**
 * The hour and day windows of the communes of one stream task, each its own store entry with its counts. A window is
 * open until its end plus the grace has passed, then closed: its final counts are written once when it closes, and
 * again, still final, whenever a late event revises it. Windows are kept for the revision horizon, so that an event
 * however late (a backlog, an import of last week's reception book, a replay) is counted in its own windows.
 */
final class CommuneWindows {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final WindowSize[] SIZES = WindowSize.values();

    private final KeyValueStore<Bytes, byte[]> store;
    /** For each size, the start before which every window was written final by a close (epoch ms). */
    private final KeyValueStore<String, Long> closedBefore;

    private final ZoneId zone;
    private final long grace;
    private final RecentEntries<Bytes, WindowCounts> recent = new RecentEntries<>(20_000);
    /** The local day last asked for: its start and end (epoch ms). */
    private long dayStart = Long.MAX_VALUE;

    private long dayEnd = Long.MIN_VALUE;
    private long day;

    CommuneWindows(
            KeyValueStore<Bytes, byte[]> store, KeyValueStore<String, Long> closedBefore, ZoneId zone, Duration grace) {
        this.store = store;
        this.closedBefore = closedBefore;
        this.zone = zone;
        this.grace = grace.toMillis();
    }

    /** The window of a size that holds an instant (epoch ms). */
    WindowKey keyOf(WindowSize size, long at, String commune) {
        return new WindowKey(size, size == WindowSize.HOUR ? Math.floorDiv(at, HOUR) * HOUR : dayOf(at), commune);
    }

    /** The end (exclusive, epoch ms) of a window: an hour, or a day of the country's calendar. */
    long endOf(WindowKey key) {
        if (key.size() == WindowSize.HOUR) {
            return key.start() + HOUR;
        }
        dayOf(key.start());
        return dayEnd;
    }

    /**
     * The start of the local day that holds an instant. Events mostly come in the order they happened, so the last
     * day asked for is remembered: the time zone's rules are consulted once a day, not once an event.
     */
    private long dayOf(long at) {
        if (at < dayStart || at >= dayEnd) {
            var local = Instant.ofEpochMilli(at).atZone(zone).toLocalDate();
            day = local.toEpochDay();
            dayStart = local.atStartOfDay(zone).toInstant().toEpochMilli();
            dayEnd = local.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        return dayStart;
    }

    /**
     * A window's counts, to change and {@link #put} back; empty for a window with no event yet. The windows in use are
     * kept decoded: the hour and day of a busy commune are changed by every one of its events.
     */
    WindowCounts get(WindowKey key) {
        WindowCounts counts = recent.get(key.bytes());
        if (counts == null) {
            byte[] bytes = store.get(key.bytes());
            counts = bytes == null ? WindowCounts.empty() : WindowCounts.decode(bytes);
            recent.put(key.bytes(), counts);
        }
        return counts;
    }

    /** A window's counts as stored, without keeping them decoded: for a look at many windows once. */
    WindowCounts peek(WindowKey key) {
        WindowCounts counts = recent.get(key.bytes());
        if (counts != null) {
            return counts;
        }
        byte[] bytes = store.get(key.bytes());
        return bytes == null ? WindowCounts.empty() : WindowCounts.decode(bytes);
    }

    /** The local day (epoch day) that holds an instant. */
    long localDay(long at) {
        dayOf(at);
        return day;
    }

    void put(WindowKey key, WindowCounts counts) {
        recent.put(key.bytes(), counts);
        store.put(key.bytes(), counts.encode());
    }

    /** Whether a window is closed at {@code now}: its end plus the grace has passed. */
    boolean isClosed(WindowKey key, long now) {
        return key.start() < closedBound(key.size(), now);
    }

    /** The record of a window for {@code commune-indicators}, final if it is closed at {@code now}. */
    CommuneIndicators record(WindowKey key, WindowCounts counts, long now) {
        return new CommuneIndicators(
                key.commune(),
                key.size(),
                Instant.ofEpochMilli(key.start()),
                Instant.ofEpochMilli(endOf(key)),
                isClosed(key, now),
                counts.indicators());
    }

    /**
     * The final records of the windows that closed since the last call: every window whose end plus the grace lies at
     * or before {@code now}, and after the previous {@code now}. On the first call ever, the windows that had closed by
     * {@code firstStart} (when the analytics first started) need none: none of them was written open before.
     */
    List<CommuneIndicators> close(long now, long firstStart) {
        List<CommuneIndicators> closed = new ArrayList<>();
        for (WindowSize size : SIZES) {
            long bound = closedBound(size, now);
            Long before = closedBefore.get(size.name());
            long from = before == null ? closedBound(size, firstStart) : before;
            if (bound <= from) {
                continue;
            }
            try (KeyValueIterator<Bytes, byte[]> windows =
                    store.range(WindowKey.from(size, from), WindowKey.from(size, bound))) {
                windows.forEachRemaining(entry -> {
                    WindowKey key = WindowKey.of(entry.key);
                    if (key.start() < bound) {
                        closed.add(record(key, WindowCounts.decode(entry.value), now));
                    }
                });
            }
            closedBefore.put(size.name(), bound);
        }
        return closed;
    }

    /** Forgets at most {@code limit} windows that start before {@code cutoff}; returns how many. */
    int forgetBefore(long cutoff, int limit) {
        List<KeyValue<Bytes, byte[]>> gone = new ArrayList<>();
        for (WindowSize size : SIZES) {
            try (KeyValueIterator<Bytes, byte[]> old =
                    store.range(WindowKey.from(size, 0), WindowKey.from(size, cutoff))) {
                while (old.hasNext() && gone.size() < limit) {
                    KeyValue<Bytes, byte[]> entry = old.next();
                    if (WindowKey.of(entry.key).start() < cutoff) {
                        gone.add(KeyValue.pair(entry.key, null));
                    }
                }
            }
        }
        gone.forEach(entry -> recent.remove(entry.key));
        store.putAll(gone);
        return gone.size();
    }

    /** The start before which windows of a size are closed at {@code now}. */
    private long closedBound(WindowSize size, long now) {
        return keyOf(size, now - grace, "").start();
    }
}

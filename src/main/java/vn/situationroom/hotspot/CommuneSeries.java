package vn.situationroom.hotspot;

/**
 * What the statistics of one commune read, of fixed size: its visits and petitions per local day over the detectors'
 * days, and per hour over the hourly surge's days, each a ring that moves forward with time, and the first day it was
 * watched. It is a copy, kept in memory, of what its day and hour windows hold: built from them when first needed and
 * changed with them. Events older than a ring still count in their windows; the detectors never look back that far.
 */
final class CommuneSeries {

    /** The first day of a commune that has seen no event yet. */
    static final long NEVER = Long.MAX_VALUE;

    /** The first local day (epoch day) of an event of the commune: the detectors need known days, not zeros. */
    private long sinceDay = NEVER;
    /** Bumped on every change, so that the statistics are evaluated again only when their input changed. */
    private long version;

    private long firstDay;
    private final long[] daily;
    private long firstHour;
    private final long[] hourly;

    CommuneSeries(int days, int hours, long sinceDay) {
        daily = new long[days];
        hourly = new long[hours];
        this.sinceDay = sinceDay;
    }

    /** One more visit or petition on a local day, in an hour (epoch hour). */
    void count(long day, long hour) {
        version++;
        add(day, true, 1, false);
        add(hour, false, 1, false);
    }

    /** Notes an event of any type on a day; whether it is the commune's first day so far. */
    boolean watched(long day) {
        if (day < sinceDay) {
            sinceDay = day;
            version++;
            return true;
        }
        return false;
    }

    /** Sets the count of a local day (epoch day) or an hour (epoch hour), as its window holds it. */
    void set(long slot, long count, boolean day) {
        add(slot, day, count, true);
    }

    long version() {
        return version;
    }

    /** How many of the days up to {@code today} are known, at most the length of the series. */
    int knownDays(long today) {
        return sinceDay > today ? 0 : (int) Math.min(daily.length, today - sinceDay + 1);
    }

    /** The counts of the days ending with {@code today}, oldest first; zeros where nothing was counted. */
    double[] daysUntil(long today) {
        double[] series = new double[daily.length];
        for (int i = 0; i < series.length; i++) {
            series[i] = countOf(today - series.length + 1 + i, true);
        }
        return series;
    }

    /** The count of one hour (epoch hour); zero when it lies outside the ring. */
    long hour(long hour) {
        return countOf(hour, false);
    }

    private long countOf(long slot, boolean day) {
        long first = day ? firstDay : firstHour;
        long[] ring = day ? daily : hourly;
        if (slot < first || slot >= first + ring.length) {
            return 0;
        }
        return ring[(int) Math.floorMod(slot, (long) ring.length)];
    }

    private void add(long slot, boolean day, long count, boolean replace) {
        long[] ring = day ? daily : hourly;
        long first = day ? firstDay : firstHour;
        if (slot >= first + ring.length) {
            long newFirst = slot - ring.length + 1;
            // Clears the slots that the ring moves past, oldest first.
            for (long s = first; s < Math.min(newFirst, first + ring.length); s++) {
                ring[(int) Math.floorMod(s, (long) ring.length)] = 0;
            }
            first = newFirst;
            if (day) {
                firstDay = first;
            } else {
                firstHour = first;
            }
        }
        if (slot >= first) {
            int index = (int) Math.floorMod(slot, (long) ring.length);
            ring[index] = replace ? count : ring[index] + count;
        }
    }
}

package vn.situationroom;

import java.util.concurrent.atomic.AtomicInteger;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;

/**
 * Hands each integration test communes no other test uses. The tests of one run share one broker and so one set of
 * hourly windows; a commune of its own keeps a test's counts its own.
 */
public final class TestCommunes {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestCommunes() {}

    /** A commune no test of this run had before. */
    public static Commune fresh(Region region) {
        int index = NEXT.getAndIncrement();
        if (index >= region.communes().size()) {
            throw new IllegalStateException(
                    "The tests used all " + region.communes().size() + " communes of the "
                            + "test region; use a larger region in application-it.properties");
        }
        return region.communes().get(index);
    }
}

package vn.situationroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.region.RegionGeometry;

/**
 * Hands each integration test communes no other test uses. The tests of one run share one broker and so one set of
 * hourly windows; a commune of its own keeps a test's counts its own.
 */
public final class TestCommunes {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestCommunes() {}

    /** Communes handed out as neighbours, from the end of the region's list; {@link #fresh} does not hand them. */
    private static final Set<String> NEIGHBOURS = ConcurrentHashMap.newKeySet();

    /** A commune no test of this run had before. */
    public static synchronized Commune fresh(Region region) {
        while (true) {
            int index = NEXT.getAndIncrement();
            if (index >= region.communes().size()) {
                throw new IllegalStateException(
                        "The tests used all " + region.communes().size() + " communes of the "
                                + "test region; use a larger region in application-it.properties");
            }
            Commune commune = region.communes().get(index);
            if (!NEIGHBOURS.contains(commune.code())) {
                return commune;
            }
        }
    }

    /**
     * A commune and every commune bordering it that no test of this run had before, at least {@code more} of them,
     * taken from the end of the region's list (where {@link #fresh} arrives last); the commune first.
     */
    public static synchronized List<Commune> freshNeighbours(Region region, RegionGeometry geometry, int more) {
        List<Commune> communes = region.communes();
        for (int i = communes.size() - 1; i >= NEXT.get(); i--) {
            Commune centre = communes.get(i);
            if (NEIGHBOURS.contains(centre.code())) {
                continue;
            }
            List<Commune> free = geometry.bordering(centre.code()).stream()
                    .map(code -> region.commune(code).orElseThrow())
                    .filter(c -> communes.indexOf(c) >= NEXT.get() && !NEIGHBOURS.contains(c.code()))
                    .toList();
            if (free.size() >= more) {
                List<Commune> taken = new ArrayList<>(List.of(centre));
                taken.addAll(free);
                taken.forEach(c -> NEIGHBOURS.add(c.code()));
                return taken;
            }
        }
        throw new IllegalStateException("No commune with " + more + " free neighbours is left in the test region");
    }
}

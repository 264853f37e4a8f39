package vn.situationroom.region;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The communes the situation room watches, with their shapes as the GeoJSON they were loaded from. */
public final class Region {

    /** The code that stands for the district as a whole, where something concerns no one commune. */
    public static final String DISTRICT = "DISTRICT";

    private final String name;
    private final Map<String, Commune> communesByCode;
    private final String geoJson;

    Region(String name, List<Commune> communes, String geoJson) {
        this.name = name;
        this.communesByCode = new LinkedHashMap<>();
        communes.forEach(commune -> communesByCode.put(commune.code(), commune));
        this.geoJson = geoJson;
    }

    /** The region's name, such as the district's. */
    public String name() {
        return name;
    }

    /** Every commune, in the order of the GeoJSON file. */
    public List<Commune> communes() {
        return List.copyOf(communesByCode.values());
    }

    public Set<String> codes() {
        return Set.copyOf(communesByCode.keySet());
    }

    public Optional<Commune> commune(String code) {
        return Optional.ofNullable(communesByCode.get(code));
    }

    public boolean contains(String code) {
        return communesByCode.containsKey(code);
    }

    /** The full name of a commune, the region's name for {@link #DISTRICT}, or the code itself if it is unknown. */
    public String placeName(String code) {
        return DISTRICT.equals(code)
                ? name
                : commune(code).map(Commune::fullName).orElse(code);
    }

    /** The short name of a commune, the region's name for {@link #DISTRICT}, or the code itself if it is unknown. */
    public String shortName(String code) {
        return DISTRICT.equals(code) ? name : commune(code).map(Commune::name).orElse(code);
    }

    /** The FeatureCollection with every commune's polygon and properties, for the map. */
    public String geoJson() {
        return geoJson;
    }
}

package vn.situationroom.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.situationroom.platform.Json;

/**
 * The communes the situation room watches, with their shapes as the GeoJSON they were loaded from, and the units above
 * them (provinces, former districts) where the file names them.
 */
public final class Region {

    /** The code that stands for the district as a whole, where something concerns no one commune. */
    public static final String DISTRICT = "DISTRICT";

    /** Where the signed-in screens' maps fetch the region's shapes ({@code ?unit=<code>} for one unit's). */
    public static final String SHAPES_PATH = "region-shapes";

    private final String name;
    private final Map<String, Commune> communesByCode;
    private final String geoJson;
    private final Map<String, Unit> units;
    private final Map<String, List<Unit>> children;
    private final List<Unit> top;
    private final Map<String, String> unitGeoJson = new ConcurrentHashMap<>();

    /** @param parents the units above the communes, each listed before the units it holds */
    Region(
            String name,
            List<Commune> communes,
            Map<String, String> parentOfCommune,
            List<Unit> parents,
            String geoJson) {
        this.name = name;
        this.communesByCode = new LinkedHashMap<>();
        communes.forEach(commune -> communesByCode.put(commune.code(), commune));
        this.geoJson = geoJson;
        this.units = new LinkedHashMap<>();
        parents.forEach(unit -> units.put(unit.code(), unit));
        communes.forEach(commune -> units.put(
                commune.code(),
                new Unit(
                        commune.code(),
                        commune.fullName(),
                        Unit.Kind.COMMUNE,
                        parentOfCommune.get(commune.code()),
                        List.of(commune.code()))));
        this.children = new LinkedHashMap<>();
        List<Unit> roots = new ArrayList<>();
        for (Unit unit : units.values()) {
            if (unit.parentCode() == null) {
                roots.add(unit);
            } else {
                children.computeIfAbsent(unit.parentCode(), code -> new ArrayList<>())
                        .add(unit);
            }
        }
        this.top = List.copyOf(roots);
    }

    /** The units at the top of the region: its provinces, or its districts, or its communes where it names none. */
    public List<Unit> topUnits() {
        return top;
    }

    /** The units directly under one; none under a commune or an unknown code. */
    public List<Unit> children(String code) {
        return List.copyOf(children.getOrDefault(code, List.of()));
    }

    /** A province, district or commune of the region by its code. */
    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    /**
     * Whether a unit holds a commune (a commune holds itself); null stands for the whole region, which holds every one
     * of its communes. False for an unknown unit or commune.
     */
    public boolean holds(String unitCode, String communeCode) {
        if (unitCode == null) {
            return contains(communeCode);
        }
        Unit unit = units.get(unitCode);
        return unit != null && unit.communes().contains(communeCode);
    }

    /** Whether one of two units lies within the other, or they are the same: a province and its communes, not two. */
    public boolean nested(String unitCode, String otherCode) {
        return path(unitCode).stream().anyMatch(unit -> unit.code().equals(otherCode))
                || path(otherCode).stream().anyMatch(unit -> unit.code().equals(unitCode));
    }

    /** The unit and the units above it, from the top of the region down to it; empty for an unknown code. */
    public List<Unit> path(String code) {
        List<Unit> path = new ArrayList<>();
        for (Unit unit = units.get(code); unit != null; unit = units.get(unit.parentCode())) {
            path.addFirst(unit);
            if (unit.parentCode() == null) {
                break;
            }
        }
        return path;
    }

    /**
     * The province or district that holds exactly these communes, the largest first where two hold the same (a province
     * of one district); empty where no unit does, or for the whole region.
     */
    public Optional<Unit> unitOf(Collection<String> communeCodes) {
        Set<String> asked = Set.copyOf(communeCodes);
        if (asked.isEmpty() || asked.size() == communesByCode.size()) {
            return Optional.empty();
        }
        return units.values().stream()
                .filter(unit -> unit.kind() != Unit.Kind.COMMUNE)
                .filter(unit -> unit.communes().size() == asked.size() && asked.containsAll(unit.communes()))
                .findFirst();
    }

    /**
     * The units just below the whole region: its provinces, or the districts of its one province, or of its one
     * district's parent; empty where the communes come next (a district, or a file without units).
     */
    public List<Unit> unitsBelowRegion() {
        List<Unit> level = top;
        while (level.size() == 1 && level.getFirst().kind() != Unit.Kind.COMMUNE) {
            level = children(level.getFirst().code());
        }
        return level.stream().anyMatch(unit -> unit.kind() == Unit.Kind.COMMUNE) ? List.of() : level;
    }

    /**
     * Whether the region lies above the (former) districts: a province, or several, where since July 2025 the citizen
     * reception office above the communes is the province's. False for a district and for a file without units.
     */
    public boolean aboveDistricts() {
        Unit holder = null;
        List<Unit> level = top;
        while (level.size() == 1 && level.getFirst().kind() != Unit.Kind.COMMUNE) {
            holder = level.getFirst();
            level = children(holder.code());
        }
        return holder == null
                ? level.stream().anyMatch(unit -> unit.kind() == Unit.Kind.PROVINCE)
                : holder.kind() == Unit.Kind.PROVINCE;
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

    /** The FeatureCollection of one unit's communes only, for a map of that unit; empty for an unknown code. */
    public Optional<String> geoJson(String unitCode) {
        return unit(unitCode)
                .map(unit -> unitGeoJson.computeIfAbsent(unit.code(), code -> {
                    Set<String> communes = Set.copyOf(unit.communes());
                    ObjectNode collection = (ObjectNode) Json.MAPPER.readTree(geoJson);
                    ArrayNode kept = Json.MAPPER.createArrayNode();
                    collection.path("features").forEach(feature -> {
                        if (communes.contains(
                                feature.path("properties").path("code").asString(""))) {
                            kept.add(feature);
                        }
                    });
                    collection.set("features", kept);
                    return Json.MAPPER.writeValueAsString(collection);
                }));
    }
}

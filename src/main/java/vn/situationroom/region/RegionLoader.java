package vn.situationroom.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import vn.situationroom.platform.Json;

/** Reads a region from a GeoJSON FeatureCollection and refuses a file that could not be shown or keyed correctly. */
public final class RegionLoader {

    private RegionLoader() {}

    /**
     * Parses the file's text; {@code source} names the file in error messages and {@code name} overrides the region
     * name when not blank.
     */
    public static Region parse(String geoJson, String source, String name) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(geoJson);
        } catch (JacksonException e) {
            throw new InvalidRegionException(source, "not valid JSON: " + e.getOriginalMessage());
        }
        if (!"FeatureCollection".equals(root.path("type").asString(""))) {
            throw new InvalidRegionException(source, "the top level must be a GeoJSON FeatureCollection");
        }
        List<Commune> communes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // A region of several districts (a province) may hold two communes of one name: each is then named with its
        // district, so that a list or a picker never shows two alike. A region of several provinces and no districts
        // (the country since July 2025) names each commune with its province the same way.
        Set<String> districts = new HashSet<>();
        Set<String> provinces = new HashSet<>();
        root.path("features").valueStream().forEach(f -> {
            districts.add(f.path("properties").path("district").asString(""));
            provinces.add(f.path("properties").path("province").asString(""));
        });
        boolean severalDistricts = districts.size() > 1;
        boolean severalProvinces = !severalDistricts && provinces.size() > 1;
        JsonNode features = root.path("features");
        Hierarchy hierarchy = new Hierarchy(source);
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            JsonNode properties = feature.path("properties");
            String code = properties.path("code").asString("").strip();
            String where = "feature " + i;
            if (code.isEmpty()) {
                throw new InvalidRegionException(source, where + " has no properties.code (the commune code)");
            }
            if (!seen.add(code)) {
                throw new InvalidRegionException(source, where + " repeats the commune code " + code);
            }
            String geometryType = feature.path("geometry").path("type").asString("");
            if (!geometryType.equals("Polygon") && !geometryType.equals("MultiPolygon")) {
                throw new InvalidRegionException(
                        source, where + " (" + code + ") has no Polygon or MultiPolygon geometry");
            }
            String shortName = properties.path("name").asString(code);
            String fullName = properties.path("full_name").asString(shortName);
            String parent =
                    properties.path(severalDistricts ? "district" : "province").asString("");
            communes.add(new Commune(
                    code,
                    shortName,
                    (severalDistricts || severalProvinces) && !parent.isBlank()
                            ? fullName + " (" + parent + ")"
                            : fullName));
            hierarchy.add(where, code, properties);
        }
        if (communes.isEmpty()) {
            throw new InvalidRegionException(source, "it holds no commune");
        }
        String regionName = name == null || name.isBlank()
                ? root.path("metadata").path("region_name").asString(defaultName(features, severalDistricts, source))
                : name;
        return new Region(regionName, communes, hierarchy.parentOfCommune(), hierarchy.parents(communes), geoJson);
    }

    /**
     * The district's name, or for a region of several districts the province's, from the first feature; a file may
     * name its region in {@code metadata.region_name} instead.
     */
    private static String defaultName(JsonNode features, boolean severalDistricts, String source) {
        JsonNode first = features.get(0).path("properties");
        String district = first.path("district").asString("");
        String province = first.path("province").asString("");
        if (severalDistricts && !province.isBlank()) {
            return province;
        }
        return district.isBlank() ? source : district;
    }

    /** Reads and parses a file or classpath resource. */
    public static Region load(InputStream in, String source, String name) {
        try (in) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the region file " + source, e);
        }
    }

    /** The first of the properties that is given, or "". */
    private static String either(JsonNode properties, String name, String otherName) {
        String value = properties.path(name).asString("").strip();
        return value.isEmpty() ? properties.path(otherName).asString("").strip() : value;
    }

    /**
     * The units above the communes, from the optional properties {@code province_code} (or {@code provinceCode}) with
     * {@code province}, and {@code district_code} (or {@code districtCode}) with {@code district}. Either every commune
     * names its province or none does; a district may be named where a province still has them.
     */
    private static final class Hierarchy {

        private final String source;
        private final Map<String, Unit> parents = new LinkedHashMap<>();
        private final Map<String, String> parentOfCommune = new HashMap<>();
        private int withProvince;
        private int features;

        Hierarchy(String source) {
            this.source = source;
        }

        void add(String where, String commune, JsonNode properties) {
            features++;
            String province = either(properties, "province_code", "provinceCode");
            String district = either(properties, "district_code", "districtCode");
            String parent = null;
            if (!province.isEmpty()) {
                withProvince++;
                unit(where, province, properties.path("province").asString(province), Unit.Kind.PROVINCE, null);
                parent = province;
            }
            if (!district.isEmpty()) {
                unit(where, district, properties.path("district").asString(district), Unit.Kind.DISTRICT, parent);
                parent = district;
            }
            if (parent != null) {
                parentOfCommune.put(commune, parent);
            }
        }

        private void unit(String where, String code, String name, Unit.Kind kind, String parent) {
            Unit known = parents.get(code);
            if (known == null) {
                parents.put(code, new Unit(code, name, kind, parent, List.of()));
            } else if (known.kind() != kind || !Objects.equals(known.parentCode(), parent)) {
                throw new InvalidRegionException(
                        source,
                        where + " names the unit " + code + " as a "
                                + kind.name().toLowerCase(Locale.ROOT)
                                + (parent == null ? "" : " of " + parent) + ", but an earlier feature as a "
                                + known.kind().name().toLowerCase(Locale.ROOT)
                                + (known.parentCode() == null ? "" : " of " + known.parentCode()));
            }
        }

        Map<String, String> parentOfCommune() {
            if (withProvince > 0 && withProvince < features) {
                throw new InvalidRegionException(
                        source,
                        (features - withProvince) + " of " + features
                                + " features name no province_code while the others do");
            }
            return parentOfCommune;
        }

        /** The provinces and districts, each with its communes, in the order of the file. */
        List<Unit> parents(List<Commune> communes) {
            Map<String, List<String>> held = new HashMap<>();
            for (Commune commune : communes) {
                for (String unit = parentOfCommune.get(commune.code());
                        unit != null;
                        unit = parents.get(unit).parentCode()) {
                    held.computeIfAbsent(unit, code -> new ArrayList<>()).add(commune.code());
                }
            }
            Set<String> communeCodes = new HashSet<>();
            communes.forEach(commune -> communeCodes.add(commune.code()));
            List<Unit> units = new ArrayList<>();
            for (Unit unit : parents.values()) {
                if (communeCodes.contains(unit.code())) {
                    throw new InvalidRegionException(
                            source, "the code " + unit.code() + " names both a commune and a province or district");
                }
                units.add(new Unit(unit.code(), unit.name(), unit.kind(), unit.parentCode(), held.get(unit.code())));
            }
            return units;
        }
    }

    /** A region file that the app cannot use, with the reason. */
    public static final class InvalidRegionException extends IllegalArgumentException {
        InvalidRegionException(String source, String problem) {
            super("The region file " + source + " cannot be used: " + problem);
        }
    }
}

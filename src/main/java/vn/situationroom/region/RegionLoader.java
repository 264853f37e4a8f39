package vn.situationroom.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        // district, so that a list or a picker never shows two alike.
        Set<String> districts = new HashSet<>();
        root.path("features")
                .valueStream()
                .forEach(
                        f -> districts.add(f.path("properties").path("district").asString("")));
        boolean severalDistricts = districts.size() > 1;
        JsonNode features = root.path("features");
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
            String district = properties.path("district").asString("");
            communes.add(new Commune(
                    code,
                    shortName,
                    severalDistricts && !district.isBlank() ? fullName + " (" + district + ")" : fullName));
        }
        if (communes.isEmpty()) {
            throw new InvalidRegionException(source, "it holds no commune");
        }
        String regionName = name == null || name.isBlank() ? defaultName(features, severalDistricts, source) : name;
        return new Region(regionName, communes, geoJson);
    }

    /** The district's name, or for a region of several districts the province's, from the first feature. */
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

    /** A region file that the app cannot use, with the reason. */
    public static final class InvalidRegionException extends IllegalArgumentException {
        InvalidRegionException(String source, String problem) {
            super("The region file " + source + " cannot be used: " + problem);
        }
    }
}

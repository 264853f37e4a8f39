package vn.situationroom.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.platform.Json;

/** The report's map of a province: names that never cover each other, the commune that needs attention named first. */
class RegionMapImageTests {

    private static final int WIDTH = 1400;

    @Test
    void no_two_names_on_a_province_map_overlap_and_a_critical_commune_is_named_first() throws IOException {
        String geoJson = builtIn("region/tra-vinh-communes.geojson");
        RegionMapImage map = new RegionMapImage(geoJson);
        List<RegionMapImage.Label> quiet = map.labels(WIDTH, Map.of());
        // A commune with no room for its name on a quiet map (the city's wards crowd each other) is named once
        // critical.
        List<String> codes = Json.MAPPER
                .readTree(geoJson)
                .path("features")
                .valueStream()
                .map(feature -> feature.path("properties").path("code").asString())
                .toList();
        String unnamed = codes.stream()
                .filter(code -> quiet.stream().noneMatch(label -> label.code().equals(code)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("every commune was named: the test needs a crowded map"));
        List<RegionMapImage.Label> critical = map.labels(WIDTH, Map.of(unnamed, HotspotLevel.CRITICAL));

        for (List<RegionMapImage.Label> labels : List.of(quiet, critical)) {
            for (int i = 0; i < labels.size(); i++) {
                for (int j = i + 1; j < labels.size(); j++) {
                    assertThat(labels.get(i).box().intersects(labels.get(j).box()))
                            .as(labels.get(i).name() + " and " + labels.get(j).name())
                            .isFalse();
                }
            }
        }
        assertThat(quiet).as("most communes still named").hasSizeGreaterThan(60);
        assertThat(critical.getFirst().code()).isEqualTo(unnamed);
    }

    private static String builtIn(String resource) throws IOException {
        try (InputStream in = RegionMapImageTests.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

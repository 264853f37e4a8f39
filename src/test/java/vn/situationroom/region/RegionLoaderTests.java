package vn.situationroom.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionLoaderTests {

    @Test
    void the_default_region_has_the_fifteen_communes_of_the_district() {
        Region region = builtIn("region/cau-ngang-communes.geojson");

        assertThat(region.communes()).hasSize(15);
        assertThat(region.name()).isEqualTo("Huyện Cầu Ngang");
        assertThat(region.commune("29416")).map(Commune::fullName).contains("Thị trấn Cầu Ngang");
        assertThat(region.contains("29513")).isFalse();
    }

    @Test
    void the_province_is_a_second_built_in_region() {
        Region region = builtIn("region/tra-vinh-communes.geojson");

        assertThat(region.communes()).hasSize(105);
        assertThat(region.contains("29513")).isTrue();
        assertThat(region.name()).isEqualTo("Tỉnh Trà Vinh");
        assertThat(region.commune("29416")).map(Commune::fullName).contains("Thị trấn Cầu Ngang (Huyện Cầu Ngang)");
        assertThat(region.communes().stream().map(Commune::fullName).distinct()).hasSize(105);
    }

    @Test
    void a_configured_name_replaces_the_district_name() {
        Region region = RegionLoader.parse(featureCollection("""
                {"type":"Feature","properties":{"code":"1","name":"A","district":"D"},
                 "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"""), "test", "Vùng thử");

        assertThat(region.name()).isEqualTo("Vùng thử");
        assertThat(region.commune("1")).map(Commune::fullName).contains("A");
    }

    @Test
    void a_file_that_cannot_be_used_is_refused_with_the_reason() {
        assertThatThrownBy(() -> RegionLoader.parse("{", "bad.geojson", ""))
                .hasMessageContaining("bad.geojson")
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> RegionLoader.parse(featureCollection(""), "empty.geojson", ""))
                .hasMessageContaining("holds no commune");
        assertThatThrownBy(() -> RegionLoader.parse(featureCollection("""
                {"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[]}}"""), "f", ""))
                .hasMessageContaining("feature 0 has no properties.code");
        assertThatThrownBy(() -> RegionLoader.parse(featureCollection("""
                {"type":"Feature","properties":{"code":"1"},"geometry":{"type":"Point","coordinates":[0,0]}}"""), "f", ""))
                .hasMessageContaining("no Polygon or MultiPolygon");
    }

    private static Region builtIn(String path) {
        return RegionLoader.load(RegionLoaderTests.class.getClassLoader().getResourceAsStream(path), path, "");
    }

    private static String featureCollection(String features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
    }
}

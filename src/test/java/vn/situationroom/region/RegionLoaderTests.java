package vn.situationroom.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
    void the_province_holds_its_former_districts_which_hold_their_communes() {
        Region region = builtIn("region/tra-vinh-communes.geojson");

        assertThat(region.topUnits())
                .extracting(Unit::code, Unit::kind)
                .containsExactly(tuple("84", Unit.Kind.PROVINCE));
        Unit province = region.unit("84").orElseThrow();
        assertThat(province.name()).isEqualTo("Tỉnh Trà Vinh");
        assertThat(province.communes()).hasSize(105);
        assertThat(region.children("84")).hasSize(9).allSatisfy(district -> {
            assertThat(district.kind()).isEqualTo(Unit.Kind.DISTRICT);
            assertThat(district.parentCode()).isEqualTo("84");
        });
        assertThat(region.children("84").stream()
                        .mapToInt(d -> d.communes().size())
                        .sum())
                .as("every commune in one district")
                .isEqualTo(105);
        Unit district = region.unit("848").orElseThrow();
        assertThat(district.name()).isEqualTo("Huyện Cầu Ngang");
        assertThat(district.communes()).hasSize(15).contains("29416");
        assertThat(region.children("848")).hasSize(15).allMatch(c -> c.kind() == Unit.Kind.COMMUNE);
        assertThat(region.path("29416")).extracting(Unit::code).containsExactly("84", "848", "29416");
        assertThat(region.unit("29416").orElseThrow().communes()).containsExactly("29416");
        assertThat(region.children("29416")).isEmpty();
        assertThat(region.unit("nowhere")).isEmpty();
    }

    @Test
    void a_unit_holds_its_communes_and_nests_with_the_units_above_and_below_it() {
        Region region = builtIn("region/tra-vinh-communes.geojson");
        Unit district = region.children("84").getFirst();
        Unit other = region.children("84").getLast();
        String commune = district.communes().getFirst();

        assertThat(region.holds(null, commune)).as("the whole region").isTrue();
        assertThat(region.holds("84", commune)).isTrue();
        assertThat(region.holds(district.code(), commune)).isTrue();
        assertThat(region.holds(commune, commune)).as("a commune holds itself").isTrue();
        assertThat(region.holds(other.code(), commune)).isFalse();
        assertThat(region.holds("nowhere", commune)).isFalse();
        assertThat(region.holds(null, "nowhere")).isFalse();

        assertThat(region.nested(district.code(), commune)).isTrue();
        assertThat(region.nested(commune, "84")).isTrue();
        assertThat(region.nested(district.code(), district.code())).isTrue();
        assertThat(region.nested(other.code(), commune)).isFalse();
        assertThat(region.nested(other.code(), district.code())).isFalse();
        assertThat(region.nested("nowhere", district.code())).isFalse();
    }

    @Test
    void the_synthetic_country_has_the_countrys_numbers_and_says_it_is_synthetic() {
        Region region = builtIn("region/vietnam-synthetic-communes.geojson");

        assertThat(region.communes()).hasSize(3321);
        assertThat(region.topUnits()).hasSize(34).allMatch(unit -> unit.kind() == Unit.Kind.PROVINCE);
        assertThat(region.topUnits().stream()
                        .mapToInt(unit -> unit.communes().size())
                        .sum())
                .isEqualTo(3321);
        assertThat(region.name()).contains("dữ liệu mẫu");
        assertThat(region.commune("S18026"))
                .as("in a country of provinces, a commune is named with its province")
                .map(Commune::fullName)
                .contains("Xã 18-026 (Tỉnh mẫu 18)");
        assertThat(region.children(region.topUnits().getFirst().code()))
                .isNotEmpty()
                .allMatch(unit -> unit.kind() == Unit.Kind.COMMUNE);
    }

    @Test
    void a_region_that_names_no_units_has_its_communes_at_the_top() {
        Region region = RegionLoader.parse(
                featureCollection(FEATURE.formatted("1", "") + "," + FEATURE.formatted("2", "")), "f", "");

        assertThat(region.topUnits()).extracting(Unit::code).containsExactly("1", "2");
        assertThat(region.path("2")).extracting(Unit::code).containsExactly("2");
    }

    @Test
    void a_province_and_the_country_lie_above_the_districts_and_a_district_does_not() {
        assertThat(builtIn("region/cau-ngang-communes.geojson").aboveDistricts())
                .as("a district")
                .isFalse();
        assertThat(builtIn("region/tra-vinh-communes.geojson").aboveDistricts())
                .as("a province with its former districts")
                .isTrue();
        assertThat(builtIn("region/vietnam-synthetic-communes.geojson").aboveDistricts())
                .as("34 provinces")
                .isTrue();
        assertThat(RegionLoader.parse(
                                featureCollection(FEATURE.formatted("1", "") + "," + FEATURE.formatted("2", "")),
                                "f",
                                "")
                        .aboveDistricts())
                .as("communes without units")
                .isFalse();
    }

    @Test
    void a_hierarchy_that_contradicts_itself_is_refused_with_the_unit_named() {
        assertThatThrownBy(() -> RegionLoader.parse(
                        featureCollection(FEATURE.formatted("1", ",\"province_code\":\"P\",\"district_code\":\"D\"")
                                + "," + FEATURE.formatted("2", ",\"province_code\":\"Q\",\"district_code\":\"D\"")),
                        "f",
                        ""))
                .hasMessageContaining("feature 1 names the unit D as a district of Q")
                .hasMessageContaining("district of P");
        assertThatThrownBy(() -> RegionLoader.parse(
                        featureCollection(
                                FEATURE.formatted("1", ",\"provinceCode\":\"P\"") + "," + FEATURE.formatted("2", "")),
                        "f",
                        ""))
                .hasMessageContaining("1 of 2 features name no province_code");
        assertThatThrownBy(() -> RegionLoader.parse(
                        featureCollection(FEATURE.formatted("1", ",\"province_code\":\"2\"") + ","
                                + FEATURE.formatted("2", ",\"province_code\":\"2\"")),
                        "f",
                        ""))
                .hasMessageContaining("the code 2 names both a commune and a province or district");
    }

    private static final String FEATURE = """
            {"type":"Feature","properties":{"code":"%s","name":"A"%s},
             "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}""";

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

package vn.situationroom.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Borders, centres and outlines read from the real commune boundaries of the built-in district. */
class RegionGeometryTests {

    private final Region district = RegionLoader.load(
            getClass().getClassLoader().getResourceAsStream("region/cau-ngang-communes.geojson"),
            "cau-ngang-communes.geojson",
            "");
    private final RegionGeometry geometry = RegionGeometry.of(district);

    @Test
    void every_commune_borders_another_each_border_goes_both_ways_and_the_district_is_one_piece() {
        int[][] borders = geometry.borders();
        assertThat(borders.length).isEqualTo(district.communes().size());
        for (int i = 0; i < borders.length; i++) {
            assertThat(borders[i]).as(geometry.codes().get(i)).isNotEmpty().doesNotContain(i);
            for (int j : borders[i]) {
                assertThat(borders[j]).as("%d borders %d", j, i).contains(i);
            }
        }
        BitSet reached = new BitSet();
        ArrayDeque<Integer> next = new ArrayDeque<>(List.of(0));
        reached.set(0);
        while (!next.isEmpty()) {
            for (int j : borders[next.poll()]) {
                if (!reached.get(j)) {
                    reached.set(j);
                    next.add(j);
                }
            }
        }
        assertThat(reached.cardinality()).as("communes reached through borders").isEqualTo(borders.length);
        double average = java.util.Arrays.stream(borders)
                .mapToInt(b -> b.length)
                .average()
                .orElse(0);
        assertThat(average)
                .as("neighbours per commune, as on a map of communes")
                .isBetween(2.5, 6.5);
    }

    @Test
    void two_bordering_communes_make_one_shape_and_two_apart_make_two() {
        String first = geometry.codes().getFirst();
        String neighbour = geometry.bordering(first).getFirst();
        ObjectNode together = geometry.outline(List.of(first, neighbour));
        assertThat(together.get("type").asString()).isEqualTo("Polygon");
        assertThat(together.get("coordinates").get(0).size()).isGreaterThan(10);

        String apart = geometry.codes().stream()
                .filter(code ->
                        !code.equals(first) && !geometry.bordering(first).contains(code))
                .findFirst()
                .orElseThrow();
        assertThat(geometry.outline(List.of(first, apart)).get("type").asString())
                .isEqualTo("MultiPolygon");
        assertThatThrownBy(() -> geometry.outline(List.of("00000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("00000");
    }

    @Test
    void a_communes_centre_lies_inside_it() {
        double[][] centres = geometry.centres();
        for (double[] centre : centres) {
            assertThat(centre[0]).isBetween(105.0, 107.0);
            assertThat(centre[1]).isBetween(9.0, 10.5);
        }
    }
}

package vn.situationroom.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.situationroom.TestAccounts;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.platform.Json;
import vn.situationroom.region.Region;
import vn.situationroom.region.Unit;
import vn.situationroom.security.Roles;
import vn.situationroom.security.UserAccounts;

/**
 * The region's units through the API, on the province of the test profile (one province, nine former districts, 105
 * communes): the tree, a crowd raising its commune's district and the province, and a commune officer's narrow view.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class UnitsApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Autowired
    UserAccounts accounts;

    @Test
    void the_units_list_the_tree_and_a_crowd_raises_its_district_and_its_province() throws Exception {
        TestHttp http = new TestHttp(port);
        JsonNode top = http.getJson("/api/v1/region/units");
        assertThat(top).hasSize(1);
        assertThat(top.get(0).get("kind").asString()).isEqualTo("PROVINCE");
        assertThat(top.get(0).get("communes").asInt()).isEqualTo(105);
        String province = top.get(0).get("code").asString();

        JsonNode districts = http.getJson("/api/v1/region/units?parent=" + province);
        assertThat(districts).hasSize(9);
        int communes = 0;
        for (JsonNode district : districts) {
            assertThat(district.get("kind").asString()).isEqualTo("DISTRICT");
            assertThat(district.get("parent").asString()).isEqualTo(province);
            communes += district.get("communes").asInt();
        }
        assertThat(communes).as("every commune in one district").isEqualTo(105);

        String commune = TestCommunes.fresh(region).code();
        String district = region.unit(commune).orElseThrow().parentCode();
        assertThat(http.postJson("/api/v1/events", crowd(commune, 25)).statusCode())
                .isEqualTo(202);

        // Other tests' crowds may have raised the district already: wait for this commune among its reasons.
        JsonNode state = await().atMost(PATIENCE)
                .until(
                        () -> http.getJson("/api/v1/region/units/" + district),
                        s -> codes(s.path("because")).contains(commune));
        assertThat(state.get("level").asString()).isEqualTo("CRITICAL");
        assertThat(state.get("people").asLong()).isGreaterThanOrEqualTo(25);
        assertThat(state.get("children"))
                .hasSize(region.unit(district).orElseThrow().communes().size());

        JsonNode whole = http.getJson("/api/v1/region/units/" + province);
        assertThat(whole.get("level").asString()).isEqualTo("CRITICAL");
        assertThat(whole.get("people").asLong())
                .isGreaterThanOrEqualTo(state.get("people").asLong());
        JsonNode itsDistrict = null;
        for (JsonNode child : whole.get("children")) {
            if (child.get("code").asString().equals(district)) {
                itsDistrict = child;
            }
        }
        assertThat(itsDistrict).isNotNull();
        assertThat(itsDistrict.get("level").asString()).isEqualTo("CRITICAL");
    }

    @Test
    void an_unknown_unit_is_refused_by_name() throws Exception {
        TestHttp http = new TestHttp(port);

        var one = http.get("/api/v1/region/units/nowhere");
        assertThat(one.statusCode()).isEqualTo(404);
        assertThat(one.body()).contains("No unit nowhere");
        assertThat(http.get("/api/v1/region/units?parent=nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void a_signed_in_screen_fetches_the_shapes_of_the_region_or_of_a_unit_once_and_then_revalidates() throws Exception {
        Unit district = region.unit(
                        region.path(region.communes().getFirst().code()).get(1).code())
                .orElseThrow();
        String officer = TestAccounts.user(accounts, null, Roles.LEADERSHIP);
        TestHttp browser = TestHttp.session(port, TestHttp.signIn(port, officer, TestAccounts.PASSWORD));

        var whole = browser.get("/" + Region.SHAPES_PATH);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(whole.body()).get("features")).hasSize(105);
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(browser.get("/" + Region.SHAPES_PATH, "If-None-Match", etag).statusCode())
                .as("the shapes a browser holds are still good")
                .isEqualTo(304);

        var one = browser.get("/" + Region.SHAPES_PATH + "?unit=" + district.code());
        assertThat(Json.MAPPER.readTree(one.body()).get("features"))
                .hasSize(district.communes().size());
        assertThat(one.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        var unknown = browser.get("/" + Region.SHAPES_PATH + "?unit=nowhere");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("nowhere");

        var anonymous = TestHttp.anonymous(port).get("/" + Region.SHAPES_PATH);
        assertThat(anonymous.statusCode()).as("nobody signed in").isNotEqualTo(200);
        assertThat(anonymous.body()).doesNotContain("features");
    }

    @Test
    void a_commune_officer_sees_only_the_units_that_hold_their_commune_and_only_its_figures() throws Exception {
        String commune = TestCommunes.fresh(region).code();
        List<Unit> path = region.path(commune);
        String province = path.getFirst().code();
        String district = path.get(1).code();
        String otherDistrict = region.children(province).stream()
                .map(Unit::code)
                .filter(code -> !code.equals(district))
                .findFirst()
                .orElseThrow();
        String officer = TestAccounts.user(accounts, commune, Roles.COMMUNE);
        TestHttp http = TestHttp.session(port, TestHttp.signIn(port, officer, TestAccounts.PASSWORD));

        assertThat(codes(http.getJson("/api/v1/region/units"))).containsExactly(province);
        assertThat(codes(http.getJson("/api/v1/region/units?parent=" + province)))
                .containsExactly(district);
        assertThat(codes(http.getJson("/api/v1/region/units?parent=" + district)))
                .containsExactly(commune);
        assertThat(http.get("/api/v1/region/units/" + otherDistrict).statusCode())
                .isEqualTo(404);

        assertThat(new TestHttp(port)
                        .postJson("/api/v1/events", crowd(commune, 12))
                        .statusCode())
                .isEqualTo(202);
        JsonNode whole = await().atMost(PATIENCE)
                .until(
                        () -> http.getJson("/api/v1/region/units/" + province),
                        s -> s.path("people").asLong() > 0);
        assertThat(whole.get("people").asLong())
                .as("the province's figures are their commune's only")
                .isEqualTo(12);
        assertThat(codes(whole.get("children"))).containsExactly(district);
    }

    private static List<String> codes(JsonNode nodes) {
        List<String> codes = new ArrayList<>();
        for (JsonNode node : nodes) {
            codes.add(node.isObject() ? node.get("code").asString() : node.asString());
        }
        return codes;
    }

    private static String crowd(String commune, int headcount) {
        return Json.MAPPER
                .createObjectNode()
                .put("eventId", UUID.randomUUID().toString())
                .put(
                        "occurredAt",
                        OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7)))
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString())
                .put("communeCode", commune)
                .put("receptionPoint", "DISTRICT_OFFICE")
                .put("type", "VISIT")
                .put("content", "COMPLAINT")
                .put("field", "LAND")
                .put("headcount", headcount)
                .toString();
    }
}

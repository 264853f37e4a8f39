package vn.situationroom.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.platform.Json;
import vn.situationroom.region.Region;

/** The back-testing API answers as R's earsC does, and reads a commune's daily series from history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class DetectApiIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Test
    void every_reference_series_gets_rs_alarms_through_the_api() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/ears/ears-reference.json")) {
            fixture = Json.MAPPER.readTree(in);
        }
        for (JsonNode reference : fixture.get("cases")) {
            ObjectNode request = (ObjectNode) reference.get("control").deepCopy();
            request.set("series", reference.get("observed"));

            HttpResponse<String> response = post("/api/v1/analysis/detect", request.toString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            List<Object> alarms = new ArrayList<>();
            Json.MAPPER
                    .readTree(response.body())
                    .get("days")
                    .forEach(day -> alarms.add(
                            day.get("alarm").isNull() ? null : day.get("alarm").asBoolean()));
            List<Object> expected = new ArrayList<>();
            reference.get("alarm").forEach(a -> expected.add(a.isNull() ? null : a.asBoolean()));
            assertThat(alarms)
                    .as(reference.get("series") + " " + reference.get("control"))
                    .isEqualTo(expected);
        }
    }

    @Test
    void farrington_gets_rs_bounds_through_the_api_and_auto_is_farrington_with_its_defaults() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/farrington/farrington-reference.json")) {
            fixture = Json.MAPPER.readTree(in);
        }
        int checked = 0;
        for (JsonNode reference : fixture.get("cases")) {
            JsonNode control = reference.get("control");
            if (!control.get("thresholdMethod").asString().equals("nbPlugin")) {
                continue; // the API computes the bound one way, R's nbPlugin
            }
            ObjectNode request = Json.MAPPER.createObjectNode();
            request.put("method", "FARRINGTON");
            for (String name : List.of("b", "w", "noPeriods", "alpha", "pThresholdTrend", "trend", "reweight")) {
                if (control.has(name)) {
                    request.set(name, control.get(name));
                }
            }
            request.put(
                    "weightsThreshold",
                    control.has("weightsThreshold")
                            ? control.get("weightsThreshold").asDouble()
                            : 2.58);
            request.put("limitCases", control.get("limit54").get(0).asInt());
            request.put("limitDays", control.get("limit54").get(1).asInt());
            request.put(
                    "pastDaysNotIncluded", control.get("pastWeeksNotIncluded").asInt());
            request.set("series", reference.get("observed"));

            HttpResponse<String> response = post("/api/v1/analysis/detect", request.toString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode days = Json.MAPPER.readTree(response.body()).get("days");
            for (int i = 0; i < days.size(); i++) {
                JsonNode upper = reference.get("upperbound").get(i);
                assertThat(days.get(i).get("upperbound").isNull())
                        .as("day %d of %s %s", i, reference.get("series"), control)
                        .isEqualTo(upper.isNull());
                if (!upper.isNull()) {
                    assertThat(days.get(i).get("upperbound").asDouble()).isEqualTo(upper.asDouble());
                    assertThat(days.get(i).get("alarm").asBoolean())
                            .isEqualTo(reference.get("alarm").get(i).asBoolean());
                }
            }
            checked++;
        }
        assertThat(checked).as("nbPlugin cases of the fixture").isGreaterThanOrEqualTo(16);

        String series = fixture.get("cases").get(0).get("observed").toString();
        JsonNode auto =
                Json.MAPPER.readTree(post("/api/v1/analysis/detect", "{\"method\":\"AUTO\",\"series\":" + series + "}")
                        .body());
        JsonNode named = Json.MAPPER.readTree(
                post("/api/v1/analysis/detect", "{\"method\":\"FARRINGTON\",\"series\":" + series + "}")
                        .body());
        assertThat(auto.get("method").asString()).isEqualTo("FARRINGTON");
        assertThat(auto.get("auto").asBoolean()).isTrue();
        assertThat(auto.get("days")).isEqualTo(named.get("days"));
        assertThat(post("/api/v1/analysis/detect", "{\"method\":\"FARRINGTON\",\"trend\":1,\"series\":[1,2]}")
                        .body())
                .contains("trend must be true or false");
    }

    @Test
    void the_issue_example_answers_with_indexes_bounds_and_alarms() throws Exception {
        HttpResponse<String> response = post("/api/v1/analysis/detect", """
                {"method":"C2","baseline":7,"alpha":0.001,"minSigma":0.5,"series":[3,0,1,2,1,0,2,1,1,7,1,0]}""");

        JsonNode days = Json.MAPPER.readTree(response.body()).get("days");
        assertThat(days.get(0).get("upperbound").isNull()).isTrue();
        assertThat(days.get(0).get("alarm").isNull()).isTrue();
        assertThat(days.get(9).get("index").asInt()).isEqualTo(9);
        assertThat(days.get(9).get("upperbound").asDouble()).isPositive();
        assertThat(days.get(9).get("alarm").asBoolean()).isTrue();
    }

    @Test
    void a_communes_history_is_read_as_its_daily_series() throws Exception {
        String commune = TestCommunes.fresh(region).code();
        // The last day of the series: today, or yesterday in the first minutes after midnight.
        LocalDate today = java.time.OffsetDateTime.now(TestClock.at(VIETNAM))
                .minusMinutes(10)
                .toLocalDate();
        StringBuilder events = new StringBuilder("[");
        int[] perDay = {1, 0, 2, 0, 3};
        for (int d = 0; d < perDay.length; d++) {
            for (int i = 0; i < perDay[d]; i++) {
                // Today's events happened in the minutes before now, which may be early in the morning.
                var morning = today.minusDays(perDay.length - 1 - d)
                        .atTime(0, i)
                        .atZone(VIETNAM)
                        .toOffsetDateTime();
                var before = java.time.OffsetDateTime.now(TestClock.at(VIETNAM))
                        .minusMinutes(i + 1)
                        .withNano(0);
                String at = (morning.isBefore(before) ? morning : before).toString();
                events.append(events.length() > 1 ? "," : "").append("""
                        {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"COMMUNE_OFFICE",\
                        "type":"PETITION","content":"COMPLAINT","field":"LAND"}""".formatted(UUID.randomUUID(), at, commune));
            }
        }
        assertThat(post("/api/v1/events", events.append("]").toString()).statusCode())
                .isEqualTo(202);
        String request = """
                {"method":"C1","baseline":3,"communeCode":"%s","from":"%s","to":"%s"}""".formatted(commune, today.minusDays(4), today);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode answer = Json.MAPPER.readTree(
                    post("/api/v1/analysis/detect", request).body());
            List<Double> observed = new ArrayList<>();
            answer.get("days").forEach(day -> observed.add(day.get("observed").asDouble()));
            assertThat(observed).containsExactly(1.0, 0.0, 2.0, 0.0, 3.0);
            assertThat(answer.get("from").asString())
                    .isEqualTo(today.minusDays(4).toString());
        });
    }

    @Test
    void a_bad_request_names_its_fields() throws Exception {
        HttpResponse<String> response = post("/api/v1/analysis/detect", """
                {"method":"C4","series":[1,-2,"x"]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"method\"", "series[1]", "series[2]");
        assertThat(post("/api/v1/analysis/detect", "{\"method\":\"C1\",\"baseline\":2,\"series\":[1,2,3,4]}")
                        .body())
                .contains("baseline must be at least 3");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return new TestHttp(port).postJson(path, body);
    }
}

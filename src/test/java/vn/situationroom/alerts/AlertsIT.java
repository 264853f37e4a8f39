package vn.situationroom.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.live.LiveHotspots;
import vn.situationroom.region.Region;

/** An incident raises an alert; police command acknowledges and resolves it over REST, and the commune calms down. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class AlertsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Autowired
    LiveHotspots live;

    @Test
    void an_incident_alert_is_acknowledged_then_resolved_and_the_level_falls_back() throws Exception {
        String commune = TestCommunes.fresh(region).code();
        String at = OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7)))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(post("/api/v1/events", """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"COMMUNE_OFFICE",\
                "type":"INCIDENT","severity":"SERIOUS","headcount":3}""".formatted(UUID.randomUUID(), at, commune))
                        .statusCode())
                .isEqualTo(202);

        JsonNode alert = await().atMost(PATIENCE).until(() -> activeAlertOf(commune), a -> a != null);
        assertThat(alert.get("rule").asString()).isEqualTo("INCIDENT");
        assertThat(alert.get("severity").asString()).isEqualTo("CRITICAL");
        await().atMost(PATIENCE)
                .until(() -> live.current().get(commune) != null
                        && live.current().get(commune).level() == HotspotLevel.CRITICAL);
        String id = alert.get("alertId").asString();

        assertThat(post(
                                "/api/v1/alerts/" + id + "/ack",
                                "{\"by\":\"Trực ban công an huyện\",\"note\":\"Đã cử lực lượng\"}")
                        .statusCode())
                .isEqualTo(202);
        await().atMost(PATIENCE).until(() -> state(id).equals("ACKNOWLEDGED"));
        // Recorded as the token's decision, whatever name the request gave; that name is kept in the note.
        JsonNode acknowledged = get("/api/v1/alerts/" + id);
        assertThat(acknowledged.get("acknowledgedBy").asString())
                .startsWith("initial (configuration) (api#")
                .doesNotContain("Trực ban");
        assertThat(acknowledged.get("acknowledgeNote").asString()).isEqualTo("Trực ban công an huyện: Đã cử lực lượng");

        // Who decides needs no saying.
        assertThat(post("/api/v1/alerts/" + id + "/resolve", "{}").statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> state(id).equals("RESOLVED"));
        await().atMost(PATIENCE).until(() -> live.current().get(commune).level() == HotspotLevel.NORMAL);

        assertThat(post("/api/v1/alerts/" + id + "/resolve", "{\"by\":\"ai đó\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(post("/api/v1/alerts/" + UUID.randomUUID() + "/ack", "{\"by\":\"ai đó\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/alerts/" + id + "/ack", "{\"by\":\"" + "x".repeat(201) + "\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    private JsonNode activeAlertOf(String commune) throws Exception {
        for (JsonNode alert : get("/api/v1/alerts")) {
            if (alert.get("communeCode").asString().equals(commune)) {
                return alert;
            }
        }
        return null;
    }

    private String state(String id) throws Exception {
        return get("/api/v1/alerts/" + id).get("state").asString();
    }

    private JsonNode get(String path) throws Exception {
        return new TestHttp(port).getJson(path);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return new TestHttp(port).postJson(path, body);
    }
}

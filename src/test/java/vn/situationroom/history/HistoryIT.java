package vn.situationroom.history;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.TestKafka;
import vn.situationroom.hotspot.CommuneIndicators;
import vn.situationroom.hotspot.HotspotTopics;
import vn.situationroom.hotspot.Indicators;
import vn.situationroom.intake.IntakeTopics;
import vn.situationroom.platform.Json;
import vn.situationroom.region.Region;

/**
 * Events in through REST, history out through {@code /api/v1/history}: every query answers from the database, and
 * the stored windows equal the last ones on {@code commune-indicators}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@ExtendWith(OutputCaptureExtension.class)
class HistoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CommuneIndicatorRepository indicators;

    @Autowired
    RegionRollup regionRollup;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_query_answers_from_the_database_and_agrees_with_the_topics() throws Exception {
        TestHttp http = new TestHttp(port);
        String hot = TestCommunes.fresh(region).code();
        String calm = TestCommunes.fresh(region).code();
        OffsetDateTime at =
                OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = at.toLocalDate();
        String caseRef = "KN-" + UUID.randomUUID();
        List<String> events = new ArrayList<>();
        events.add(event(hot, at, "VISIT", ",\"content\":\"COMPLAINT\",\"field\":\"LAND\",\"headcount\":12"));
        events.add(event(
                hot,
                at,
                "VISIT",
                ",\"content\":\"COMPLAINT\",\"field\":\"COMPENSATION\",\"headcount\":2," + "\"caseRef\":\"" + caseRef
                        + "\",\"complex\":true"));
        events.add(event(
                hot,
                at,
                "PETITION",
                ",\"content\":\"DENUNCIATION\",\"field\":\"ELECTION_CANDIDATE\"," + "\"candidateRelated\":true"));
        events.add(event(hot, at, "INCIDENT", ",\"severity\":\"SERIOUS\",\"headcount\":4"));
        events.add(event(calm, at, "VISIT", ",\"content\":\"RECOMMENDATION\",\"field\":\"ADMINISTRATION\""));
        assertThat(http.postJson("/api/v1/events", "[" + String.join(",", events) + "]")
                        .statusCode())
                .isEqualTo(202);

        // The events, stored; filters and paging.
        await().atMost(PATIENCE)
                .until(() -> get(http, "/events", "from", day, "to", day, "commune", hot)
                                .get("total")
                                .asLong()
                        == 4);
        JsonNode visits = get(http, "/events", "from", day, "to", day, "commune", hot, "type", "VISIT");
        assertThat(visits.get("total").asLong()).isEqualTo(2);
        assertThat(get(http, "/events", "from", day, "to", day, "commune", hot, "candidateRelated", "true")
                        .get("items")
                        .get(0)
                        .get("type")
                        .asString())
                .isEqualTo("PETITION");
        assertThat(get(http, "/events", "from", day, "to", day, "commune", hot, "minHeadcount", "5")
                        .get("items")
                        .get(0)
                        .get("headcount")
                        .asInt())
                .isEqualTo(12);
        assertThat(get(http, "/events", "from", day, "to", day, "caseRef", caseRef)
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        Set<String> paged = new HashSet<>();
        for (int page = 0; page < 2; page++) {
            JsonNode slice = get(
                    http, "/events", "from", day, "to", day, "commune", hot, "size", "2", "page", String.valueOf(page));
            assertThat(slice.get("items").size()).isEqualTo(2);
            slice.get("items").forEach(e -> paged.add(e.get("eventId").asString()));
        }
        assertThat(paged).hasSize(4);

        // A replayed event (the same id again) is stored once, and the sink goes on storing what follows.
        assertThat(http.postJson("/api/v1/events", events.getFirst()).statusCode())
                .isEqualTo(202);
        assertThat(http.postJson(
                                "/api/v1/events",
                                event(calm, at, "PETITION", ",\"content\":\"REFLECTION\",\"field\":\"OTHER\""))
                        .statusCode())
                .isEqualTo(202);
        await().atMost(PATIENCE)
                .until(() -> get(http, "/events", "from", day, "to", day, "commune", calm)
                                .get("total")
                                .asLong()
                        == 2);
        assertThat(get(http, "/events", "from", day, "to", day, "commune", hot)
                        .get("total")
                        .asLong())
                .isEqualTo(4);

        // The windows: the day's counters in the database equal the latest day window on the topic.
        await().atMost(PATIENCE).until(() -> trendTotal(http, "events", "DAY", day, hot) == 4);
        CommuneIndicators topicDay = latestWindow(hot, CommuneIndicators.WindowSize.DAY);
        assertThat(topicDay.counts().events()).isEqualTo(4);
        for (Counter counter : Counter.values()) {
            assertThat(trendTotal(http, counter.apiName(), "DAY", day, hot))
                    .as(counter.apiName())
                    .isEqualTo(counter.of(topicDay.counts()));
        }
        assertThat(trendTotal(http, "people", "DAY", day, hot)).isEqualTo(12 + 2 + 1 + 4);
        assertThat(trendTotal(http, "people", "HOUR", day, hot)).isEqualTo(19);
        assertThat(trendTotal(http, "people", "WEEK", day, hot)).isEqualTo(19);
        assertThat(trendTotal(http, "people", "MONTH", day, hot)).isEqualTo(19);
        JsonNode hours =
                get(http, "/trend", "counter", "visits", "granularity", "HOUR", "from", day, "to", day, "commune", hot);
        assertThat(hours.get("points")).hasSize(24);
        assertThat(hours.get("points").get(at.getHour()).get("value").asLong()).isEqualTo(2);
        JsonNode both = get(http, "/trend", "counter", "visits", "from", day, "to", day, "commune", hot + "," + calm);
        assertThat(both.get("total").asLong()).isEqualTo(3);
        await().atMost(PATIENCE).until(() -> trendTotal(http, "events", "DAY", day, calm) == 2);

        // The ranking: the hot commune above the calm one.
        JsonNode top = get(http, "/top", "counter", "people", "from", day, "to", day, "limit", "1000");
        List<String> ranking = new ArrayList<>();
        top.get("communes").forEach(c -> ranking.add(c.get("communeCode").asString()));
        assertThat(ranking).contains(hot, calm);
        assertThat(ranking.indexOf(hot)).isLessThan(ranking.indexOf(calm));

        // The whole region's trend (its own rollup) equals the sum over the ranked communes.
        await().atMost(PATIENCE).until(() -> {
            long sumOfCommunes = 0;
            for (JsonNode ranked : get(http, "/top", "counter", "people", "from", day, "to", day, "limit", "1000")
                    .get("communes")) {
                sumOfCommunes += ranked.get("value").asLong();
            }
            return get(http, "/trend", "counter", "people", "from", day, "to", day)
                            .get("total")
                            .asLong()
                    == sumOfCommunes;
        });
        JsonNode region = get(http, "/trend", "counter", "people", "from", day, "to", day);
        assertThat(region.get("communes").asString()).isEqualTo("all");
        assertThat(region.get("total").asLong()).isGreaterThanOrEqualTo(19 + 1);
        assertThat(get(http, "/trend", "counter", "people", "granularity", "MONTH", "from", day, "to", day)
                        .get("total")
                        .asLong())
                .isGreaterThanOrEqualTo(region.get("total").asLong());

        // The alert history: raised, then acknowledged with a name and a note.
        JsonNode alert = await().atMost(PATIENCE)
                .until(
                        () -> get(http, "/alerts", "from", day, "to", day, "commune", hot, "rule", "INCIDENT")
                                .get("items"),
                        items -> items.size() == 1)
                .get(0);
        assertThat(alert.get("transitions").get(0).get("state").asString()).isEqualTo("OPEN");
        String id = alert.get("alertId").asString();
        assertThat(http.postJson(
                                "/api/v1/alerts/" + id + "/ack",
                                "{\"by\":\"Đội CSGT-TT\",\"note\":\"Đã đến hiện trường\"}")
                        .statusCode())
                .isEqualTo(202);
        JsonNode acknowledged = await().atMost(PATIENCE)
                .until(
                        () -> http.getJson("/api/v1/history/alerts/" + id),
                        a -> a.get("transitions").size() == 2);
        assertThat(acknowledged.get("state").asString()).isEqualTo("ACKNOWLEDGED");
        // The decision is the token's; the name the request gave is kept in the note.
        assertThat(acknowledged.get("transitions").get(1).get("by").asString())
                .startsWith("initial (configuration) (api#");
        assertThat(acknowledged.get("transitions").get(1).get("note").asString())
                .isEqualTo("Đội CSGT-TT: Đã đến hiện trường");
    }

    @Test
    void the_region_follows_its_communes_and_a_window_out_of_step_is_corrected() {
        // A window of its own, long ago, so that no other test's rows share it.
        Instant start =
                Instant.parse("2001-01-01T00:00:00Z").plus(Duration.ofHours(new SplittableRandom().nextInt(80_000)));
        String first = TestCommunes.fresh(region).code();
        String second = TestCommunes.fresh(region).code();
        indicators.saveAll(List.of(window(first, start, 7), window(second, start, 5)));
        String people = "SELECT people FROM region_indicator WHERE window_size = 'HOUR' AND window_start = ?";
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForList(people, Long.class, Timestamp.from(start)), List.of(12L)::equals);

        // A refresh lost (the app stopped before it ran) leaves the region out of step; the check on start corrects it.
        jdbc.update(
                "UPDATE region_indicator SET people = 999 WHERE window_size = 'HOUR' AND window_start = ?",
                Timestamp.from(start));
        // The app's sinks write other tests' windows meanwhile, whose refresh may be due: the check may correct those
        // too, so only this window is looked at.
        assertThat(regionRollup.rebuild()).isPositive();
        assertThat(jdbc.queryForObject(people, Long.class, Timestamp.from(start)))
                .isEqualTo(12L);
        // A window in step is left as it is: the check writes only the ones that differ (the row keeps its version).
        String version = "SELECT xmin::text FROM region_indicator WHERE window_size = 'HOUR' AND window_start = ?";
        String before = jdbc.queryForObject(version, String.class, Timestamp.from(start));
        regionRollup.rebuild();
        assertThat(jdbc.queryForObject(version, String.class, Timestamp.from(start)))
                .as("the row's version after a second check")
                .isEqualTo(before);
    }

    private static CommuneIndicators window(String commune, Instant start, long people) {
        return new CommuneIndicators(
                commune,
                CommuneIndicators.WindowSize.HOUR,
                start,
                start.plus(Duration.ofHours(1)),
                true,
                new Indicators(1, 1, 0, people, null, null, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void a_bad_query_is_refused_with_the_parameter_named() throws Exception {
        TestHttp http = new TestHttp(port);
        JsonNode unknownCounter = get(http, "/trend", "counter", "votes", "from", "2026-03-01", "to", "2026-03-02");
        assertThat(unknownCounter.get("status").asInt()).isEqualTo(400);
        assertThat(unknownCounter.get("errors").get(0).get("field").asString()).isEqualTo("counter");
        assertThat(unknownCounter.get("errors").get(0).get("message").asString())
                .contains("'votes'", "visits");

        JsonNode longHourly = get(
                http, "/trend", "counter", "visits", "granularity", "HOUR", "from", "2026-01-01", "to", "2026-12-31");
        assertThat(longHourly.get("errors").get(0).get("field").asString()).isEqualTo("to");

        JsonNode typo = get(http, "/events", "from", "2026-03-01", "to", "2026-03-02", "comune", "x");
        assertThat(typo.get("errors").get(0).get("field").asString()).isEqualTo("comune");

        JsonNode stranger = get(http, "/events", "from", "2026-03-01", "to", "2026-03-02", "commune", "99999");
        assertThat(stranger.get("errors").get(0).get("message").asString()).contains("'99999'");

        JsonNode backwards = get(http, "/alerts", "from", "2026-03-02", "to", "2026-03-01", "state", "CLOSED");
        assertThat(backwards.get("errors")).hasSize(2);

        assertThat(http.getJson("/api/v1/history/alerts/no-such-alert")
                        .get("status")
                        .asInt())
                .isEqualTo(404);
    }

    private long trendTotal(TestHttp http, String counter, String granularity, LocalDate day, String commune)
            throws Exception {
        return get(
                        http,
                        "/trend",
                        "counter",
                        counter,
                        "granularity",
                        granularity,
                        "from",
                        day,
                        "to",
                        day,
                        "commune",
                        commune)
                .get("total")
                .asLong();
    }

    private CommuneIndicators latestWindow(String commune, CommuneIndicators.WindowSize size) {
        CommuneIndicators latest = null;
        for (ConsumerRecord<String, byte[]> record : new TestKafka(kafka.getBootstrapServers())
                .collect(
                        HotspotTopics.COMMUNE_INDICATORS.name(),
                        r -> commune.equals(r.key()),
                        Integer.MAX_VALUE,
                        Duration.ofSeconds(3))) {
            CommuneIndicators window = Json.MAPPER.readValue(record.value(), CommuneIndicators.class);
            if (window.window() == size) {
                latest = window;
            }
        }
        return latest;
    }

    @Test
    void a_person_the_database_refuses_is_set_aside_by_its_event_id_never_logged_and_the_sink_goes_on(
            CapturedOutput output) throws Exception {
        // Another producer's record (a replay, a tool) without its commune: the database refuses it, always.
        UUID refused = UUID.randomUUID();
        new TestKafka(kafka.getBootstrapServers())
                .produce(
                        IntakeTopics.RECEPTION_EVENT_PERSONS.name(),
                        List.of(Map.entry(
                                refused.toString(),
                                ("{\"eventId\":\"" + refused + "\",\"person\":{\"name\":\"Trần Thị Kín Đáo\","
                                                + "\"idNumber\":\"084099001234\",\"phone\":\"0909777666\"}}")
                                        .getBytes(StandardCharsets.UTF_8))));
        // Then a citizen's event through intake, with the person: stored, the sink did not stop at the one before.
        String commune = TestCommunes.fresh(region).code();
        String withPerson = event(
                commune,
                OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS),
                "VISIT",
                ",\"content\":\"COMPLAINT\",\"field\":\"LAND\",\"headcount\":1,"
                        + "\"person\":{\"name\":\"Nguyễn Văn A\",\"idNumber\":\"084012345678\"}");
        UUID stored =
                UUID.fromString(Json.MAPPER.readTree(withPerson).get("eventId").asString());
        assertThat(new TestHttp(port).postJson("/api/v1/events", withPerson).statusCode())
                .isEqualTo(202);

        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM reception_person WHERE event_id = ?", Long.class, stored)
                        == 1);
        assertThat(jdbc.queryForList(
                        "SELECT reason FROM history_set_aside WHERE sink = ? AND item = ?",
                        String.class,
                        HistorySink.PERSONS_GROUP,
                        refused.toString()))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("23502")
                .contains("commune_code");
        assertThat(output.getAll())
                .as("the app's log")
                .doesNotContain("Kín Đáo")
                .doesNotContain("084099001234")
                .doesNotContain("0909777666");
    }

    static String event(String commune, OffsetDateTime at, String type, String more) {
        return """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"DISTRICT_OFFICE",\
                "type":"%s"%s}""".formatted(UUID.randomUUID(), at, commune, type, more);
    }

    static JsonNode get(TestHttp http, String path, Object... params) throws Exception {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            query.append(i == 0 ? '?' : '&')
                    .append(params[i])
                    .append('=')
                    .append(URLEncoder.encode(String.valueOf(params[i + 1]), StandardCharsets.UTF_8));
        }
        return http.getJson("/api/v1/history" + path + query);
    }
}

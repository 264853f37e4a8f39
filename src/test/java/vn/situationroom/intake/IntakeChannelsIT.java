package vn.situationroom.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.TestKafka;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.hotspot.HotspotTopics;
import vn.situationroom.platform.Json;
import vn.situationroom.region.Region;

/**
 * Every channel of intake with the real broker and database: a 1,000-event array over REST, a 10,000-row CSV, raw
 * records from a plain producer, the same id through three channels, and a corpus of bad inputs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class IntakeChannelsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaConnectionDetails kafkaDetails;

    @Autowired
    Region region;

    @Test
    void a_thousand_events_in_one_array_are_all_stored_and_written_to_the_topic_once() throws Exception {
        List<String> communes = List.of(fresh(), fresh(), fresh());
        List<String> events = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            events.add(event(id, communes.get(i % 3), 1 + i % 4, ""));
        }

        HttpResponse<String> response =
                post("/api/v1/events", "application/json", "[" + String.join(",", events) + "]");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(Json.MAPPER.readTree(response.body()).get("accepted").size()).isEqualTo(1000);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(storedCount(ids)).isEqualTo(1000));
        List<ConsumerRecord<String, byte[]>> onTopic =
                kafka().collect("reception-events", r -> ids.contains(fieldOf(r.value(), "eventId")), 1000, PATIENCE);
        assertThat(onTopic).hasSize(1000);
        assertThat(onTopic).allSatisfy(r -> assertThat(r.key()).isEqualTo(fieldOf(r.value(), "communeCode")));
    }

    @Test
    void a_csv_of_ten_thousand_rows_is_imported_whole() throws Exception {
        List<String> communes = List.of(fresh(), fresh(), fresh());
        StringBuilder csv = new StringBuilder(
                "eventId,occurredAt,communeCode,receptionPoint,type,content,field,headcount,person.name,person.phone\n");
        Set<String> ids = new java.util.HashSet<>();
        OffsetDateTime at = now().minusDays(2);
        for (int i = 0; i < 10_000; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            csv.append(id)
                    .append(',')
                    .append(at.plusSeconds(i))
                    .append(',')
                    .append(communes.get(i % 3))
                    .append(",COMMUNE_OFFICE,PETITION,DENUNCIATION,OFFICIAL_MISCONDUCT,1,")
                    .append(i % 10 == 0 ? "\"Nguyễn Văn Tố, " + i + "\",0912345678" : ",")
                    .append('\n');
        }

        long started = System.nanoTime();
        HttpResponse<String> response = post("/api/v1/events/import", "text/csv", csv.toString());
        System.out.printf("CSV import of 10,000 rows answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(10_000);
        assertThat(body.get("skippedRows").asInt()).isZero();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(storedCount(ids)).isEqualTo(10_000));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT count(*) FROM reception_person WHERE name LIKE 'Nguyễn Văn Tố, %'")
                                        .query(Long.class)
                                        .single())
                        .isEqualTo(1000L));
    }

    @Test
    void a_csv_with_bad_rows_is_refused_whole_or_imported_without_them_when_asked() throws Exception {
        String good = UUID.randomUUID().toString();
        String commune = fresh();
        String csv = "eventId,occurredAt,communeCode,receptionPoint,type,content,field,headcount\n"
                + good + "," + now() + "," + commune + ",POLICE,INCIDENT,,,12\n"
                + UUID.randomUUID() + "," + now() + ",00000,POLICE,VISIT,COMPLAINT,LAND,two\n";

        HttpResponse<String> refused = post("/api/v1/events/import", "text/csv", csv);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(refused)).containsExactly("2:severity", "3:communeCode", "3:headcount");
        Thread.sleep(1000);
        assertThat(storedCount(Set.of(good))).isZero();

        String fixed =
                csv.replace(",POLICE,INCIDENT,,,12", ",POLICE,INCIDENT,,,12").replace("header", "");
        fixed = fixed.replace(
                        "eventId,occurredAt,communeCode,receptionPoint,type,content,field,headcount",
                        "eventId,occurredAt,communeCode,receptionPoint,type,content,field,headcount,severity")
                .replace(",POLICE,INCIDENT,,,12\n", ",POLICE,INCIDENT,,,12,SERIOUS\n");
        HttpResponse<String> partial = post("/api/v1/events/import?mode=valid-rows", "text/csv", fixed);

        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(202);
        assertThat(Json.MAPPER.readTree(partial.body()).get("accepted").asInt()).isEqualTo(1);
        assertThat(Json.MAPPER.readTree(partial.body()).get("skippedRows").asInt())
                .isEqualTo(1);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(storedCount(Set.of(good))).isEqualTo(1));
    }

    @Test
    void raw_invalid_records_from_a_plain_producer_are_set_aside_with_their_bytes_and_a_reason() throws Exception {
        String marker = UUID.randomUUID().toString();
        String commune = fresh();
        String other = fresh();
        String personEventId = UUID.randomUUID().toString();
        String withPerson = event(personEventId, commune, 1, ",\"person\":{\"name\":\"" + marker + "\"}");
        String wrongKey = event(UUID.randomUUID().toString(), commune, 1, "");
        String badFields = "{\"eventId\":\"" + marker + "\",\"type\":\"RIOT\"}";
        List<Map.Entry<String, byte[]>> records = List.of(
                Map.entry(commune, ("not json " + marker).getBytes(StandardCharsets.UTF_8)),
                Map.entry(commune, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00, 0x7B}),
                Map.entry(commune, badFields.getBytes(StandardCharsets.UTF_8)),
                Map.entry(commune, withPerson.getBytes(StandardCharsets.UTF_8)),
                Map.entry(other, wrongKey.getBytes(StandardCharsets.UTF_8)));

        kafka().produce("reception-events", records);

        List<ConsumerRecord<String, byte[]>> rejected = kafka().collect(
                        "reception-events-rejected",
                        r -> records.stream().anyMatch(sent -> java.util.Arrays.equals(sent.getValue(), r.value()))
                                || new String(r.value(), StandardCharsets.UTF_8).contains(personEventId),
                        5,
                        PATIENCE);
        assertThat(rejected).hasSize(5);
        // Their own bytes, except the person: the copy of the record that carried one has it removed.
        assertThat(rejected)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filteredOn(value -> value.contains(personEventId))
                .singleElement()
                .satisfies(value -> assertThat(value).doesNotContain(marker).contains("\"personRemoved\":true"));
        assertThat(rejected)
                .extracting(r -> new String(
                                r.headers().lastHeader("rejection-reason").value(), StandardCharsets.UTF_8)
                        .replaceAll(":.*", ""))
                .containsExactlyInAnyOrder("$", "$", "occurredAt", "person", "key");
        assertThat(jdbc.sql("SELECT count(*) FROM reception_person WHERE name = ?")
                        .param(marker)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_same_event_id_through_three_channels_is_stored_once_and_counted_once() throws Exception {
        String id = UUID.randomUUID().toString();
        String commune = fresh();
        String json = event(id, commune, 7, "");

        assertThat(post("/api/v1/events", "application/json", json).statusCode())
                .isEqualTo(202);
        assertThat(post(
                                "/api/v1/events/import",
                                "text/csv",
                                "eventId,occurredAt,communeCode,receptionPoint,type,content,field,headcount\n"
                                        + id + ","
                                        + Json.MAPPER
                                                .readTree(json)
                                                .get("occurredAt")
                                                .asString() + "," + commune
                                        + ",DISTRICT_OFFICE,VISIT,COMPLAINT,LAND,7\n")
                        .statusCode())
                .isEqualTo(202);
        kafka().produce("reception-events", List.of(Map.entry(commune, json.getBytes(StandardCharsets.UTF_8))));
        String marker = UUID.randomUUID().toString();
        assertThat(post("/api/v1/events", "application/json", event(marker, commune, 1, ""))
                        .statusCode())
                .isEqualTo(202);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(storedCount(Set.of(id, marker))).isEqualTo(2));
        var topic = HotspotTopics.COMMUNE_HOTSPOTS;
        List<CommuneHotspot> levels =
                kafka().collect(topic.name(), r -> commune.equals(r.key()), 1000, Duration.ofSeconds(10)).stream()
                        .map(r -> topic.valueSerde().deserializer().deserialize(topic.name(), r.value()))
                        .toList();
        assertThat(levels.getLast().events()).isEqualTo(2);
        assertThat(levels.getLast().people()).isEqualTo(8);
        assertThat(levels).allSatisfy(level -> assertThat(level.events()).isLessThanOrEqualTo(2));
    }

    @Test
    void a_communes_events_count_together_whatever_partition_their_producer_chose() throws Exception {
        String commune = fresh();
        assertThat(post(
                                "/api/v1/events",
                                "application/json",
                                event(UUID.randomUUID().toString(), commune, 2, ""))
                        .statusCode())
                .isEqualTo(202);
        for (int partition = 0; partition < 3; partition++) {
            kafka().produce(
                            "reception-events",
                            partition,
                            List.of(Map.entry(
                                    commune,
                                    event(UUID.randomUUID().toString(), commune, 3, "")
                                            .getBytes(StandardCharsets.UTF_8))));
        }

        var topic = HotspotTopics.COMMUNE_HOTSPOTS;
        ConsumerRecord<String, byte[]> total = kafka().await(
                        topic.name(),
                        r -> commune.equals(r.key())
                                && topic.valueSerde()
                                                .deserializer()
                                                .deserialize(topic.name(), r.value())
                                                .events()
                                        == 4,
                        PATIENCE);
        assertThat(topic.valueSerde()
                        .deserializer()
                        .deserialize(topic.name(), total.value())
                        .people())
                .isEqualTo(11);
    }

    @Test
    void bad_input_gets_a_4xx_that_names_the_problem_and_the_app_stays_up() throws Exception {
        String valid = event(UUID.randomUUID().toString(), fresh(), 1, "");
        List<String> corpus = List.of(
                "",
                " ",
                "null",
                "true",
                "\"event\"",
                "[]",
                "[[]]",
                "{}",
                "[{}, 1, null]",
                "{\"eventId\": }",
                "{\"eventId\":\"" + UUID.randomUUID() + "\"",
                "[" + valid + ",",
                valid.replace("\"headcount\":1", "\"headcount\":1e400"),
                valid.replace("\"headcount\":1", "\"headcount\":99999999999999999999999"),
                valid.replace("\"headcount\":1", "\"headcount\":{\"$gt\":0}"),
                valid.replace("\"type\":\"VISIT\"", "\"type\":[\"VISIT\"]"),
                valid.replace("\"receptionPoint\":\"DISTRICT_OFFICE\"", "\"receptionPoint\":null"),
                valid.replace("+07:00", "+25:00"),
                valid.replace("+07:00", ""),
                valid.replace("\"field\":\"LAND\"", "\"field\":\"LAND\",\"summary\":\"" + "x".repeat(5000) + "\""),
                valid.replace("\"field\":\"LAND\"", "\"field\":\"LAND\",\"__proto__\":{}"),
                "[" + String.join(",", java.util.Collections.nCopies(1001, valid)) + "]",
                "[".repeat(10_000) + "]".repeat(10_000),
                "{\"a\":\"" + "x".repeat(1_100_000) + "\"}");

        for (String body : corpus) {
            HttpResponse<String> response = post("/api/v1/events", "application/json", body);
            String shown = body.length() > 80 ? body.substring(0, 80) + "…" : body;
            assertThat(response.statusCode()).as(shown).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(shown)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode errors = Json.MAPPER.readTree(response.body()).get("errors");
            assertThat(errors).as(shown).isNotNull();
            assertThat(errors.valueStream().toList()).as(shown).isNotEmpty().allSatisfy(error -> {
                assertThat(error.get("field").asString()).isNotBlank();
                assertThat(error.get("message").asString()).isNotBlank();
            });
        }
        List<String> csvCorpus = List.of(
                "",
                "eventId\n",
                "garbage,\"unclosed\n",
                "a,b,c\n1,2,3\n",
                "eventId,occurredAt,communeCode,receptionPoint,type,type\nx,y,z,POLICE,VISIT,VISIT\n");
        for (String csv : csvCorpus) {
            HttpResponse<String> response = post("/api/v1/events/import", "text/csv", csv);
            assertThat(response.statusCode()).as(csv).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(response.body()).get("errors").size())
                    .as(csv)
                    .isPositive();
        }
        assertThat(post("/api/v1/events", "application/json", valid).statusCode())
                .isEqualTo(202);
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaDetails.getBootstrapServers());
    }

    private long storedCount(Set<String> ids) {
        return jdbc.sql("SELECT count(*) FROM reception_event WHERE event_id::text IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
    }

    private List<String> fieldsOf(HttpResponse<String> response) {
        return Json.MAPPER
                .readTree(response.body())
                .get("errors")
                .valueStream()
                .map(e -> e.get("row").asInt() + ":" + e.get("field").asString())
                .collect(Collectors.toList());
    }

    /** A field of a record's JSON value; empty for the records other tests wrote that are not JSON at all. */
    private static String fieldOf(byte[] value, String field) {
        try {
            return Json.MAPPER.readTree(value).path(field).asString("");
        } catch (tools.jackson.core.JacksonException e) {
            return "";
        }
    }

    /** A commune no other test uses, so that the counts of its windows are this test's alone. */
    private String fresh() {
        return TestCommunes.fresh(region).code();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String event(String id, String commune, int headcount, String more) {
        return """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"DISTRICT_OFFICE","type":"VISIT",\
                "content":"COMPLAINT","field":"LAND","headcount":%d%s}""".formatted(id, now(), commune, headcount, more);
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return new TestHttp(port).post(path, contentType, body);
    }
}

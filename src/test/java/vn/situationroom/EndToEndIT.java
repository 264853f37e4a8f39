package vn.situationroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.HotspotTopics;
import vn.situationroom.live.LiveHotspots;
import vn.situationroom.region.Region;

/**
 * The whole path with the real parts: an event offered over REST or written straight to Kafka is stored in
 * PostgreSQL, changes its commune's level on {@code commune-hotspots}, and reaches the live feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class EndToEndIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LiveHotspots live;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    Region region;

    @Test
    void an_event_posted_over_rest_is_stored_raises_its_commune_and_reaches_the_live_feed() throws Exception {
        String commune = fresh();
        BlockingQueue<CommuneHotspot> pushed = new LinkedBlockingQueue<>();
        LiveHotspots.Registration registration = live.subscribe(pushed::add);
        UUID id = UUID.randomUUID();

        HttpResponse<String> response = post(event(id, commune, 12));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains(id.toString());
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(storedHeadcount(id)).contains(12));
        CommuneHotspot onTopic = awaitHotspot(commune, h -> h.people() >= 12);
        assertThat(onTopic.level()).isIn(HotspotLevel.WARNING, HotspotLevel.CRITICAL);
        CommuneHotspot pushedChange = pushed.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        while (pushedChange != null && !(pushedChange.communeCode().equals(commune) && pushedChange.people() >= 12)) {
            pushedChange = pushed.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        registration.remove();
        assertThat(pushedChange).as("the change pushed to live subscribers").isNotNull();
        assertThat(pushedChange.level()).isEqualTo(onTopic.level());
        assertThat(live.current().get(commune).people()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void the_same_event_id_twice_is_stored_once() throws Exception {
        UUID id = UUID.randomUUID();
        String body = event(id, fresh(), 1);

        assertThat(post(body).statusCode()).isEqualTo(202);
        assertThat(post(body).statusCode()).isEqualTo(202);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(storedHeadcount(id)).isPresent());
        Thread.sleep(1000);
        assertThat(jdbc.sql("SELECT count(*) FROM reception_event WHERE event_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void a_bad_request_names_every_bad_field_of_every_element_and_stores_nothing() throws Exception {
        UUID good = UUID.randomUUID();
        String body = "[" + event(good, fresh(), 1) + ","
                + "{\"eventId\":\"nope\",\"occurredAt\":\"2026-01-01T00:00:00+07:00\",\"communeCode\":\"00000\","
                + "\"type\":\"VISIT\",\"headcount\":0}]";

        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("[1].eventId", "[1].communeCode", "[1].headcount")
                .doesNotContain("[0].");
        Thread.sleep(1500);
        assertThat(storedHeadcount(good)).isEmpty();
    }

    @Test
    void malformed_json_gets_a_problem_not_a_server_error() throws Exception {
        HttpResponse<String> response = post("{\"eventId\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("malformed JSON");
    }

    @Test
    void a_record_written_straight_to_kafka_counts_and_a_bad_one_is_set_aside() throws Exception {
        UUID id = UUID.randomUUID();
        String commune = fresh();
        new TestKafka(kafka.getBootstrapServers())
                .produce(
                        "reception-events",
                        List.of(
                                Map.entry(commune, bytes(event(id, commune, 25))),
                                Map.entry(commune, bytes("garbage from another system"))));

        assertThat(awaitHotspot(commune, h -> h.people() >= 25).level()).isEqualTo(HotspotLevel.CRITICAL);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(storedHeadcount(id)).contains(25));
        ConsumerRecord<String, byte[]> rejected = awaitRecord(
                "reception-events-rejected",
                r -> new String(r.value(), StandardCharsets.UTF_8).equals("garbage from another system"));
        assertThat(new String(rejected.headers().lastHeader("rejection-reason").value(), StandardCharsets.UTF_8))
                .startsWith("$: malformed JSON");
    }

    private CommuneHotspot awaitHotspot(String commune, java.util.function.Predicate<CommuneHotspot> condition) {
        var topic = HotspotTopics.COMMUNE_HOTSPOTS;
        ConsumerRecord<String, byte[]> record = awaitRecord(
                topic.name(),
                r -> commune.equals(r.key())
                        && condition.test(topic.valueSerde().deserializer().deserialize(topic.name(), r.value())));
        return topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
    }

    private ConsumerRecord<String, byte[]> awaitRecord(
            String topic, java.util.function.Predicate<ConsumerRecord<String, byte[]>> condition) {
        return new TestKafka(kafka.getBootstrapServers()).await(topic, condition, PATIENCE);
    }

    /** A commune of the loaded region that no other test uses, so that tests sharing the broker do not meet. */
    private String fresh() {
        return TestCommunes.fresh(region).code();
    }

    private Optional<Integer> storedHeadcount(UUID id) {
        return jdbc.sql("SELECT headcount FROM reception_event WHERE event_id = ?")
                .param(id)
                .query(Integer.class)
                .optional();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return new TestHttp(port).postJson("/api/v1/events", body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String event(UUID id, String commune, int headcount) {
        OffsetDateTime now =
                OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"DISTRICT_OFFICE","type":"VISIT",
                 "content":"COMPLAINT","field":"LAND","headcount":%d}""".formatted(id, now, commune, headcount);
    }
}

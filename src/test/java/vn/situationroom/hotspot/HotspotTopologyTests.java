package vn.situationroom.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.situationroom.intake.IntakeTopics;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.TestEvents;

class HotspotTopologyTests {

    private static final String COMMUNE = "10001";
    private static final String OTHER_COMMUNE = "10002";
    private static final OffsetDateTime EIGHT = OffsetDateTime.of(2026, 3, 15, 8, 0, 0, 0, ZoneOffset.ofHours(7));
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-03-15T12:00:00Z"), ZoneOffset.UTC);

    private final HotspotSettings settings = new HotspotSettings(Duration.ofHours(1), Duration.ofMinutes(10), null, null, null);
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<String, CommuneHotspot> hotspots;
    private TestOutputTopic<String, byte[]> rejected;

    @BeforeEach
    void startDriver() {
        driver = new TopologyTestDriver(
                HotspotTopology.buildTopology(settings, Set.of(COMMUNE, OTHER_COMMUNE), NOON),
                Instant.parse("2026-03-15T00:00:00Z"));
        events = driver.createInputTopic(
                IntakeTopics.RECEPTION_EVENTS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        hotspots = driver.createOutputTopic(HotspotTopics.COMMUNE_HOTSPOTS.name(), Serdes.String().deserializer(),
                HotspotTopics.COMMUNE_HOTSPOTS.valueSerde().deserializer());
        rejected = driver.createOutputTopic(IntakeTopics.RECEPTION_EVENTS_REJECTED.name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void a_crowd_raises_its_communes_level_at_once() {
        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(10), 12));

        CommuneHotspot hotspot = hotspots.readValue();
        assertThat(hotspot.communeCode()).isEqualTo(COMMUNE);
        assertThat(hotspot.level()).isEqualTo(HotspotLevel.WARNING);
        assertThat(hotspot.people()).isEqualTo(12);
        assertThat(hotspot.windowStart()).isEqualTo(EIGHT.toInstant());
        assertThat(hotspot.windowEnd()).isEqualTo(EIGHT.plusHours(1).toInstant());
    }

    @Test
    void small_visits_add_up_to_a_watch_level_within_the_hour() {
        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(5), 1));
        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(20), 1));
        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(55), 1));

        assertThat(hotspots.readValuesToList())
                .extracting(CommuneHotspot::level)
                .containsExactly(HotspotLevel.NORMAL, HotspotLevel.NORMAL, HotspotLevel.WATCH);
    }

    @Test
    void the_next_hour_starts_counting_afresh() {
        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(10), 12));
        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(65), 1));

        List<CommuneHotspot> values = hotspots.readValuesToList();
        assertThat(values).hasSize(2);
        assertThat(values.get(1).level()).isEqualTo(HotspotLevel.NORMAL);
        assertThat(values.get(1).people()).isEqualTo(1);
        assertThat(values.get(1).windowStart()).isEqualTo(EIGHT.plusHours(1).toInstant());
    }

    @Test
    void a_late_event_counts_in_its_own_hour_within_the_grace_and_not_after() {
        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(10), 3));
        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(65), 1)); // stream time 09:05
        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(50), 3)); // 08:50, within 10 minutes of grace
        hotspots.readValuesToList();

        WindowStore<String, WindowCounts> store = driver.getWindowStore(HotspotTopology.WINDOW_COUNTS_STORE);
        assertThat(store.fetch(COMMUNE, EIGHT.toInstant().toEpochMilli())).isEqualTo(new WindowCounts(2, 6));

        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(75), 1)); // stream time 09:15: the 08:00 window is closed
        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(55), 30));

        assertThat(hotspots.readValuesToList())
                .allSatisfy(h -> assertThat(h.windowStart()).isEqualTo(EIGHT.plusHours(1).toInstant()));
        assertThat(store.fetch(COMMUNE, EIGHT.toInstant().toEpochMilli())).isEqualTo(new WindowCounts(2, 6));
    }

    @Test
    void communes_are_counted_apart() {
        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(10), 25));
        send(OTHER_COMMUNE, event(OTHER_COMMUNE, EIGHT.plusMinutes(11), 1));

        assertThat(hotspots.readKeyValuesToList()).extracting(kv -> kv.key + ":" + kv.value.level())
                .containsExactly(COMMUNE + ":CRITICAL", OTHER_COMMUNE + ":NORMAL");
    }

    @Test
    void a_poison_record_is_set_aside_with_its_bytes_and_reason_and_the_stream_goes_on() {
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        events.pipeInput(COMMUNE, poison);
        send(COMMUNE, event(COMMUNE, EIGHT.plusMinutes(10), 12));

        TestRecord<String, byte[]> record = rejected.readRecord();
        assertThat(record.value()).isEqualTo(poison);
        assertThat(reason(record)).startsWith("$: malformed JSON");
        assertThat(hotspots.readValue().level()).isEqualTo(HotspotLevel.WARNING);
    }

    @Test
    void an_unknown_commune_or_a_key_that_is_not_the_commune_is_rejected() {
        events.pipeInput("99999", json(event("99999", EIGHT, 1)));
        events.pipeInput(OTHER_COMMUNE, json(event(COMMUNE, EIGHT, 1)));
        events.pipeInput((String) null, json(event(COMMUNE, EIGHT, 1)));

        List<TestRecord<String, byte[]>> records = rejected.readRecordsToList();
        assertThat(records).extracting(HotspotTopologyTests::reason).containsExactly(
                "communeCode: is not a commune of the loaded region: \"99999\"",
                "key: the record key must be the commune code " + COMMUNE + ", not " + OTHER_COMMUNE,
                "key: the record key must be the commune code " + COMMUNE + ", not null");
        assertThat(hotspots.isEmpty()).isTrue();
    }

    @Test
    void the_same_event_id_twice_is_counted_once() {
        ReceptionEvent crowd = event(COMMUNE, EIGHT.plusMinutes(5), 6);
        send(COMMUNE, crowd);
        send(COMMUNE, crowd);
        send(COMMUNE, TestEvents.withId(crowd, UUID.randomUUID()));
        send(COMMUNE, event(COMMUNE, EIGHT.plusHours(2), 1));
        send(COMMUNE, crowd);

        assertThat(hotspots.readValuesToList()).extracting(CommuneHotspot::people).containsExactly(6L, 12L, 1L);
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void a_record_that_carries_personal_data_is_refused_so_that_it_reaches_no_analytics() {
        byte[] withPerson = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-03-15T08:00:00+07:00\","
                + "\"communeCode\":\"" + COMMUNE + "\",\"receptionPoint\":\"POLICE\",\"type\":\"INCIDENT\","
                + "\"severity\":\"MINOR\",\"person\":{\"name\":\"Lê Văn C\"}}").getBytes(StandardCharsets.UTF_8);
        events.pipeInput(COMMUNE, withPerson);

        assertThat(reason(rejected.readRecord())).startsWith("person: personal data must not be written");
        assertThat(hotspots.isEmpty()).isTrue();
    }

    private void send(String key, ReceptionEvent event) {
        events.pipeInput(key, json(event));
    }

    private static ReceptionEvent event(String commune, OffsetDateTime at, int headcount) {
        return TestEvents.visit(commune, at, headcount);
    }

    private static byte[] json(ReceptionEvent event) {
        return IntakeTopics.RECEPTION_EVENTS.valueSerde().serializer().serialize("test", event);
    }

    private static String reason(TestRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(IntakeTopics.REJECTION_REASON_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

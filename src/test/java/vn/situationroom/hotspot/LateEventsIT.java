package vn.situationroom.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.TestHttp;
import vn.situationroom.TestKafka;
import vn.situationroom.intake.IntakeTopics;
import vn.situationroom.region.Region;

/**
 * Events that come late are counted: a backlog of three days written straight to the topic in shuffled order (half
 * of it in partitions other than its communes', as kcat puts it), and a CSV import of a reception book of last week.
 * Afterwards every hour and day window of those communes in the history equals a recount of the stored events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class LateEventsIT {

    private static final int PARTITIONS = 3;

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_shuffled_backlog_and_an_import_of_last_week_are_counted_in_their_windows_as_a_recount_of_the_history()
            throws Exception {
        List<String> communes = List.of(
                TestCommunes.fresh(region).code(),
                TestCommunes.fresh(region).code(),
                TestCommunes.fresh(region).code());
        Random random = new Random(16);
        OffsetDateTime now =
                OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7))).truncatedTo(ChronoUnit.SECONDS);

        // Three days of events, in shuffled order: nearly every one is for a window that closed long ago.
        List<String[]> backlog = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String commune = communes.get(random.nextInt(communes.size()));
            OffsetDateTime at = now.minusMinutes(1 + random.nextInt(3 * 24 * 60));
            backlog.add(new String[] {
                commune, event(commune, at, 1 + random.nextInt(4), i % 5 == 0 ? "PETITION" : "VISIT")
            });
        }
        Collections.shuffle(backlog, random);
        TestKafka topic = new TestKafka(kafka.getBootstrapServers());
        List<Map.Entry<String, byte[]>> placed = new ArrayList<>();
        for (String[] record : backlog.subList(0, 1500)) {
            placed.add(Map.entry(record[0], record[1].getBytes(StandardCharsets.UTF_8)));
        }
        topic.produce(IntakeTopics.RECEPTION_EVENTS.name(), placed);
        // Another partitioner than Kafka's own: the partition after the commune's.
        Map<Integer, List<Map.Entry<String, byte[]>>> elsewhere = new TreeMap<>();
        for (String[] record : backlog.subList(1500, backlog.size())) {
            elsewhere
                    .computeIfAbsent((Placement.owner(record[0], PARTITIONS) + 1) % PARTITIONS, p -> new ArrayList<>())
                    .add(Map.entry(record[0], record[1].getBytes(StandardCharsets.UTF_8)));
        }
        for (var partition : elsewhere.entrySet()) {
            topic.produce(IntakeTopics.RECEPTION_EVENTS.name(), partition.getKey(), partition.getValue());
        }

        // Last week's reception book, imported this morning.
        StringBuilder csv =
                new StringBuilder("eventId,occurredAt,communeCode,receptionPoint,type,content,field," + "headcount\n");
        for (int i = 0; i < 500; i++) {
            csv.append(UUID.randomUUID())
                    .append(',')
                    .append(now.minusDays(7).minusMinutes(random.nextInt(24 * 60)))
                    .append(',')
                    .append(communes.get(i % communes.size()))
                    .append(",COMMUNE_OFFICE,VISIT,REFLECTION,LAND,")
                    .append(1 + i % 3)
                    .append('\n');
        }
        HttpResponse<String> imported = new TestHttp(port).post("/api/v1/events/import", "text/csv", csv.toString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    assertThat(stored(communes)).as("stored events").isEqualTo(3500);
                    assertThat(indicators(communes)).isEqualTo(recount(communes));
                });
    }

    private long stored(List<String> communes) {
        return jdbc.sql("SELECT count(*) FROM reception_event WHERE commune_code IN (:communes)")
                .param("communes", communes)
                .query(Long.class)
                .single();
    }

    /** Events and people of every hour and day window of the communes, as the analytics wrote them. */
    private Map<String, List<Long>> indicators(List<String> communes) {
        Map<String, List<Long>> windows = new TreeMap<>();
        jdbc.sql("""
                SELECT commune_code, window_size, window_start, events, people FROM commune_indicator
                WHERE commune_code IN (:communes)""")
                .param("communes", communes)
                .query((rs, n) -> windows.put(
                        rs.getString(1) + "/" + rs.getString(2) + "/"
                                + rs.getTimestamp(3).toInstant(),
                        List.of(rs.getLong(4), rs.getLong(5))))
                .list();
        return windows;
    }

    /** The same, recounted from the stored events: hours, and days of the country's calendar. */
    private Map<String, List<Long>> recount(List<String> communes) {
        Map<String, List<Long>> windows = new TreeMap<>();
        jdbc.sql("""
                SELECT commune_code, 'HOUR', date_trunc('hour', occurred_at), count(*), sum(headcount)
                FROM reception_event WHERE commune_code IN (:communes) GROUP BY 1, 2, 3
                UNION ALL
                SELECT commune_code, 'DAY',
                       date_trunc('day', occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'Asia/Ho_Chi_Minh',
                       count(*), sum(headcount)
                FROM reception_event WHERE commune_code IN (:communes) GROUP BY 1, 2, 3""")
                .param("communes", communes)
                .query((rs, n) -> windows.put(
                        rs.getString(1) + "/" + rs.getString(2) + "/"
                                + rs.getTimestamp(3).toInstant(),
                        List.of(rs.getLong(4), rs.getLong(5))))
                .list();
        return windows;
    }

    private static String event(String commune, OffsetDateTime at, int headcount, String type) {
        return """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"DISTRICT_OFFICE",\
                "type":"%s","content":"REFLECTION","field":"LAND","headcount":%d}""".formatted(UUID.randomUUID(), at, commune, type, headcount);
    }
}

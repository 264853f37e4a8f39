package vn.situationroom;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.situationroom.hotspot.CommuneIndicators;
import vn.situationroom.hotspot.HotspotTopics;

/**
 * Events a test client offers to the app (each with its id and time fixed when made, so that sending one again sends
 * the same), and what the indicators must then say: a recount of the accepted ones per commune and window, compared
 * with the latest indicators the stream wrote.
 */
public final class OfferedEvents {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private OfferedEvents() {}

    /** An event the client offers. */
    public record Offered(UUID id, String commune, int headcount, OffsetDateTime at) {

        /** An event of a few seconds ago. */
        public Offered(UUID id, String commune, int headcount) {
            this(
                    id,
                    commune,
                    headcount,
                    OffsetDateTime.now(TestClock.at(VIETNAM)).minusSeconds(5).truncatedTo(ChronoUnit.SECONDS));
        }

        /** The event as intake's JSON: a petition of the commune office. */
        public String json() {
            return """
                    {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"COMMUNE_OFFICE",\
                    "type":"PETITION","content":"REFLECTION","field":"OTHER","headcount":%d}""".formatted(id, at, commune, headcount);
        }
    }

    /** The events as one JSON array, as a client posts a batch. */
    public static String jsonArray(Collection<Offered> events) {
        return events.stream().map(Offered::json).collect(Collectors.joining(",", "[", "]"));
    }

    /** Events and people per commune, window size and window start, from the events the app accepted. */
    public static Map<String, List<Long>> recount(Collection<Offered> accepted) {
        Map<String, long[]> counts = new HashMap<>();
        for (Offered event : accepted) {
            Instant hour = event.at().toInstant().truncatedTo(ChronoUnit.HOURS);
            Instant day = event.at().toLocalDate().atStartOfDay(VIETNAM).toInstant();
            for (String key : List.of(event.commune() + "/HOUR/" + hour, event.commune() + "/DAY/" + day)) {
                long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                c[0]++;
                c[1] += event.headcount();
            }
        }
        Map<String, List<Long>> result = new HashMap<>();
        counts.forEach((key, c) -> result.put(key, List.of(c[0], c[1])));
        return result;
    }

    /**
     * The latest indicators of each window of the given communes on the broker, once they equal the expected ones (or
     * patience runs out): events and people per commune, window size and window start, as {@link #recount} has them.
     */
    public static Map<String, List<Long>> awaitIndicators(
            List<String> bootstrap, Set<String> communes, Map<String, List<Long>> expected, Duration patience)
            throws InterruptedException {
        var topic = HotspotTopics.COMMUNE_INDICATORS;
        long deadline = System.nanoTime() + patience.toNanos();
        Map<String, List<Long>> latest = new HashMap<>();
        while (System.nanoTime() < deadline) {
            latest.clear();
            for (ConsumerRecord<String, byte[]> record : new TestKafka(bootstrap)
                    .collect(topic.name(), r -> true, Integer.MAX_VALUE, Duration.ofSeconds(5))) {
                CommuneIndicators indicators =
                        topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
                if (!communes.contains(indicators.communeCode())) {
                    continue;
                }
                String key = indicators.communeCode() + "/" + indicators.window() + "/" + indicators.windowStart();
                latest.put(
                        key,
                        List.of(
                                indicators.counts().events(),
                                indicators.counts().people()));
            }
            if (latest.equals(expected)) {
                break;
            }
            Thread.sleep(1000);
        }
        return latest;
    }
}

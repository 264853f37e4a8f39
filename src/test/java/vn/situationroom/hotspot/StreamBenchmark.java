package vn.situationroom.hotspot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.tools.ConsumerPerformance;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.Destination;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.intake.IntakeTopics;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.intake.Severity;
import vn.situationroom.platform.Json;
import vn.situationroom.region.RegionLoader;

/**
 * The stream's benchmark, not a test (bench/stream.sh runs it against a running app): Kafka's own
 * {@link ConsumerPerformance} on a scratch topic of the app's broker first, then a backlog of valid events written to
 * {@code reception-events} at full speed, and the rate at which the hotspot topology and each history sink caught up
 * with it, watched as an outsider would, through their consumer groups' committed offsets. Also the bytes the
 * topology wrote to its changelogs per event and the largest state value among them.
 *
 * <p>Settings (system properties): bench.bootstrap (localhost:9092), bench.events (300000), bench.communes (15),
 * bench.case-refs (5000), bench.days (3: the backlog's events are spread in time order over the days before now),
 * bench.region (the GeoJSON resource or file whose communes the events use; the app must have loaded the same),
 * bench.patience (PT30M), bench.skip-raw (false: measure Kafka's own consumer first), bench.sinks (true: false when the
 * app runs with its history sinks paused, which are then not waited for). The report goes to standard output and to
 * target/bench/stream.txt.
 */
public class StreamBenchmark {

    private static final String STREAMS_GROUP = "situation-room-hotspots";
    private static final Map<String, String> SINK_GROUPS = Map.of(
            "situation-room-history", "events into reception_event",
            "situation-room-history-indicators", "windows into commune_indicator");
    /** The groups that read reception-events itself. */
    private static final Set<String> READS_EVENTS = Set.of(STREAMS_GROUP, "situation-room-history");

    private final String bootstrap = System.getProperty("bench.bootstrap", "localhost:9092");
    private final int events = Integer.getInteger("bench.events", 300_000);
    private final int communes = Integer.getInteger("bench.communes", 15);
    private final int caseRefs = Integer.getInteger("bench.case-refs", 5000);
    private final int days = Integer.getInteger("bench.days", 3);
    private final String regionFile = System.getProperty("bench.region", "classpath:region/cau-ngang-communes.geojson");
    private final Duration patience = Duration.parse(System.getProperty("bench.patience", "PT30M"));
    private final boolean sinks = Boolean.parseBoolean(System.getProperty("bench.sinks", "true"));
    private final List<String> report = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new StreamBenchmark().run();
    }

    void run() throws Exception {
        List<String> codes = communeCodes();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(IntakeTopics.RECEPTION_EVENTS.name())) {
                throw new IllegalStateException("No topic " + IntakeTopics.RECEPTION_EVENTS.name() + " on " + bootstrap
                        + ": start the app first (see README, Benchmarks)");
            }
            List<byte[][]> backlog = backlog(codes);
            int partitions = admin.describeTopics(List.of(IntakeTopics.RECEPTION_EVENTS.name()))
                    .allTopicNames()
                    .get()
                    .get(IntakeTopics.RECEPTION_EVENTS.name())
                    .partitions()
                    .size();
            line(
                    "Stream benchmark on %s: %,d events over %d days, %d communes, %,d case refs, %d partitions",
                    bootstrap, events, days, communes, caseRefs, partitions);
            double raw = Boolean.getBoolean("bench.skip-raw") ? Double.NaN : rawConsumeRate(admin, backlog, partitions);

            List<String> changelogs = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(STREAMS_GROUP + "-") && t.endsWith("-changelog"))
                    .sorted()
                    .toList();
            Map<TopicPartition, Long> changelogStart = endOffsets(admin, changelogs);
            Map<TopicPartition, Long> target = new HashMap<>();
            long started = System.nanoTime();
            produce(IntakeTopics.RECEPTION_EVENTS.name(), backlog, target);
            double written = seconds(started);
            line(
                    "written to %s in %.1f s (%,.0f events/s)",
                    IntakeTopics.RECEPTION_EVENTS.name(), written, events / written);

            Map<String, Double> caughtUp = awaitCaughtUp(admin, target, started);
            Double topology = caughtUp.get(STREAMS_GROUP);
            line("");
            line("| what | caught up after | events/s |");
            line("| --- | --- | --- |");
            line("| Kafka's ConsumerPerformance, scratch topic (raw consume) | | %,.0f |", raw);
            line(
                    "| hotspot topology (%s), exactly_once_v2 | %s | **%s** |",
                    STREAMS_GROUP,
                    topology == null ? "not within " + patience : "%.1f s".formatted(topology),
                    topology == null ? "" : "%,.0f".formatted(events / topology));
            for (var sink : new TreeMap<>(SINK_GROUPS).entrySet()) {
                Double at = caughtUp.get(sink.getKey());
                line(
                        "| history sink: %s | %s | %s |",
                        sink.getValue(),
                        !sinks ? "paused" : at == null ? "not within patience" : "%.1f s".formatted(at),
                        at == null ? "" : "%,.0f".formatted(events / at));
            }
            line("");
            if (topology != null) {
                line("topology / raw consume: **%.2f**", events / topology / raw);
            }
            changelogFigures(changelogs, changelogStart);
        }
        Path out = Path.of("target", "bench", "stream.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    /** The first communes of the region the app loaded (bench.region), as many as bench.communes. */
    private List<String> communeCodes() throws Exception {
        var in = regionFile.startsWith("classpath:")
                ? getClass().getResourceAsStream("/" + regionFile.substring("classpath:".length()))
                : Files.newInputStream(Path.of(regionFile.replaceFirst("^file:", "")));
        if (in == null) {
            throw new IllegalArgumentException("bench.region: no such resource " + regionFile);
        }
        List<String> codes;
        try (in) {
            codes = RegionLoader.load(in, regionFile, "").communes().stream()
                    .map(c -> c.code())
                    .toList();
        }
        if (codes.size() < communes) {
            throw new IllegalArgumentException("bench.communes=" + communes + " but " + regionFile + " has only "
                    + codes.size() + " communes; give a larger region (bench.region) and start the app with it");
        }
        return codes.subList(0, communes);
    }

    /**
     * The backlog, serialized before the clock starts: valid events in time order over the last days, each case ref
     * belonging to one commune, with the mix of a busy reception (visits and petitions most, some case updates,
     * incidents and escalations, an occasional crowd).
     */
    private List<byte[][]> backlog(List<String> codes) {
        SplittableRandom random = new SplittableRandom(20260315);
        Instant end = Instant.now().minusSeconds(5);
        long span = Duration.ofDays(days).toMillis();
        List<byte[][]> records = new ArrayList<>(events);
        // Case refs of this run only: a second run on the same app is not a replay of the first one's cases.
        String run = "BENCH-" + Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < events; i++) {
            Instant at = end.minusMillis(span - span * i / events);
            int caseIndex = random.nextInt(caseRefs);
            String commune = codes.get(caseIndex % codes.size());
            int kind = random.nextInt(100);
            EventType type = kind < 55
                    ? EventType.VISIT
                    : kind < 85
                            ? EventType.PETITION
                            : kind < 95 ? EventType.CASE_UPDATE : kind < 98 ? EventType.INCIDENT : EventType.ESCALATION;
            boolean asks = type == EventType.VISIT || type == EventType.PETITION;
            String caseRef = asks || type == EventType.CASE_UPDATE ? run + "-" + caseIndex : null;
            int headcount =
                    type == EventType.VISIT && random.nextInt(50) == 0 ? 5 + random.nextInt(20) : 1 + random.nextInt(3);
            ReceptionEvent event = new ReceptionEvent(
                    UUID.randomUUID(),
                    OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(7)),
                    null,
                    commune,
                    ReceptionPoint.values()[random.nextInt(ReceptionPoint.values().length)],
                    type,
                    asks ? Content.values()[random.nextInt(Content.values().length)] : null,
                    asks ? Field.values()[random.nextInt(Field.values().length)] : null,
                    headcount,
                    asks && random.nextInt(10) == 0,
                    asks && random.nextInt(50) == 0,
                    caseRef,
                    null,
                    type == EventType.INCIDENT ? Severity.MINOR : null,
                    type == EventType.ESCALATION ? Destination.PROVINCE : null,
                    type == EventType.CASE_UPDATE ? vn.situationroom.intake.CaseStatus.DIALOGUE : null,
                    null);
            records.add(new byte[][] {commune.getBytes(StandardCharsets.UTF_8), Json.MAPPER.writeValueAsBytes(event)});
        }
        return records;
    }

    /** Kafka's own consumer tool on a scratch topic holding the same records, deleted afterwards. */
    private double rawConsumeRate(Admin admin, List<byte[][]> backlog, int partitions) throws Exception {
        String scratch = "bench-scratch-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(scratch, partitions, (short) 1)))
                .all()
                .get();
        try {
            produce(scratch, backlog, new HashMap<>());
            PrintStream console = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                ConsumerPerformance.main(new String[] {
                    "--bootstrap-server",
                    bootstrap,
                    "--topic",
                    scratch,
                    "--messages",
                    String.valueOf(backlog.size()),
                    "--timeout",
                    "60000",
                    "--hide-header"
                });
            } finally {
                System.setOut(console);
            }
            // start, end, MB, MB/s, messages, messages/s, join ms, fetch ms, fetch MB/s, fetch messages/s
            String[] fields = captured.toString(StandardCharsets.UTF_8)
                    .strip()
                    .lines()
                    .reduce((a, b) -> b)
                    .orElseThrow()
                    .split(",\\s*");
            double fetchRate = Double.parseDouble(fields[9]);
            line(
                    "Kafka's ConsumerPerformance on a scratch topic of the same broker: %s records in %.1f s of fetching "
                            + "(%,.0f records/s; %,.0f including the group join)",
                    fields[4], Double.parseDouble(fields[7]) / 1000, fetchRate, Double.parseDouble(fields[5]));
            return fetchRate;
        } finally {
            admin.deleteTopics(List.of(scratch)).all().get();
        }
    }

    /** Writes the records as fast as the broker takes them (acks=all, idempotent); notes each partition's end. */
    private void produce(String topic, List<byte[][]> records, Map<TopicPartition, Long> ends) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024))) {
            var futures =
                    new ArrayList<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>>();
            for (byte[][] record : records) {
                futures.add(producer.send(new ProducerRecord<>(topic, record[0], record[1])));
            }
            producer.flush();
            for (var future : futures) {
                var metadata = future.get();
                ends.merge(new TopicPartition(topic, metadata.partition()), metadata.offset() + 1, Math::max);
            }
        }
    }

    /**
     * Seconds from the first write until each group had committed past the backlog: on reception-events up to the
     * offsets written, on every other topic it reads to within a transaction marker per partition.
     */
    private Map<String, Double> awaitCaughtUp(Admin admin, Map<TopicPartition, Long> target, long started)
            throws Exception {
        Map<String, Double> caughtUp = new HashMap<>();
        Set<String> groups = new java.util.TreeSet<>(sinks ? SINK_GROUPS.keySet() : Set.of());
        groups.add(STREAMS_GROUP);
        long deadline = started + patience.toNanos();
        long lastReport = System.nanoTime();
        while (caughtUp.size() < groups.size() && System.nanoTime() < deadline) {
            boolean report = System.nanoTime() - lastReport > 10_000_000_000L;
            for (String group : groups) {
                // The indicators sink reads what the topology writes: it has caught up only once the topology has.
                boolean readsEvents = READS_EVENTS.contains(group);
                if (caughtUp.containsKey(group) || (!readsEvents && !caughtUp.containsKey(STREAMS_GROUP))) {
                    continue;
                }
                long behind = behind(admin, group, readsEvents ? target : Map.of());
                if (behind == 0) {
                    caughtUp.put(group, seconds(started));
                } else if (report) {
                    System.out.printf("  %.0f s: %s is %,d records behind%n", seconds(started), group, behind);
                }
            }
            if (report) {
                lastReport = System.nanoTime();
            }
            Thread.sleep(100);
        }
        return caughtUp;
    }

    /** How many records a group still has to read and commit. */
    private static long behind(Admin admin, String group, Map<TopicPartition, Long> target) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        long behind = 0;
        for (var entry : target.entrySet()) {
            OffsetAndMetadata at = committed.get(entry.getKey()); // none yet: nothing committed
            behind += Math.max(0, entry.getValue() - (at == null ? 0 : at.offset()));
        }
        Map<TopicPartition, OffsetSpec> others = committed.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(Map.Entry::getKey)
                .filter(tp -> !tp.topic().equals(IntakeTopics.RECEPTION_EVENTS.name()))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        if (!others.isEmpty()) {
            var ends = admin.listOffsets(others).all().get();
            for (var tp : others.keySet()) {
                // A transactional producer's commit marker takes an offset after its last record.
                behind += Math.max(0, ends.get(tp).offset() - committed.get(tp).offset() - 1);
            }
        }
        return behind;
    }

    /** The records the topology wrote to its changelogs during the run: bytes per event, the largest value. */
    private void changelogFigures(List<String> changelogs, Map<TopicPartition, Long> start) {
        Map<String, long[]> perTopic = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000))) {
            List<TopicPartition> partitions = new ArrayList<>(start.keySet());
            consumer.assign(partitions);
            start.forEach(consumer::seek);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long idleSince = System.nanoTime();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && System.nanoTime() - idleSince < 30_000_000_000L) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    idleSince = System.nanoTime();
                    long[] figures = perTopic.computeIfAbsent(record.topic(), t -> new long[3]);
                    int size = (record.key() == null ? 0 : record.key().length)
                            + (record.value() == null ? 0 : record.value().length);
                    figures[0] += size;
                    figures[1]++;
                    figures[2] = Math.max(figures[2], record.value() == null ? 0 : record.value().length);
                }
            }
        }
        line("");
        line("| changelog | records | bytes per event | largest value |");
        line("| --- | --- | --- | --- |");
        long bytes = 0;
        long largest = 0;
        for (var entry : perTopic.entrySet()) {
            long[] f = entry.getValue();
            bytes += f[0];
            largest = Math.max(largest, f[2]);
            line(
                    "| %s | %,d | %.1f | %,d B |",
                    entry.getKey().substring(STREAMS_GROUP.length() + 1), f[1], (double) f[0] / events, f[2]);
        }
        line("| all | | **%.1f** | **%,d B** |", (double) bytes / events, largest);
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((name, description) -> description
                        .partitions()
                        .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println(text);
    }
}

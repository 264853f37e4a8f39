package vn.situationroom.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.hotspot.CommuneIndicators;
import vn.situationroom.hotspot.Indicators;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.platform.EmbeddedPostgresDatabase;

/**
 * The history's benchmark, not a test (bench/history.sh runs it): the sink's write rate into PostgreSQL, in the
 * batches and transactions the sink uses, and the latency of the trend query over a year of synthetic history for
 * thousands of communes. Settings (system properties): bench.communes (3300), bench.days (365), bench.events-per-day
 * (2 per commune on average), bench.hours-per-day (2 hour windows per commune), bench.queries (100 per kind),
 * bench.url (a database to use instead of a fresh embedded PostgreSQL). The report goes to standard output and to
 * target/bench/history.txt.
 */
class HistoryBenchmark {

    private final int batchSize = Integer.getInteger("bench.batch", 2000);
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final int communes = Integer.getInteger("bench.communes", 3300);
    private final int days = Integer.getInteger("bench.days", 365);
    private final int eventsPerDay = Integer.getInteger("bench.events-per-day", 2);
    private final int hoursPerDay = Integer.getInteger("bench.hours-per-day", 2);
    private final int queries = Integer.getInteger("bench.queries", 100);
    /** Writers at once, as the sink's listeners (one consumer per partition set) write. */
    private final int writers = Integer.getInteger("bench.writers", 2);

    private final LocalDate first = LocalDate.of(2025, 3, 16);
    private final List<String> report = new ArrayList<>();

    @Test
    void run() throws Exception {
        Path cluster = Files.createTempDirectory("history-bench");
        String url = System.getProperty("bench.url");
        // -Dbench.durable=false: the embedded database without fsync and synchronous commits, to measure their cost.
        boolean durable = !"false".equals(System.getProperty("bench.durable"));
        EmbeddedPostgresDatabase embedded = url == null ? EmbeddedPostgresDatabase.start(cluster, 0, durable) : null;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url != null ? url : embedded.jdbcUrl());
        if (embedded != null) {
            config.setPassword(embedded.password());
        }
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            ElectionCalendar calendar = new ElectionCalendar(LocalDate.of(2026, 3, 15), ZONE);
            HistoryProperties properties = new HistoryProperties(
                    HistoryProperties.TimescaleMode.AUTO,
                    java.time.Duration.ofDays(7),
                    java.time.Duration.ofDays(30),
                    java.time.Duration.ofDays(3650),
                    10_000,
                    HistoryProperties.SinkWrites.valueOf(System.getProperty("bench.writes", "COPY")));
            Flyway.configure()
                    .dataSource(dataSource)
                    .javaMigrations(new TimeSeriesStoreMigration(properties, calendar))
                    .load()
                    .migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
            TransactionTemplate transaction = new TransactionTemplate(transactions);
            say(
                    "History benchmark: %d communes, %d days from %s, on %s (fsync %s, synchronous_commit %s)",
                    communes,
                    days,
                    first,
                    jdbc.queryForObject("SELECT version()", String.class).split(",")[0],
                    jdbc.queryForObject("SHOW fsync", String.class),
                    jdbc.queryForObject("SHOW synchronous_commit", String.class));

            StagingWriter staging = new StagingWriter(jdbc, properties);
            ReceptionEventRepository events = new ReceptionEventRepository(jdbc, staging);
            long eventRows = timedWrites(
                    "reception_event (events)",
                    batch -> transaction.executeWithoutResult(status -> events.saveAll(batch)),
                    this::events,
                    () -> {});
            // The region's rollup runs on its own thread, as in the app, and the time counts until it has caught up.
            RegionRollup region = new RegionRollup(jdbc, transactions);
            region.start();
            CommuneIndicatorRepository indicators = new CommuneIndicatorRepository(jdbc, region);
            long windowRows = timedWrites(
                    "commune_indicator and region_indicator (hour and day windows)",
                    batch -> transaction.executeWithoutResult(status -> indicators.saveAll(batch)),
                    this::windows,
                    region::stop);
            long regionRows = jdbc.queryForObject("SELECT count(*) FROM region_indicator", Long.class);
            Long wrong = jdbc.queryForObject("""
                    SELECT count(*) FROM region_indicator r JOIN (
                        SELECT window_size, window_start, sum(people) AS people FROM commune_indicator
                        GROUP BY window_size, window_start) c USING (window_size, window_start)
                    WHERE r.people <> c.people""", Long.class);
            say("region windows: %,d, of which %d differ from the sum of their communes", regionRows, wrong);
            say("stored %,d events and %,d windows", eventRows, windowRows);

            long analyze = System.nanoTime();
            jdbc.execute("VACUUM ANALYZE");
            say("VACUUM ANALYZE: %.1f s", (System.nanoTime() - analyze) / 1e9);
            IndicatorHistory history = new IndicatorHistory(JdbcClient.create(dataSource), calendar);
            trendLatency(history);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            FileSystemUtils.deleteRecursively(cluster);
            Path out = Path.of("target", "bench", "history.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
        }
    }

    /**
     * Writes everything the source makes for each writer's share of the communes, the writers at once (each in its own
     * batches and transactions, as the sink's consumers do), and reports rows per second.
     */
    private <T> long timedWrites(
            String what, Consumer<List<T>> write, BiConsumer<Integer, Consumer<T>> source, Runnable finish)
            throws Exception {
        long start = System.nanoTime();
        List<Future<Long>> shares = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(writers)) {
            for (int writer = 0; writer < writers; writer++) {
                int share = writer;
                shares.add(pool.submit(() -> {
                    List<T> batch = new ArrayList<>(batchSize);
                    long[] written = {0};
                    source.accept(share, row -> {
                        batch.add(row);
                        if (batch.size() == batchSize) {
                            write.accept(List.copyOf(batch));
                            written[0] += batch.size();
                            batch.clear();
                        }
                    });
                    if (!batch.isEmpty()) {
                        write.accept(List.copyOf(batch));
                        written[0] += batch.size();
                    }
                    return written[0];
                }));
            }
        }
        long rows = 0;
        for (var share : shares) {
            rows += share.get();
        }
        finish.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        say(
                "sink into %s: %,d rows in %.1f s = %,.0f rows/s (%d writers, batches of %d, one transaction each)",
                what, rows, seconds, rows / seconds, writers, batchSize);
        return rows;
    }

    private void events(int share, Consumer<ReceptionEvent> sink) {
        SplittableRandom random = new SplittableRandom(20260315 + share);
        EventType[] types = EventType.values();
        Content[] contents = Content.values();
        Field[] fields = Field.values();
        for (int day = 0; day < days; day++) {
            ZonedDateTime midnight = first.plusDays(day).atStartOfDay(ZONE);
            for (int commune = share; commune < communes; commune += writers) {
                int count = random.nextInt(eventsPerDay * 2 + 1);
                for (int i = 0; i < count; i++) {
                    OffsetDateTime at = midnight.plusMinutes(7 * 60 + random.nextInt(10 * 60))
                            .toOffsetDateTime();
                    EventType type = types[random.nextInt(10) < 8 ? random.nextInt(2) : random.nextInt(types.length)];
                    boolean visitOrPetition = type == EventType.VISIT || type == EventType.PETITION;
                    sink.accept(new ReceptionEvent(
                            new UUID(random.nextLong(), random.nextLong()),
                            at,
                            at.toInstant().plusSeconds(60),
                            code(commune),
                            ReceptionPoint.DISTRICT_OFFICE,
                            type,
                            visitOrPetition ? contents[random.nextInt(contents.length)] : null,
                            visitOrPetition ? fields[random.nextInt(fields.length)] : null,
                            1 + (random.nextInt(20) == 0 ? random.nextInt(30) : 0),
                            random.nextInt(10) == 0,
                            random.nextInt(20) == 0,
                            random.nextInt(4) == 0 ? "KN-" + random.nextInt(5000) : null,
                            "Công dân trình bày về việc đất đai",
                            null,
                            null,
                            null,
                            null));
                }
            }
        }
    }

    private void windows(int share, Consumer<CommuneIndicators> sink) {
        SplittableRandom random = new SplittableRandom(20260316 + share);
        for (int day = 0; day < days; day++) {
            ZonedDateTime midnight = first.plusDays(day).atStartOfDay(ZONE);
            for (int commune = share; commune < communes; commune += writers) {
                int[] hours = IntStream.range(0, hoursPerDay)
                        .map(h -> 7 + random.nextInt(10))
                        .distinct()
                        .toArray();
                for (int hour : hours) {
                    ZonedDateTime start = midnight.plusHours(hour);
                    sink.accept(new CommuneIndicators(
                            code(commune),
                            CommuneIndicators.WindowSize.HOUR,
                            start.toInstant(),
                            start.plusHours(1).toInstant(),
                            true,
                            counts(random)));
                }
                // Synthetic: the day's counts are drawn on their own, not summed from its hours.
                sink.accept(new CommuneIndicators(
                        code(commune),
                        CommuneIndicators.WindowSize.DAY,
                        midnight.toInstant(),
                        midnight.plusDays(1).toInstant(),
                        true,
                        counts(random)));
            }
        }
    }

    private static Indicators counts(SplittableRandom random) {
        long visits = random.nextInt(4);
        long petitions = random.nextInt(3);
        Map<Content, Long> content = new EnumMap<>(Content.class);
        content.put(Content.COMPLAINT, visits);
        content.put(Content.DENUNCIATION, petitions);
        Map<Field, Long> field = new EnumMap<>(Field.class);
        field.put(Field.LAND, visits + petitions);
        return new Indicators(
                visits + petitions,
                visits,
                petitions,
                visits + petitions + random.nextInt(5),
                content,
                field,
                random.nextInt(10) == 0 ? 1 : 0,
                0,
                random.nextInt(20) == 0 ? 1 : 0,
                0,
                0,
                0,
                0);
    }

    /** Trend queries as the analysts' views ask them; the latency of each kind, from the first call to the last. */
    private void trendLatency(IndicatorHistory history) {
        SplittableRandom random = new SplittableRandom(7);
        Counter[] counters = Counter.values();
        LocalDate last = first.plusDays(days - 1);
        record Kind(String name, Granularity granularity, int spanDays, int communes) {}
        List<Kind> kinds = List.of(
                new Kind("one commune, by day, a year", Granularity.DAY, 365, 1),
                new Kind("one commune, by hour, 31 days", Granularity.HOUR, 31, 1),
                new Kind("one commune, by week, a year", Granularity.WEEK, 365, 1),
                new Kind("one commune, by month, a year", Granularity.MONTH, 365, 1),
                new Kind("a district (15 communes), by day, a year", Granularity.DAY, 365, 15),
                new Kind("a district (15 communes), by week, a year", Granularity.WEEK, 365, 15),
                new Kind("all communes, by day, 90 days", Granularity.DAY, 90, 0),
                new Kind("all communes, by month, a year", Granularity.MONTH, 365, 0));
        List<Double> every = new ArrayList<>();
        for (Kind kind : kinds) {
            double[] millis = new double[queries];
            for (int q = 0; q < queries; q++) {
                LocalDate to = last.minusDays(random.nextInt(Math.max(1, days - Math.min(days, kind.spanDays()) + 1)));
                LocalDate from = to.minusDays(Math.min(days, kind.spanDays()) - 1);
                int base = random.nextInt(Math.max(1, communes - 15));
                List<String> chosen = IntStream.range(0, kind.communes())
                        .mapToObj(i -> code(base + i))
                        .toList();
                Counter counter = counters[random.nextInt(counters.length)];
                long start = System.nanoTime();
                history.trend(counter, kind.granularity(), from, to, chosen);
                millis[q] = (System.nanoTime() - start) / 1e6;
                every.add(millis[q]);
            }
            Arrays.sort(millis);
            say(
                    "trend, %-42s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms",
                    kind.name() + ":",
                    millis[queries / 2],
                    millis[(int) Math.ceil(queries * 0.95) - 1],
                    millis[queries - 1]);
        }
        double[] all = every.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        say(
                "trend, every kind together (%d queries): p50 %.1f ms, p95 %.1f ms",
                all.length, all[all.length / 2], all[(int) Math.ceil(all.length * 0.95) - 1]);
    }

    private static String code(int commune) {
        return "%05d".formatted(90000 + commune);
    }

    private void say(String format, Object... args) {
        String line = format.formatted(args);
        report.add(line);
        System.out.println(line);
    }
}

package vn.situationroom.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.hotspot.CommuneIndicators;
import vn.situationroom.platform.Json;
import vn.situationroom.security.Viewer;

/**
 * History's answers about the counters and levels: trends of any counter, the region's and each commune's totals, the
 * ranking of communes, and the levels as they were at a moment. Dates are days of the country's calendar, both ends
 * included. The same SQL runs on plain PostgreSQL and on TimescaleDB (where the weekly and monthly totals are
 * continuous aggregates). A service, not a repository: every answer is limited to what the viewer may see.
 */
@Service
public class IndicatorHistory {

    private static final String WINDOW_TREND = """
            SELECT window_start AS bucket, sum(%s)::bigint AS value
            FROM commune_indicator
            WHERE window_size = :size AND window_start >= :start AND window_start < :end %s
            GROUP BY bucket
            """;

    private static final String PERIOD_TREND = """
            SELECT bucket, sum(%s)::bigint AS value
            FROM commune_indicator_%s
            WHERE bucket >= :start AND bucket < :end %s
            GROUP BY bucket
            """;

    private static final String REGION_WINDOW_TREND = """
            SELECT window_start AS bucket, %s AS value
            FROM region_indicator
            WHERE window_size = :size AND window_start >= :start AND window_start < :end
            """;

    private static final String REGION_PERIOD_TREND = """
            SELECT date_trunc(:unit, window_start AT TIME ZONE :zone) AT TIME ZONE :zone AS bucket,
                   sum(%s)::bigint AS value
            FROM region_indicator
            WHERE window_size = 'DAY' AND window_start >= :start AND window_start < :end
            GROUP BY bucket
            """;

    private static final String TOP = """
            SELECT commune_code, sum(%s)::bigint AS value
            FROM commune_indicator
            WHERE window_size = 'DAY' AND window_start >= :start AND window_start < :end
            GROUP BY commune_code
            HAVING sum(%1$s) > 0
            ORDER BY value DESC, commune_code
            LIMIT :limit
            """;

    /** The longest span of days a trend by the hour may cover (2,232 buckets; a quarter of a year). */
    public static final int MAX_HOUR_DAYS = 93;

    /** The longest span of days any question may cover (ten years). */
    public static final int MAX_DAYS = 3660;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    IndicatorHistory(JdbcClient jdbc, ElectionCalendar calendar) {
        this.jdbc = jdbc;
        this.zone = calendar.zone();
    }

    /** The time zone of the days and buckets. */
    public ZoneId zone() {
        return zone;
    }

    /** One bucket of a trend: its start in the country's zone and the counter's total in it. */
    public record Point(OffsetDateTime start, long value) {}

    /**
     * The trend of a counter by {@code granularity} over the days {@code from} to {@code to}, for the given communes,
     * or the whole district when none are given. Every bucket is present, 0 where nothing was counted; weeks and
     * months are whole, so the first and last may reach beyond the days asked for.
     */
    public List<Point> trend(
            Counter counter, Granularity granularity, LocalDate from, LocalDate to, List<String> asked) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days < 0 || days >= (granularity == Granularity.HOUR ? MAX_HOUR_DAYS : MAX_DAYS)) {
            throw new IllegalArgumentException("A trend by " + granularity + " covers at most "
                    + (granularity == Granularity.HOUR ? MAX_HOUR_DAYS : MAX_DAYS) + " days, from on or before to");
        }
        List<String> communes = Viewer.current().communes(asked);
        boolean windows = granularity == Granularity.HOUR || granularity == Granularity.DAY;
        ZonedDateTime start = granularity.bucketOf(from, zone);
        ZonedDateTime end =
                windows ? to.plusDays(1).atStartOfDay(zone) : granularity.next(granularity.bucketOf(to, zone));
        String sql;
        if (communes.isEmpty()) {
            // The whole region: its own rollup of the communes' windows, a few hundred rows a year.
            sql = (windows ? REGION_WINDOW_TREND : REGION_PERIOD_TREND).formatted(counter.column());
        } else {
            sql = windows
                    ? WINDOW_TREND.formatted(counter.column(), Periods.COMMUNES)
                    : PERIOD_TREND.formatted(
                            counter.column(), granularity == Granularity.WEEK ? "weekly" : "monthly", Periods.COMMUNES);
        }
        var statement = jdbc.sql(sql).param("start", start.toOffsetDateTime()).param("end", end.toOffsetDateTime());
        if (windows) {
            statement = statement.param("size", granularity.name());
        }
        if (!communes.isEmpty()) {
            statement = statement.param("communes", communes);
        } else if (!windows) {
            statement = statement
                    .param("unit", granularity.name().toLowerCase(Locale.ROOT))
                    .param("zone", zone.getId());
        }
        Map<Instant, Long> values = new HashMap<>();
        statement
                .query((rs, row) -> values.put(Periods.instant(rs, "bucket"), rs.getLong("value")))
                .list();
        List<Point> points = new ArrayList<>();
        for (ZonedDateTime bucket = start; bucket.isBefore(end); bucket = granularity.next(bucket)) {
            points.add(new Point(bucket.toOffsetDateTime(), values.getOrDefault(bucket.toInstant(), 0L)));
        }
        return points;
    }

    /** Every counter summed over the rows, 0 where there are none. */
    private static final String SUMS = Arrays.stream(Counter.values())
            .map(c -> "coalesce(sum(" + c.column() + "), 0)::bigint AS " + c.column())
            .collect(Collectors.joining(", "));

    private static final String REGION_SUMS = """
            SELECT %s FROM region_indicator WHERE window_size = :size AND window_start >= :start AND window_start < :end
            """.formatted(SUMS);

    /** Every counter of the whole region for one day; 0 for a day nothing was counted. */
    public Map<Counter, Long> regionDay(LocalDate day) {
        return regionDays(day, day);
    }

    /** Every counter of the whole region summed over the days {@code from} to {@code to}. */
    public Map<Counter, Long> regionDays(LocalDate from, LocalDate to) {
        Viewer.current().requireDistrictWide();
        return regionSums(
                CommuneIndicators.WindowSize.DAY,
                from.atStartOfDay(zone),
                to.plusDays(1).atStartOfDay(zone));
    }

    /**
     * Every counter of the whole region for one day up to a time of that day, summed from its hour windows (the hour
     * that holds {@code until} counted whole): "the same day last week, by this time".
     */
    public Map<Counter, Long> regionDayUntil(LocalDate day, LocalTime until) {
        Viewer.current().requireDistrictWide();
        return regionSums(
                CommuneIndicators.WindowSize.HOUR,
                day.atStartOfDay(zone),
                day.atTime(until).atZone(zone).plusHours(1).truncatedTo(ChronoUnit.HOURS));
    }

    private static final String COMMUNE_SUMS = """
            SELECT %s FROM commune_indicator
            WHERE window_size = :size AND window_start >= :start AND window_start < :end AND commune_code IN (:communes)
            """.formatted(SUMS);

    /** Every counter of some communes (a province, a district) summed over one day; 0 where nothing was counted. */
    public Map<Counter, Long> communesDay(List<String> asked, LocalDate day) {
        return communeSums(
                Viewer.current().communes(asked),
                CommuneIndicators.WindowSize.DAY,
                day.atStartOfDay(zone),
                day.plusDays(1).atStartOfDay(zone));
    }

    /** As {@link #regionDayUntil}, for some communes: their day up to a time of it, from their hour windows. */
    public Map<Counter, Long> communesDayUntil(List<String> asked, LocalDate day, LocalTime until) {
        return communeSums(
                Viewer.current().communes(asked),
                CommuneIndicators.WindowSize.HOUR,
                day.atStartOfDay(zone),
                day.atTime(until).atZone(zone).plusHours(1).truncatedTo(ChronoUnit.HOURS));
    }

    private Map<Counter, Long> communeSums(
            List<String> communes, CommuneIndicators.WindowSize size, ZonedDateTime start, ZonedDateTime end) {
        Map<Counter, Long> counts = new EnumMap<>(Counter.class);
        if (communes.isEmpty()) {
            Arrays.stream(Counter.values()).forEach(counter -> counts.put(counter, 0L));
            return counts;
        }
        jdbc.sql(COMMUNE_SUMS)
                .param("size", size.name())
                .param("start", start.toOffsetDateTime())
                .param("end", end.toOffsetDateTime())
                .param("communes", communes)
                .query((RowCallbackHandler) rs -> putCounters(rs, counts));
        return counts;
    }

    private Map<Counter, Long> regionSums(CommuneIndicators.WindowSize size, ZonedDateTime start, ZonedDateTime end) {
        Map<Counter, Long> counts = new EnumMap<>(Counter.class);
        jdbc.sql(REGION_SUMS)
                .param("size", size.name())
                .param("start", start.toOffsetDateTime())
                .param("end", end.toOffsetDateTime())
                .query((RowCallbackHandler) rs -> putCounters(rs, counts));
        return counts;
    }

    private static void putCounters(ResultSet row, Map<Counter, Long> counts) throws SQLException {
        for (Counter counter : Counter.values()) {
            counts.put(counter, row.getLong(counter.column()));
        }
    }

    /** How far back a replay looks for a commune's last state; a commune with none in this span had no activity. */
    private static final Duration LEVEL_LOOK_BACK = Duration.ofDays(2);

    private static final String LEVELS_AT = """
            SELECT DISTINCT ON (commune_code) commune_code, hotspot::text AS hotspot
            FROM commune_level
            WHERE as_of <= :moment AND as_of > :since
            ORDER BY commune_code, as_of DESC
            """;

    /** Each commune's hotspot state as it was at {@code moment}: its latest published state at or before it. */
    public Map<String, CommuneHotspot> levelsAt(Instant moment) {
        Viewer.current().requireDistrictWide();
        Map<String, CommuneHotspot> states = new HashMap<>();
        jdbc.sql(LEVELS_AT)
                .param("moment", OffsetDateTime.ofInstant(moment, ZoneOffset.UTC))
                .param("since", OffsetDateTime.ofInstant(moment.minus(LEVEL_LOOK_BACK), ZoneOffset.UTC))
                .query((RowCallbackHandler) rs -> states.put(
                        rs.getString("commune_code"),
                        Json.MAPPER.readValue(rs.getString("hotspot"), CommuneHotspot.class)));
        return states;
    }

    private static final String COMMUNE_DAYS = """
            SELECT commune_code, %s FROM commune_indicator
            WHERE window_size = 'DAY' AND window_start >= :start AND window_start < :end
            GROUP BY commune_code
            """.formatted(Arrays.stream(Counter.values())
            .map(c -> "sum(" + c.column() + ")::bigint AS " + c.column())
            .collect(Collectors.joining(", ")));

    /** Every counter of each commune summed over the days {@code from} to {@code to} (absent: nothing counted). */
    public Map<String, Map<Counter, Long>> communeDays(LocalDate from, LocalDate to) {
        Viewer.current().requireDistrictWide();
        Map<String, Map<Counter, Long>> communes = new LinkedHashMap<>();
        jdbc.sql(COMMUNE_DAYS)
                .param("start", from.atStartOfDay(zone).toOffsetDateTime())
                .param("end", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((RowCallbackHandler) rs -> {
                    Map<Counter, Long> counts = new EnumMap<>(Counter.class);
                    putCounters(rs, counts);
                    communes.put(rs.getString("commune_code"), counts);
                });
        return communes;
    }

    /** A commune's total of a counter over a period. */
    public record Ranked(String communeCode, long value) {}

    /** The communes with the highest totals of a counter over the days {@code from} to {@code to}; none with 0. */
    public List<Ranked> top(Counter counter, LocalDate from, LocalDate to, int limit) {
        Viewer.current().requireDistrictWide();
        return jdbc.sql(TOP.formatted(counter.column()))
                .param("start", from.atStartOfDay(zone).toOffsetDateTime())
                .param("end", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .param("limit", limit)
                .query((rs, row) -> new Ranked(rs.getString("commune_code"), rs.getLong("value")))
                .list();
    }
}

package vn.situationroom.report;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import vn.situationroom.cases.Cases;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.AlertHistory;
import vn.situationroom.history.AnalyticsLag;
import vn.situationroom.history.Counter;
import vn.situationroom.history.IndicatorHistory;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.AlertTexts;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.region.Unit;

/**
 * Gathers the daily report from the history, the same queries the dashboards use, so that its numbers are the
 * dashboards' numbers: the region's day windows, each commune's day window and its level at the end of the day (or
 * now, for today), and the alerts active that day with their handling.
 */
@Service
public class DailyReportService {

    /** The longest period one situation report holds, in days: a month. */
    public static final int MAX_SPAN_DAYS = 31;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM");
    private static final int MAP_WIDTH = 1400;
    private static final int MAX_ALERTS = 500;
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

    /**
     * Up to this many communes a report lists every one (a district's 15, a small province's); a larger region with
     * units is summarised by unit, with only its communes that need attention listed.
     */
    static final int LIST_EVERY_COMMUNE_UP_TO = 40;
    /** The overdue cases listed by name; the report counts them all. */
    static final int MAX_OVERDUE = 30;
    /** The alerts the report lists: of events, and the district's days without duty; late cases have their section. */
    private static final List<String> REPORTED_RULES = Arrays.stream(AlertRule.values())
            .filter(rule -> rule.onTheGround() || rule == AlertRule.ROSTER_GAP)
            .map(Enum::name)
            .toList();

    private static final List<String> LABELS = List.of(
            "report.title",
            "report.generated",
            "report.totals",
            "report.column.counter",
            "report.column.day",
            "report.column.week-before",
            "report.column.change",
            "report.breakdown",
            "report.communes",
            "report.communes.by-unit",
            "report.communes.attention",
            "report.communes.attention.none",
            "report.column.unit",
            "report.column.attention",
            "report.column.commune",
            "report.column.level",
            "report.column.reason",
            "report.alerts",
            "report.column.time",
            "report.column.severity",
            "report.column.handling",
            "report.alerts.none",
            "report.map",
            "report.legend",
            "report.overdue",
            "report.overdue.none",
            "report.column.case",
            "report.column.content",
            "report.column.step",
            "report.column.deadline",
            "report.column.late");

    /** The labels that a report of several days words differently ({@code <key>.span}). */
    private static final List<String> SPAN_LABELS = List.of(
            "report.totals", "report.column.day", "report.column.week-before", "report.alerts", "report.alerts.none");

    private final AnalyticsLag lag;
    private final IndicatorHistory history;
    private final AlertHistory alerts;
    private final Cases cases;
    private final Region region;
    private final ElectionCalendar calendar;
    private final I18NProvider i18n;
    private final RegionMapImage mapImage;
    private final Clock clock;

    @Autowired
    public DailyReportService(
            IndicatorHistory history,
            AlertHistory alerts,
            Cases cases,
            Region region,
            ElectionCalendar calendar,
            I18NProvider i18n,
            AnalyticsLag lag,
            Clock clock) {
        this.lag = lag;
        this.history = history;
        this.alerts = alerts;
        this.cases = cases;
        this.region = region;
        this.calendar = calendar;
        this.i18n = i18n;
        this.mapImage = new RegionMapImage(region.geoJson());
        this.clock = clock;
    }

    /** The report of {@code day} in {@code locale}. */
    DailyReport build(LocalDate day, Locale locale) {
        return build(day, day, locale);
    }

    /**
     * The report of the days {@code from} to {@code day} in {@code locale}: the counts summed over them against the
     * same span whole weeks before, each commune's level at the end, the alerts active in the span.
     */
    /** Whether one report can hold the days {@code from} to {@code to}: in order, and at most {@link #MAX_SPAN_DAYS}. */
    public static boolean holds(LocalDate from, LocalDate to) {
        return !to.isBefore(from) && ChronoUnit.DAYS.between(from, to) < MAX_SPAN_DAYS;
    }

    DailyReport build(LocalDate from, LocalDate day, Locale locale) {
        boolean span = !from.equals(day);
        long weeksBack = (ChronoUnit.DAYS.between(from, day) + 7) / 7;
        ZoneId zone = calendar.zone();
        Instant now = clock.instant();
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant moment = now.isBefore(endOfDay) ? now : endOfDay;

        Map<String, CommuneHotspot> levels = history.levelsAt(moment);
        Map<String, Map<Counter, Long>> communeCounts = history.communeDays(from, day);
        List<DailyReport.CommuneLine> communes = new ArrayList<>();
        Map<String, HotspotLevel> mapLevels = new HashMap<>();
        for (Commune commune : region.communes()) {
            CommuneHotspot hotspot = levels.get(commune.code());
            HotspotLevel level = hotspot == null ? null : hotspot.level();
            if (level != null) {
                mapLevels.put(commune.code(), level);
            }
            Map<Counter, Long> counts = new EnumMap<>(Counter.class);
            counts.putAll(communeCounts.getOrDefault(commune.code(), Map.of()));
            communes.add(new DailyReport.CommuneLine(
                    commune.code(),
                    commune.fullName(),
                    level,
                    t(locale, "level." + (level == null ? "NONE" : level.name())),
                    hotspot == null || hotspot.reasons().isEmpty()
                            ? ""
                            : reason(locale, hotspot.reasons().getFirst()),
                    counts));
        }
        communes.sort(DailyReport.LevelRow.MOST_SEVERE_FIRST);

        // A large region (a province, the country) is summarised by unit: one row per unit, and only the communes that
        // need attention; every commune's figures stay in the analysis exports.
        List<DailyReport.UnitLine> units = List.of();
        String unlisted = "";
        List<Unit> parents = region.unitsBelowRegion();
        if (!parents.isEmpty() && region.communes().size() > LIST_EVERY_COMMUNE_UP_TO) {
            units = unitLines(parents, communes, locale);
            List<DailyReport.CommuneLine> attention =
                    communes.stream().filter(DailyReportService::needsAttention).toList();
            unlisted = t(locale, "report.communes.unlisted", communes.size() - attention.size());
            communes = attention;
        }

        List<DailyReport.AlertLine> alerts = new ArrayList<>();
        for (AlertHistory.StoredAlert alert : this.alerts
                .alerts(from, day, new AlertHistory.AlertFilter(List.of(), null, null, REPORTED_RULES), 0, MAX_ALERTS)
                .items()) {
            HotspotLevel severity = HotspotLevel.valueOf(alert.severity());
            alerts.add(new DailyReport.AlertLine(
                    TIME.format(alert.firstSeen().atZone(zone)),
                    region.placeName(alert.communeCode()),
                    severity,
                    t(locale, "level." + severity.name()),
                    alert.reasons().isEmpty()
                            ? ""
                            : reason(locale, alert.reasons().getFirst()),
                    handling(locale, alert)));
        }

        List<Cases.CaseSummary> late = cases.overdueAt(day);
        List<DailyReport.CaseLine> overdue = late.stream()
                .limit(MAX_OVERDUE)
                .map(c -> new DailyReport.CaseLine(
                        c.caseRef(),
                        region.placeName(c.communeCode()),
                        c.content() == null ? "" : t(locale, "enum.Content." + c.content()),
                        t(locale, "cases.steps.deadline." + c.next()),
                        DATE.format(c.deadline()),
                        ChronoUnit.DAYS.between(c.deadline(), day)))
                .toList();
        String overdueSummary = t(locale, "report.overdue.total", late.size(), overdue.size());

        Map<String, String> labels = new HashMap<>();
        LABELS.forEach(key -> labels.put(key, t(locale, key)));
        if (span) {
            // A span's own words where a day's would be wrong ("in the day", "the same day last week").
            SPAN_LABELS.forEach(key -> labels.put(key, t(locale, key + ".span")));
        }
        for (Counter counter : Counter.values()) {
            labels.put("counter." + counter.apiName(), t(locale, "counter." + counter.apiName()));
        }
        ElectionCalendar.PhaseText where = calendar.phaseText(day, DATE);
        String phase = t(locale, where.key(), where.params());
        String subtitle = span
                ? t(locale, "report.subtitle.span", region.name(), DATE.format(from), DATE.format(day), phase)
                : t(locale, "report.subtitle", region.name(), DATE.format(day), phase);
        return new DailyReport(
                from,
                day,
                t(locale, "report.title"),
                subtitle,
                history.regionDays(from, day),
                history.regionDays(from.minusWeeks(weeksBack), day.minusWeeks(weeksBack)),
                communes,
                units,
                unlisted,
                alerts,
                overdue,
                overdueSummary,
                mapImage.png(MAP_WIDTH, mapLevels),
                new DailyReport.Texts(labels),
                now,
                freshness(locale, now),
                lag.current().behind());
    }

    /** When the figures were last complete; and, while the stream is behind, by how many events. */
    private String freshness(Locale locale, Instant now) {
        AnalyticsLag.Freshness freshness = lag.current();
        ZonedDateTime asOf = (freshness.behind() ? freshness.asOf() : now).atZone(calendar.zone());
        String when = AS_OF.format(asOf);
        if (!freshness.behind()) {
            return t(locale, "report.as-of", when);
        }
        return freshness.eventsBehind() > 0
                ? t(locale, "report.as-of.behind", when, freshness.eventsBehind())
                : t(locale, "report.as-of.storing", when);
    }

    private static boolean needsAttention(DailyReport.CommuneLine line) {
        return line.level() != null && line.level().compareTo(HotspotLevel.WATCH) >= 0;
    }

    /** Each unit's row: its highest level, its communes that need attention, its communes' counts summed. */
    private List<DailyReport.UnitLine> unitLines(
            List<Unit> parents, List<DailyReport.CommuneLine> communes, Locale locale) {
        Map<String, DailyReport.CommuneLine> byCode = new HashMap<>();
        communes.forEach(line -> byCode.put(line.code(), line));
        List<DailyReport.UnitLine> lines = new ArrayList<>();
        for (Unit unit : parents) {
            HotspotLevel highest = null;
            int attention = 0;
            Map<Counter, Long> counts = new EnumMap<>(Counter.class);
            for (String code : unit.communes()) {
                DailyReport.CommuneLine line = byCode.get(code);
                if (line == null) {
                    continue;
                }
                if (line.level() != null && (highest == null || line.level().compareTo(highest) > 0)) {
                    highest = line.level();
                }
                if (needsAttention(line)) {
                    attention++;
                }
                line.counts().forEach((counter, count) -> counts.merge(counter, count, Long::sum));
            }
            lines.add(new DailyReport.UnitLine(
                    unit.name(),
                    highest,
                    t(locale, "level." + (highest == null ? "NONE" : highest.name())),
                    t(
                            locale,
                            "report.units.attention",
                            attention,
                            unit.communes().size()),
                    counts));
        }
        lines.sort(DailyReport.LevelRow.MOST_SEVERE_FIRST);
        return lines;
    }

    private String handling(Locale locale, AlertHistory.StoredAlert alert) {
        String handling = AlertTexts.handling(
                (key, params) -> t(locale, key, params),
                alert.acknowledgedBy(),
                alert.acknowledgeNote(),
                alert.resolvedBy(),
                alert.resolveNote());
        return handling.isEmpty() ? t(locale, "analysis.alerts.state." + alert.state()) : handling;
    }

    private String reason(Locale locale, Reason reason) {
        return AlertTexts.reason((key, params) -> t(locale, key, params), reason);
    }

    private String t(Locale locale, String key, Object... params) {
        return i18n.getTranslation(key, locale, params);
    }
}

package vn.situationroom.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.situationroom.history.Counter;
import vn.situationroom.hotspot.HotspotLevel;

/**
 * What the daily report says, already in words: the writers (PDF, DOCX) only lay it out.
 *
 * @param from the first day reported
 * @param day the (last) day reported
 * @param title the report's title
 * @param subtitle the region, the day and the election's phase
 * @param today every counter of the whole region that day
 * @param weekBefore the same counters for the same day a week before (for a span: the same span whole weeks before)
 * @param communes each commune of the region, most serious first
 * @param units for a large region, its units with their communes summed (then {@code communes} holds only those that
 *     need attention); empty where every commune is listed
 * @param unlisted for a large region, the sentence that says how many communes are not listed, and where they are
 * @param alerts the alerts active that day, newest first (not the cases' deadlines: those are in {@code overdue})
 * @param overdue the complaints and denunciations overdue at the end of the day, the longest overdue first (a few)
 * @param overdueSummary how many were overdue in all, and how many are listed
 * @param map the region's map coloured by level, as PNG
 * @param texts the labels of the report, in its language
 * @param generatedAt when the report was made
 * @param freshness when the figures from the stream were last complete, and how far behind they are if they are
 * @param behind whether the figures are behind what was taken in (the report then says so in red)
 */
record DailyReport(
        LocalDate from,
        LocalDate day,
        String title,
        String subtitle,
        Map<Counter, Long> today,
        Map<Counter, Long> weekBefore,
        List<CommuneLine> communes,
        List<UnitLine> units,
        String unlisted,
        List<AlertLine> alerts,
        List<CaseLine> overdue,
        String overdueSummary,
        byte[] map,
        Texts texts,
        Instant generatedAt,
        String freshness,
        boolean behind) {

    /** The counters in the totals table, in order. */
    static final List<Counter> TOTALS = List.of(
            Counter.EVENTS,
            Counter.VISITS,
            Counter.PETITIONS,
            Counter.PEOPLE,
            Counter.CROWDS,
            Counter.COMPLEX,
            Counter.INCIDENTS,
            Counter.CANDIDATE_RELATED,
            Counter.ESCALATIONS,
            Counter.REPEAT_CASES);

    /** The counters by content and by field. */
    static final List<Counter> BREAKDOWN = List.of(
            Counter.CONTENT_COMPLAINT,
            Counter.CONTENT_DENUNCIATION,
            Counter.CONTENT_RECOMMENDATION,
            Counter.CONTENT_REFLECTION,
            Counter.CONTENT_MIXED,
            Counter.FIELD_LAND,
            Counter.FIELD_COMPENSATION,
            Counter.FIELD_SOCIAL_POLICY,
            Counter.FIELD_ELECTION_CANDIDATE,
            Counter.FIELD_OFFICIAL_MISCONDUCT,
            Counter.FIELD_ADMINISTRATION,
            Counter.FIELD_OTHER);

    /** The counters in each commune's row. */
    static final List<Counter> COMMUNE_COLUMNS = List.of(
            Counter.VISITS,
            Counter.PETITIONS,
            Counter.PEOPLE,
            Counter.CROWDS,
            Counter.INCIDENTS,
            Counter.CANDIDATE_RELATED,
            Counter.ESCALATIONS);

    /** A row of the report's table of places: a name, a level, one more column (why, or how many) and the counts. */
    sealed interface LevelRow permits CommuneLine, UnitLine {

        /** The most severe first, then the most people, then by name. */
        Comparator<LevelRow> MOST_SEVERE_FIRST = Comparator.comparing(
                        (LevelRow row) -> row.level() == null ? -1 : row.level().ordinal())
                .reversed()
                .thenComparing(row -> -row.counts().getOrDefault(Counter.PEOPLE, 0L))
                .thenComparing(LevelRow::name);

        String name();

        HotspotLevel level();

        String levelName();

        /** The third column: a commune's reason, a unit's communes needing attention. */
        String note();

        Map<Counter, Long> counts();
    }

    /** One commune: its level at the end of the day (or now, for today) with why, and its counts. */
    record CommuneLine(
            String code, String name, HotspotLevel level, String levelName, String reason, Map<Counter, Long> counts)
            implements LevelRow {
        @Override
        public String note() {
            return reason;
        }
    }

    /**
     * One unit (a province, or a former district) of a large region: its highest level, how many of its communes need
     * attention out of how many, and its communes' counts summed.
     */
    record UnitLine(String name, HotspotLevel level, String levelName, String attention, Map<Counter, Long> counts)
            implements LevelRow {
        @Override
        public String note() {
            return attention;
        }
    }

    /** Whether the communes are summarised by unit, with only the communes that need attention listed. */
    boolean summarised() {
        return !units.isEmpty();
    }

    /** One alert: when, where, how serious, why, and who did what about it. */
    record AlertLine(
            String time, String commune, HotspotLevel severity, String severityName, String reason, String handling) {}

    /** One overdue case: which, where, what about, which step by what day, and how many days late. */
    record CaseLine(String caseRef, String commune, String content, String step, String deadline, long daysLate) {}

    /** The report's labels, looked up once. */
    record Texts(Map<String, String> labels) {
        String get(String key) {
            return labels.getOrDefault(key, key);
        }
    }
}

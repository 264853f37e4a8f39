package vn.situationroom.history;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.situationroom.security.Viewer;

/**
 * Daily counts of visits and petitions per commune from the stored events: the series the daily detectors watch, for
 * the analysts' back-test. A service, not a repository: a commune's officer gets their own commune's only.
 */
@Service
public class DailyCounts {

    private static final String VISITS_AND_PETITIONS_PER_DAY = """
            SELECT (occurred_at AT TIME ZONE :zone)::date AS day, count(*) AS events
            FROM reception_event
            WHERE commune_code = :commune
              AND type IN ('VISIT', 'PETITION')
              AND occurred_at >= (:from::date)::timestamp AT TIME ZONE :zone
              AND occurred_at < ((:to::date) + 1)::timestamp AT TIME ZONE :zone
            GROUP BY day
            """;

    private static final String VISITS_AND_PETITIONS_PER_COMMUNE_AND_DAY = """
            SELECT commune_code, (occurred_at AT TIME ZONE :zone)::date AS day, count(*) AS events
            FROM reception_event
            WHERE type IN ('VISIT', 'PETITION')
              AND occurred_at >= (:from::date)::timestamp AT TIME ZONE :zone
              AND occurred_at < ((:to::date) + 1)::timestamp AT TIME ZONE :zone
            GROUP BY commune_code, day
            """;

    private final JdbcClient jdbc;

    DailyCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One count per day from {@code from} to {@code to}, both included, days in {@code zone}; 0 for a day without. */
    public double[] visitsAndPetitions(String communeCode, LocalDate from, LocalDate to, ZoneId zone) {
        Viewer.current().communes(List.of(communeCode));
        Map<LocalDate, Long> counts = new HashMap<>();
        jdbc.sql(VISITS_AND_PETITIONS_PER_DAY)
                .param("zone", zone.getId())
                .param("commune", communeCode)
                .param("from", from.toString())
                .param("to", to.toString())
                .query((rs, row) -> counts.put(rs.getObject("day", LocalDate.class), rs.getLong("events")))
                .list();
        return from.datesUntil(to.plusDays(1))
                .mapToDouble(day -> counts.getOrDefault(day, 0L))
                .toArray();
    }

    /**
     * Every commune's count per day from {@code from} to {@code to}, both included, days in {@code zone}, in one
     * query: a commune without any is absent; a day without is 0. For district-wide viewers and the app's checks.
     */
    public Map<String, long[]> visitsAndPetitionsOfAll(LocalDate from, LocalDate to, ZoneId zone) {
        Viewer.current().requireDistrictWide();
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql(VISITS_AND_PETITIONS_PER_COMMUNE_AND_DAY)
                .param("zone", zone.getId())
                .param("from", from.toString())
                .param("to", to.toString())
                .query((rs, row) -> {
                    int day = (int) (rs.getObject("day", LocalDate.class).toEpochDay() - from.toEpochDay());
                    if (day >= 0 && day < days) {
                        counts.computeIfAbsent(rs.getString("commune_code"), code -> new long[days])[day] =
                                rs.getLong("events");
                    }
                    return null;
                })
                .list();
        return counts;
    }
}

package vn.situationroom.alerts;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.Reason;

/**
 * The alerts of standing conditions that the app checks for itself: a case's deadline near or passed, a day of the
 * election period without anyone on duty. A check hands over every condition it finds now; each new one raises its
 * alert once, and each raised before whose condition is gone is resolved by the system.
 *
 * <p>What was raised is kept in PostgreSQL, so that a restart does not raise it again. The alert is written to the
 * broker before the row: if the app stops in between, the next check sends it again, and the analytics, which raise
 * each id once, ignore it.
 */
@Service
public class StandingAlerts {

    private static final Logger log = LoggerFactory.getLogger(StandingAlerts.class);

    /**
     * A condition found by a check.
     *
     * @param alertId its alert's id: the same every time the same condition is found (see {@link #idOf})
     * @param communeCode the commune, or the district as a whole
     * @param rule the rule, one that is not raised by events
     * @param severity how serious
     * @param reason the numbers, the subject and the day behind it
     */
    public record Condition(String alertId, String communeCode, AlertRule rule, HotspotLevel severity, Reason reason) {}

    /** What one check did: the alerts it raised and the ones it ended. */
    public record Outcome(List<String> raised, List<String> ended) {}

    /** A check of standing conditions that a feature owns; every one runs on the same schedule. */
    public interface Check {
        /** Looks for the conditions now and hands them to {@link #sync}. */
        Outcome check();
    }

    private final JdbcClient jdbc;
    private final AlertService alerts;
    private final ObjectProvider<Check> checks;

    StandingAlerts(JdbcClient jdbc, AlertService alerts, ObjectProvider<Check> checks) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.checks = checks;
    }

    @Scheduled(
            initialDelayString = "${situationroom.alerts.standing-check-delay:PT1M}",
            fixedDelayString = "${situationroom.alerts.standing-check-every:PT10M}")
    // Once a round however many instances run: the one that takes the lock keeps it for most of the round, and the
    // others skip it; a dead holder's lock ends with the round.
    @SchedulerLock(
            name = "standing-alerts",
            lockAtLeastFor = "#{T(vn.situationroom.alerts.StandingAlerts).heldFor("
                    + "'${situationroom.alerts.standing-check-every:PT10M}')}",
            lockAtMostFor = "#{T(vn.situationroom.alerts.StandingAlerts).heldAtMost("
                    + "'${situationroom.alerts.standing-check-every:PT10M}')}")
    public void checkAll() {
        log.info("Checking the standing conditions (deadlines, the roster) on this instance");
        checks.orderedStream().forEach(check -> {
            try {
                check.check();
            } catch (RuntimeException e) {
                log.warn(
                        "The check {} failed; the next round tries again",
                        check.getClass().getSimpleName(),
                        e);
            }
        });
    }

    /** How long a round's lock is kept at least: nine tenths of the round, so that no other instance runs it too. */
    public static String heldFor(String every) {
        Duration round = DurationFormatterUtils.detectAndParse(every);
        return round.multipliedBy(9).dividedBy(10).toString();
    }

    /** How long a round's lock is kept at most, should its instance die while checking: the round, or 5 minutes. */
    public static String heldAtMost(String every) {
        Duration round = DurationFormatterUtils.detectAndParse(every);
        return (round.compareTo(Duration.ofMinutes(5)) > 0 ? round : Duration.ofMinutes(5)).toString();
    }

    /** The id of a condition's alert: its rule and what identifies the condition, such as a case and a deadline. */
    public static String idOf(AlertRule rule, Object... parts) {
        StringBuilder key = new StringBuilder(rule.name());
        for (Object part : parts) {
            key.append('/').append(part);
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Brings the alerts of the given rules in line with the conditions found now: raises the ones never raised, ends
     * the open ones no longer found. A condition that ended is not raised again under the same id.
     *
     * @param communes the communes the check looked at; empty when it looked at all (and at the district)
     * @throws IllegalStateException when the broker does not take an alert; what was done before it stays done
     */
    public synchronized Outcome sync(
            Set<AlertRule> rules, Collection<String> communes, Collection<Condition> found, Instant now) {
        List<String> ruleNames = rules.stream().map(Enum::name).toList();
        Set<String> foundIds = new HashSet<>();
        for (Condition condition : found) {
            if (!rules.contains(condition.rule())
                    || !communes.isEmpty() && !communes.contains(condition.communeCode())) {
                throw new IllegalArgumentException("a condition of " + condition.rule() + " in "
                        + condition.communeCode() + " in a check of " + rules + " in " + communes);
            }
            foundIds.add(condition.alertId());
        }
        // The ended first: a condition that replaces another (a case now late rather than due soon) follows it.
        List<String> ended = new ArrayList<>();
        var open = jdbc.sql("""
                        SELECT alert_id, commune_code FROM standing_alert
                        WHERE ended_at IS NULL AND rule IN (:rules) AND (:all OR commune_code IN (:communes))""")
                .param("rules", ruleNames)
                .param("all", communes.isEmpty())
                .param("communes", communes.isEmpty() ? List.of("") : List.copyOf(communes))
                .query((rs, row) -> new String[] {rs.getString("alert_id"), rs.getString("commune_code")})
                .list();
        for (String[] alert : open) {
            if (foundIds.contains(alert[0])) {
                continue;
            }
            alerts.conditionEnded(alert[0], alert[1], now);
            jdbc.sql("UPDATE standing_alert SET ended_at = :at WHERE alert_id = :id")
                    .param("at", Timestamp.from(now))
                    .param("id", alert[0])
                    .update();
            ended.add(alert[0]);
        }
        Set<String> known = foundIds.isEmpty()
                ? Set.of()
                : Set.copyOf(jdbc.sql("SELECT alert_id FROM standing_alert WHERE alert_id IN (:ids)")
                        .param("ids", foundIds)
                        .query(String.class)
                        .list());
        List<String> raised = new ArrayList<>();
        for (Condition condition : found) {
            if (known.contains(condition.alertId()) || raised.contains(condition.alertId())) {
                continue;
            }
            alerts.raise(
                    condition.alertId(),
                    condition.communeCode(),
                    condition.rule(),
                    condition.severity(),
                    condition.reason(),
                    now);
            jdbc.sql("""
                    INSERT INTO standing_alert (alert_id, rule, commune_code, raised_at)
                    VALUES (:id, :rule, :commune, :at) ON CONFLICT (alert_id) DO NOTHING""")
                    .param("id", condition.alertId())
                    .param("rule", condition.rule().name())
                    .param("commune", condition.communeCode())
                    .param("at", Timestamp.from(now))
                    .update();
            raised.add(condition.alertId());
        }
        if (!raised.isEmpty() || !ended.isEmpty()) {
            log.info("Standing alerts of {}: {} raised, {} ended", rules, raised.size(), ended.size());
        }
        return new Outcome(List.copyOf(raised), List.copyOf(ended));
    }
}

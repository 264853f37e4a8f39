package vn.situationroom.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Callers;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Viewer;

/**
 * Escalations as the events report them (type ESCALATION), with the steps the commune recorded since: an escalation is
 * REPORTED when it arrives, CONTACTED once someone reached the citizens, RETURNED once they are home.
 */
@Service
public class Escalations {

    /** The most escalations listed at once. */
    public static final int MAX = 1000;

    /** Where an escalation stands. */
    public enum State {
        REPORTED,
        CONTACTED,
        RETURNED
    }

    /**
     * One escalation.
     *
     * @param state its latest step
     * @param by who recorded the latest step (null while only reported)
     * @param note the latest step's note
     * @param stepAt when the latest step was recorded
     */
    public record Escalation(
            UUID eventId,
            OffsetDateTime occurredAt,
            String communeCode,
            String destination,
            int headcount,
            String summary,
            State state,
            String by,
            String note,
            Instant stepAt) {}

    private static final String LIST = """
            SELECT e.event_id, e.occurred_at, e.commune_code, e.destination, e.headcount, e.summary,
                   s.step, s.by_whom, s.note, s.at
            FROM escalation_event e
            LEFT JOIN LATERAL (
                SELECT step, by_whom, note, at FROM escalation_step
                WHERE event_id = e.event_id ORDER BY CASE step WHEN 'RETURNED' THEN 2 ELSE 1 END DESC LIMIT 1
            ) s ON true
            WHERE e.occurred_at >= :since %s
            ORDER BY CASE coalesce(s.step, 'REPORTED') WHEN 'REPORTED' THEN 0 WHEN 'CONTACTED' THEN 1 ELSE 2 END,
                     e.occurred_at DESC
            LIMIT :limit
            """;

    private final JdbcClient jdbc;
    private final ElectionCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    Escalations(JdbcClient jdbc, ElectionCalendar calendar, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** The escalations since a day, of the given communes (all when empty): those nobody acted on first. */
    public List<Escalation> since(LocalDate day, List<String> asked) {
        List<String> communes = Viewer.current().communes(asked);
        var statement = jdbc.sql(LIST.formatted(communes.isEmpty() ? "" : "AND e.commune_code IN (:communes)"))
                .param("since", day.atStartOfDay(calendar.zone()).toOffsetDateTime())
                .param("limit", MAX);
        if (!communes.isEmpty()) {
            statement = statement.param("communes", communes);
        }
        return statement
                .query((rs, row) -> new Escalation(
                        rs.getObject("event_id", UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("commune_code"),
                        rs.getString("destination"),
                        rs.getInt("headcount"),
                        rs.getString("summary"),
                        rs.getString("step") == null ? State.REPORTED : State.valueOf(rs.getString("step")),
                        rs.getString("by_whom"),
                        rs.getString("note"),
                        rs.getObject("at", OffsetDateTime.class) == null
                                ? null
                                : rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The outcome of recording a step. */
    public enum Outcome {
        RECORDED,
        ALREADY_RECORDED,
        UNKNOWN_ESCALATION
    }

    /**
     * Records, as the signed-in officer, that someone contacted the citizens, or brought them home.
     *
     * @param statedBy who did it on the ground, as typed; kept in the note when it is someone else
     */
    public Outcome record(UUID eventId, State step, String statedBy, String note) {
        if (step == State.REPORTED) {
            throw new IllegalArgumentException("REPORTED is where an escalation starts, not a step to record");
        }
        // The escalations board checks it too; the service does not rely on it (defence in depth).
        Viewer viewer = Callers.requireRole(
                "record an escalation's steps",
                Roles.LEADERSHIP,
                Roles.POLICE,
                Roles.INSPECTION,
                Roles.OFFICE,
                Roles.COMMUNE);
        String by = viewer.signature();
        note = viewer.noteWith(statedBy, note);
        List<String> commune = jdbc.sql("SELECT commune_code FROM escalation_event WHERE event_id = :id")
                .param("id", eventId)
                .query(String.class)
                .list();
        if (commune.isEmpty()) {
            return Outcome.UNKNOWN_ESCALATION;
        }
        Viewer.current().communes(commune);
        try {
            jdbc.sql("""
                    INSERT INTO escalation_step (event_id, step, by_whom, note, at)
                    VALUES (:id, :step, :by, :note, :at)""")
                    .param("at", OffsetDateTime.now(clock))
                    .param("id", eventId)
                    .param("step", step.name())
                    .param("by", by.strip())
                    .param("note", note == null || note.isBlank() ? null : note.strip())
                    .update();
            audit.record(AuditLog.Action.ESCALATION_STEP, eventId.toString(), step + (note == null ? "" : ": " + note));
            return Outcome.RECORDED;
        } catch (DuplicateKeyException e) {
            return Outcome.ALREADY_RECORDED;
        }
    }
}

package vn.situationroom.watch;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.situationroom.hotspot.HotspotSettings;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Callers;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Viewer;

/**
 * Each commune's watch list: crowd delegations (a case that came as a crowd) and prolonged complainants (a case that
 * came back at least the repeat count of times), both found in the last year's events, and entries added by hand. An
 * entry removed (with who and why) stays off the list until its case comes back after the removal.
 */
@Service
public class WatchLists {

    /** How far back the events are searched. */
    static final int DAYS_BACK = 365;

    /** The two lists the plan asks the communes to keep. */
    public enum Kind {
        DELEGATION,
        PROLONGED
    }

    /**
     * One entry.
     *
     * @param automatic whether it was found in the events rather than added by hand
     * @param contacts the visits and petitions of its case (0 for a subject that is no case reference)
     * @param lastContact the case's latest event, if any
     * @param addedBy who added it by hand (null when found in the events)
     */
    public record Entry(
            String communeCode,
            Kind kind,
            String subject,
            boolean automatic,
            long contacts,
            Instant lastContact,
            String addedBy,
            String reason) {}

    private static final String CANDIDATES = """
            WITH c AS (
                SELECT case_ref, (array_agg(commune_code ORDER BY occurred_at))[1] AS commune_code,
                       count(*) FILTER (WHERE contact) AS contacts,
                       coalesce(max(headcount) FILTER (WHERE type = 'VISIT'), 0) AS biggest,
                       -- A case update is an act of the office, not a return of the citizens.
                       max(occurred_at) FILTER (WHERE contact) AS last_contact
                FROM case_event
                WHERE occurred_at >= :since
                GROUP BY case_ref)
            SELECT commune_code, case_ref, contacts, biggest, last_contact FROM c
            WHERE (contacts >= :repeat OR biggest >= :crowd) %s
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final int repeatCount;
    private final int crowdThreshold;

    WatchLists(JdbcClient jdbc, HotspotSettings hotspots, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.repeatCount = hotspots.detectors().repeatCount();
        this.crowdThreshold = hotspots.detectors().crowdThreshold();
    }

    /** The open entries of the given communes (all when empty), the most recent contact first. */
    public List<Entry> list(List<String> asked) {
        List<String> communes = Viewer.current().communes(asked);
        record Case(String commune, long contacts, int biggest, Instant last) {}
        Map<String, Case> cases = new HashMap<>();
        var candidates = jdbc.sql(CANDIDATES.formatted(communes.isEmpty() ? "" : "AND commune_code IN (:communes)"))
                .param("since", OffsetDateTime.now(clock).minusDays(DAYS_BACK))
                .param("repeat", repeatCount)
                .param("crowd", crowdThreshold);
        if (!communes.isEmpty()) {
            candidates = candidates.param("communes", communes);
        }
        candidates.query((RowCallbackHandler) rs -> cases.put(
                rs.getString("case_ref"),
                new Case(
                        rs.getString("commune_code"),
                        rs.getLong("contacts"),
                        rs.getInt("biggest"),
                        rs.getObject("last_contact", OffsetDateTime.class) == null
                                ? Instant.EPOCH
                                : rs.getObject("last_contact", OffsetDateTime.class)
                                        .toInstant())));
        Map<String, Instant> removed = new HashMap<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        jdbc.sql("SELECT commune_code, kind, subject, added_by, reason, removed_at FROM watch_entry")
                .query((RowCallbackHandler) rs -> {
                    String key = key(
                            rs.getString("commune_code"), Kind.valueOf(rs.getString("kind")), rs.getString("subject"));
                    OffsetDateTime removedAt = rs.getObject("removed_at", OffsetDateTime.class);
                    if (removedAt != null) {
                        removed.merge(key, removedAt.toInstant(), (a, b) -> a.isAfter(b) ? a : b);
                    } else {
                        Case c = cases.get(rs.getString("subject"));
                        entries.put(
                                key,
                                new Entry(
                                        rs.getString("commune_code"),
                                        Kind.valueOf(rs.getString("kind")),
                                        rs.getString("subject"),
                                        false,
                                        c == null ? 0 : c.contacts(),
                                        c == null ? null : c.last(),
                                        rs.getString("added_by"),
                                        rs.getString("reason")));
                    }
                });
        cases.forEach((caseRef, c) -> {
            List<Kind> kinds = new ArrayList<>();
            if (c.biggest() >= crowdThreshold) {
                kinds.add(Kind.DELEGATION);
            }
            if (c.contacts() >= repeatCount) {
                kinds.add(Kind.PROLONGED);
            }
            for (Kind kind : kinds) {
                String key = key(c.commune(), kind, caseRef);
                Instant removedAt = removed.get(key);
                // Removed, and not seen since: it stays off the list.
                if (!entries.containsKey(key) && (removedAt == null || c.last().isAfter(removedAt))) {
                    entries.put(key, new Entry(c.commune(), kind, caseRef, true, c.contacts(), c.last(), null, null));
                }
            }
        });
        return entries.values().stream()
                .filter(e -> communes.isEmpty() || communes.contains(e.communeCode()))
                .sorted(Comparator.comparing(Entry::lastContact, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** One step in an entry's history: a contact of its case, or a change of the list by hand. */
    public record Step(Instant at, String what, String by, String note) {}

    /**
     * The history of an entry, oldest first: every event of its case (when the subject is a case reference) and every
     * time it was added to or taken off the list by hand, with who and why.
     */
    public List<Step> history(Entry entry) {
        Viewer.current().communes(List.of(entry.communeCode()));
        List<Step> steps = new ArrayList<>();
        jdbc.sql("""
                SELECT occurred_at, type, headcount, status FROM case_event
                WHERE case_ref = :subject AND commune_code = :commune ORDER BY occurred_at""")
                .param("subject", entry.subject())
                .param("commune", entry.communeCode())
                .query((RowCallbackHandler) rs -> steps.add(new Step(
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("status") != null ? "STATUS_" + rs.getString("status") : rs.getString("type"),
                        null,
                        rs.getInt("headcount") > 1 ? String.valueOf(rs.getInt("headcount")) : null)));
        jdbc.sql("""
                SELECT added_at, added_by, reason, removed_at, removed_by, removed_reason FROM watch_entry
                WHERE commune_code = :commune AND kind = :kind AND subject = :subject ORDER BY added_at""")
                .param("commune", entry.communeCode())
                .param("kind", entry.kind().name())
                .param("subject", entry.subject())
                .query((RowCallbackHandler) rs -> {
                    // A row added by 'system' only records the removal of an entry found in the events.
                    if (!"system".equals(rs.getString("added_by"))) {
                        steps.add(new Step(
                                rs.getTimestamp("added_at").toInstant(),
                                "ADDED",
                                rs.getString("added_by"),
                                rs.getString("reason")));
                    }
                    if (rs.getTimestamp("removed_at") != null) {
                        steps.add(new Step(
                                rs.getTimestamp("removed_at").toInstant(),
                                "REMOVED",
                                rs.getString("removed_by"),
                                rs.getString("removed_reason")));
                    }
                });
        steps.sort(Comparator.comparing(Step::at));
        return steps;
    }

    /** The outcome of a change to a list. */
    public enum Outcome {
        DONE,
        ALREADY_LISTED,
        NOT_LISTED,
        INCOMPLETE
    }

    /**
     * Adds an entry by hand, as the signed-in officer; its subject and why are required.
     *
     * @param statedBy who asked for it, as typed; kept with the reason when it is someone else
     */
    public Outcome add(String commune, Kind kind, String subject, String statedBy, String reason) {
        if (blank(commune) || kind == null || blank(subject) || blank(reason)) {
            return Outcome.INCOMPLETE;
        }
        Viewer viewer = mayChange();
        viewer.communes(List.of(commune));
        String by = viewer.signature();
        reason = viewer.noteWith(statedBy, reason);
        try {
            jdbc.sql("""
                    INSERT INTO watch_entry (commune_code, kind, subject, added_by, reason, added_at)
                    VALUES (:commune, :kind, :subject, :by, :reason, :at)""")
                    .param("at", now())
                    .param("commune", commune)
                    .param("kind", kind.name())
                    .param("subject", subject.strip())
                    .param("by", by.strip())
                    .param("reason", reason.strip())
                    .update();
            audit.record(AuditLog.Action.WATCH_ADDED, commune + " " + kind + " " + subject.strip(), reason);
            return Outcome.DONE;
        } catch (DuplicateKeyException e) {
            return Outcome.ALREADY_LISTED;
        }
    }

    /**
     * Takes an entry off the list as the signed-in officer, keeping why; an entry found in the events is kept off too.
     *
     * @param statedBy who asked for it, as typed; kept with the reason when it is someone else
     */
    public Outcome remove(Entry entry, String statedBy, String reason) {
        if (blank(reason)) {
            return Outcome.INCOMPLETE;
        }
        Viewer viewer = mayChange();
        viewer.communes(List.of(entry.communeCode()));
        String by = viewer.signature();
        reason = viewer.noteWith(statedBy, reason);
        int updated = jdbc.sql("""
                UPDATE watch_entry SET removed_by = :by, removed_reason = :reason, removed_at = :at
                WHERE commune_code = :commune AND kind = :kind AND subject = :subject AND removed_at IS NULL""")
                .param("by", by.strip())
                .param("reason", reason.strip())
                .param("at", now())
                .param("commune", entry.communeCode())
                .param("kind", entry.kind().name())
                .param("subject", entry.subject())
                .update();
        if (updated == 0) {
            if (!entry.automatic()) {
                return Outcome.NOT_LISTED;
            }
            jdbc.sql("""
                    INSERT INTO watch_entry (commune_code, kind, subject, added_by, reason, removed_by, removed_reason,
                                             removed_at)
                    VALUES (:commune, :kind, :subject, 'system', NULL, :by, :reason, :at)""")
                    .param("commune", entry.communeCode())
                    .param("kind", entry.kind().name())
                    .param("subject", entry.subject())
                    .param("by", by.strip())
                    .param("reason", reason.strip())
                    .param("at", now())
                    .update();
        }
        audit.record(
                AuditLog.Action.WATCH_REMOVED,
                entry.communeCode() + " " + entry.kind() + " " + entry.subject(),
                reason);
        return Outcome.DONE;
    }

    /** The signed-in officer, if the watch lists' screen is theirs; the screen checks it too (defence in depth). */
    private static Viewer mayChange() {
        return Callers.requireRole("keep the watch lists", Roles.POLICE, Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String key(String commune, Kind kind, String subject) {
        return commune + '|' + kind + '|' + subject;
    }
}

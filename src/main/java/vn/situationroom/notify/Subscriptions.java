package vn.situationroom.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.situationroom.hotspot.AlertCommand;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.region.Region;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Callers;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Viewer;

/**
 * Who is notified of which alerts, kept in PostgreSQL and managed by the administrator: each change is checked, then
 * written to the audit log (what it was and what it became; a subscription holds no citizen's data).
 */
@Service
public class Subscriptions {

    /** The last step of the chain a subscription may be on. */
    public static final int MAX_STEP = 5;

    static final int MAX_TEXT = 200;

    /** How a notification is sent. */
    public enum Channel {
        EMAIL,
        SMS,
        WEBHOOK;

        /**
         * An address of this channel as it may be shown beyond the administrator's screen (the alert's notifications,
         * the logs): a webhook by its host only, since its path or query may hold the receiver's key.
         */
        String shown(String address) {
            return this == WEBHOOK ? URI.create(address).getHost() : address;
        }
    }

    /**
     * One subscription.
     *
     * @param id its id (0 before it is stored)
     * @param name who receives it: a person's name and title, or what a webhook feeds
     * @param role the role the person holds in the steering group ({@link Roles#ASSIGNABLE}), if said
     * @param channel how
     * @param address the email address, the phone number, or the webhook's URL
     * @param unitCode the alerts of which unit: a commune, a province; null for the whole region
     * @param minSeverity the lowest severity sent: WARNING or CRITICAL
     * @param step 0 at once; n when a CRITICAL alert is still not acknowledged n × escalate-after after it was raised
     * @param enabled whether it is in use
     */
    public record Subscription(
            long id,
            String name,
            String role,
            Channel channel,
            String address,
            String unitCode,
            HotspotLevel minSeverity,
            int step,
            boolean enabled) {

        /** How it reads in the audit log. */
        String audited() {
            return "%s, %s, %s %s, %s, %s ≥ %s, step %d%s"
                    .formatted(
                            name,
                            role == null ? "-" : role,
                            channel,
                            address,
                            unitCode == null ? "region" : unitCode,
                            "severity",
                            minSeverity,
                            step,
                            enabled ? "" : ", disabled");
        }
    }

    private static final RowMapper<Subscription> ROW = (rs, n) -> new Subscription(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("role"),
            Channel.valueOf(rs.getString("channel")),
            rs.getString("address"),
            rs.getString("unit_code"),
            HotspotLevel.valueOf(rs.getString("min_severity")),
            rs.getInt("step"),
            rs.getBoolean("enabled"));

    private static final String COLUMNS =
            "SELECT id, name, role, channel, address, unit_code, min_severity, step, enabled FROM notification_subscription";

    private final JdbcClient jdbc;
    private final Region region;
    private final AuditLog audit;

    Subscriptions(JdbcClient jdbc, Region region, AuditLog audit) {
        this.jdbc = jdbc;
        this.region = region;
        this.audit = audit;
    }

    /** Every subscription, by step, then unit and name. */
    public List<Subscription> all() {
        return jdbc.sql(COLUMNS + " ORDER BY step, unit_code NULLS FIRST, name, id")
                .query(ROW)
                .list();
    }

    /** The subscriptions in use that receive an alert of a commune (or of the region as a whole) at a step. */
    List<Subscription> receiving(String communeCode, HotspotLevel severity, int step) {
        return jdbc
                .sql(COLUMNS + " WHERE enabled AND step = :step ORDER BY id")
                .param("step", step)
                .query(ROW)
                .list()
                .stream()
                .filter(s -> severity.compareTo(s.minSeverity()) >= 0)
                .filter(s -> covers(s.unitCode(), communeCode))
                .toList();
    }

    /** The last step any subscription in use is on (0 when there is no chain). */
    int lastStep() {
        return jdbc.sql("SELECT coalesce(max(step), 0) FROM notification_subscription WHERE enabled")
                .query(Integer.class)
                .single();
    }

    private boolean covers(String unitCode, String communeCode) {
        if (unitCode == null) {
            return true;
        }
        if (AlertCommand.DISTRICT.equals(communeCode)) {
            return false; // an alert of the region as a whole goes to the region's subscribers only
        }
        return region.holds(unitCode, communeCode);
    }

    /**
     * Adds a subscription (its id is ignored), or changes the one with its id.
     *
     * @return the fields that keep it out, by name (empty when it was stored)
     */
    public List<String> save(Subscription subscription) {
        Viewer admin = Callers.requireRole("manage the notifications", Roles.ADMIN);
        Subscription clean = cleaned(subscription);
        List<String> problems = problems(clean);
        if (!problems.isEmpty()) {
            return problems;
        }
        if (clean.id() == 0) {
            long id = jdbc.sql("""
                    INSERT INTO notification_subscription
                        (name, role, channel, address, unit_code, min_severity, step, enabled, created_by)
                    VALUES (:name, :role, :channel, :address, :unit, :severity, :step, :enabled, :by)
                    RETURNING id""")
                    .params(params(clean))
                    .param("by", admin.name())
                    .query(Long.class)
                    .single();
            audit.record(AuditLog.Action.SUBSCRIPTION_ADDED, "subscription " + id, clean.audited());
            return List.of();
        }
        Subscription before = find(clean.id());
        if (before == null) {
            return List.of("id");
        }
        jdbc.sql("""
                UPDATE notification_subscription SET name = :name, role = :role, channel = :channel,
                    address = :address, unit_code = :unit, min_severity = :severity, step = :step, enabled = :enabled,
                    updated_at = now()
                WHERE id = :id""").params(params(clean)).param("id", clean.id()).update();
        audit.record(
                AuditLog.Action.SUBSCRIPTION_CHANGED,
                "subscription " + clean.id(),
                before.audited() + " → " + clean.audited());
        return List.of();
    }

    /** Removes a subscription; true if there was one. */
    public boolean remove(long id) {
        Callers.requireRole("manage the notifications", Roles.ADMIN);
        Subscription before = find(id);
        if (before == null) {
            return false;
        }
        jdbc.sql("DELETE FROM notification_subscription WHERE id = :id")
                .param("id", id)
                .update();
        audit.record(AuditLog.Action.SUBSCRIPTION_REMOVED, "subscription " + id, before.audited());
        return true;
    }

    private Subscription find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id")
                .param("id", id)
                .query(ROW)
                .optional()
                .orElse(null);
    }

    private static java.util.Map<String, Object> params(Subscription s) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("name", s.name());
        params.put("role", s.role());
        params.put("channel", s.channel().name());
        params.put("address", s.address());
        params.put("unit", s.unitCode());
        params.put("severity", s.minSeverity().name());
        params.put("step", s.step());
        params.put("enabled", s.enabled());
        return params;
    }

    private static Subscription cleaned(Subscription s) {
        return new Subscription(
                s.id(),
                s.name() == null ? null : s.name().strip(),
                s.role() == null || s.role().isBlank() ? null : s.role().strip(),
                s.channel(),
                s.address() == null ? null : s.address().strip(),
                s.unitCode() == null || s.unitCode().isBlank()
                        ? null
                        : s.unitCode().strip(),
                s.minSeverity(),
                s.step(),
                s.enabled());
    }

    private List<String> problems(Subscription s) {
        List<String> problems = new ArrayList<>();
        if (s.name() == null || s.name().isEmpty() || s.name().length() > MAX_TEXT) {
            problems.add("name");
        }
        if (s.role() != null && !Roles.ASSIGNABLE.contains(s.role())) {
            problems.add("role");
        }
        if (s.channel() == null) {
            problems.add("channel");
        } else if (s.address() == null || s.address().length() > MAX_TEXT || !validAddress(s.channel(), s.address())) {
            problems.add("address");
        }
        if (s.unitCode() != null && region.unit(s.unitCode()).isEmpty()) {
            problems.add("unit");
        }
        if (s.minSeverity() != HotspotLevel.WARNING && s.minSeverity() != HotspotLevel.CRITICAL) {
            problems.add("minSeverity");
        }
        if (s.step() < 0 || s.step() > MAX_STEP) {
            problems.add("step");
        }
        return problems;
    }

    static boolean validAddress(Channel channel, String address) {
        return switch (channel) {
            case EMAIL -> isEmailAddress(address);
            case SMS -> address.matches("\\+?[0-9][0-9 .-]{7,19}");
            case WEBHOOK -> isWebAddress(address);
        };
    }

    static boolean isEmailAddress(String address) {
        return address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+|[^@\\s]+@localhost");
    }

    private static boolean isWebAddress(String address) {
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

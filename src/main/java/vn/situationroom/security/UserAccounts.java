package vn.situationroom.security;

import jakarta.annotation.PreDestroy;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.situationroom.region.Region;

/**
 * The officers' accounts in the database, with their roles and, for a commune's officer, the commune. Passwords are
 * kept as bcrypt hashes. Every change is audited, and a password reset, a change of roles or commune, or disabling
 * ends the account's open sessions at once.
 */
@Service
public class UserAccounts implements UserDetailsService {

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD = 10;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    /** Roles that see the whole district, which a commune's officer cannot also have. */
    private static final Set<String> DISTRICT_ROLES =
            Set.of(Roles.LEADERSHIP, Roles.POLICE, Roles.INSPECTION, Roles.OFFICE, Roles.ADMIN);

    /** One account, without its password. */
    public record Account(
            String username,
            String displayName,
            List<String> roles,
            String communeCode,
            boolean enabled,
            Instant createdAt) {}

    private static final RowMapper<Account> ACCOUNT = (rs, n) -> new Account(
            rs.getString("username"),
            rs.getString("display_name"),
            roles(rs),
            rs.getString("commune_code"),
            rs.getBoolean("enabled"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Region region;
    private final AuditLog audit;
    private final LiveSessions live;
    /** Since when each enabled account's sessions are good, as last read (see {@link Snapshot}). */
    private final Snapshot<Map<String, Instant>> validFrom;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, Region region, AuditLog audit, LiveSessions live) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.region = region;
        this.audit = audit;
        this.live = live;
        this.validFrom = new Snapshot<>("accounts", this::readValidFrom, Map.of(), Duration.ofSeconds(5));
        validFrom.refresh();
    }

    @PreDestroy
    void close() {
        validFrom.close();
    }

    private Map<String, Instant> readValidFrom() {
        Map<String, Instant> valid = new HashMap<>();
        jdbc.sql("SELECT username, sessions_valid_from FROM app_user WHERE enabled")
                .query((RowCallbackHandler)
                        rs -> valid.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
        // A change made by another instance of the app closes this instance's screens of that account too.
        Map<String, Instant> before = validFrom == null ? Map.of() : validFrom.get();
        before.forEach((username, from) -> {
            if (!from.equals(valid.get(username))) {
                live.end(username);
            }
        });
        return Map.copyOf(valid);
    }

    @Override
    public Officer loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, display_name, password_hash, roles, commune_code, enabled,"
                        + " sessions_valid_from FROM app_user WHERE username = ?")
                .param(username == null ? "" : username.strip().toLowerCase())
                .query((rs, n) -> new Officer(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        roles(rs),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getTimestamp(7).toInstant()))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    /** Every account, by username. */
    public List<Account> list() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY username")
                .query(ACCOUNT)
                .list();
    }

    /** One account. */
    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?")
                .param(username)
                .query(ACCOUNT)
                .optional();
    }

    /** How many accounts there are. */
    public int count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Integer.class).single();
    }

    /** Makes an account. */
    @Transactional
    public Account create(
            String username, String displayName, String password, List<String> roles, String communeCode) {
        Callers.requireRoleOrApp("create accounts", Roles.ADMIN);
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountException(
                    "username", "username", "3 to 64 characters: lower-case letters, digits, dot, dash or underscore");
        }
        if (find(name).isPresent()) {
            throw new AccountException("username", "taken", "is already taken");
        }
        PasswordPolicy.check(name, password);
        List<String> checkedRoles = checkRoles(roles);
        String commune = checkCommune(checkedRoles, communeCode);
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, roles, commune_code)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(
                        name,
                        checkDisplayName(displayName),
                        passwords.encode(password),
                        checkedRoles.toArray(String[]::new),
                        commune)
                .update();
        Transactions.afterCommit(validFrom::refresh);
        audit.record(
                Viewer.current().name(),
                AuditLog.Action.USER_CREATED,
                name,
                "roles=" + checkedRoles + (commune == null ? "" : " commune=" + commune));
        return find(name).orElseThrow();
    }

    /** Changes an account's name, roles, commune and whether it may sign in; open sessions end when it matters. */
    @Transactional
    public Account update(
            String username, String displayName, List<String> roles, String communeCode, boolean enabled) {
        Callers.requireRoleOrApp("change accounts", Roles.ADMIN);
        Account before = find(username).orElseThrow(() -> new AccountException("username", "unknown", "no such user"));
        List<String> checkedRoles = checkRoles(roles);
        String commune = checkCommune(checkedRoles, communeCode);
        if (before.username().equals(Viewer.current().name())
                && (!enabled || !checkedRoles.contains(Roles.ADMIN))
                && before.roles().contains(Roles.ADMIN)) {
            throw new AccountException("roles", "self-admin", "an administrator cannot remove their own access");
        }
        boolean endSessions = !before.roles().equals(checkedRoles)
                || before.enabled() != enabled
                || !java.util.Objects.equals(before.communeCode(), commune);
        jdbc.sql("UPDATE app_user SET display_name = ?, roles = ?, commune_code = ?, enabled = ?, updated_at = now()"
                        + (endSessions ? ", sessions_valid_from = clock_timestamp()" : "") + " WHERE username = ?")
                .params(
                        checkDisplayName(displayName),
                        checkedRoles.toArray(String[]::new),
                        commune,
                        enabled,
                        before.username())
                .update();
        Transactions.afterCommit(validFrom::refresh);
        audit.record(
                AuditLog.Action.USER_CHANGED,
                before.username(),
                "roles=" + checkedRoles + (commune == null ? "" : " commune=" + commune) + " enabled=" + enabled);
        if (endSessions) {
            Transactions.afterCommit(() -> live.end(before.username()));
        }
        return find(before.username()).orElseThrow();
    }

    /**
     * The signed-in officer changes their own password, giving the current one; every session of the account ends,
     * this one too (the officer signs in again with the new password).
     *
     * @throws AccountException on {@code currentPassword} when it is not the current one, on {@code password} when
     *     the new one breaks the rules or is the same
     */
    @Transactional
    public void changeOwnPassword(String current, String replacement) {
        Viewer viewer = Viewer.current();
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ? AND enabled")
                .param(viewer.name())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new AccessDeniedException("Only a signed-in officer changes their own password"));
        if (current == null || !passwords.matches(current, hash)) {
            audit.record(AuditLog.Action.PASSWORD_CHANGE_FAILED, viewer.name(), null);
            throw new AccountException("currentPassword", "password-wrong", "is not the current password");
        }
        PasswordPolicy.check(viewer.name(), replacement);
        if (passwords.matches(replacement, hash)) {
            throw new AccountException("password", "password-same", "is the current password");
        }
        storePassword(viewer.name(), replacement);
        audit.record(AuditLog.Action.PASSWORD_CHANGED, viewer.name(), null);
        Transactions.afterCommit(() -> live.end(viewer.name()));
    }

    /** Sets a new password; the account's open sessions end. */
    @Transactional
    public void resetPassword(String username, String password) {
        Callers.requireRoleOrApp("reset passwords", Roles.ADMIN);
        PasswordPolicy.check(username, password);
        if (!storePassword(username, password)) {
            throw new AccountException("username", "unknown", "no such user");
        }
        audit.record(AuditLog.Action.PASSWORD_RESET, username, null);
        if (!username.equals(Viewer.current().name())) {
            Transactions.afterCommit(() -> live.end(username));
        }
    }

    /** Stores a new password's hash; the account's sessions from before end (read again after commit). */
    private boolean storePassword(String username, String password) {
        int changed = jdbc.sql("UPDATE app_user SET password_hash = ?, updated_at = now(),"
                        + " sessions_valid_from = clock_timestamp() WHERE username = ?")
                .params(passwords.encode(password), username)
                .update();
        if (changed > 0) {
            Transactions.afterCommit(validFrom::refresh);
        }
        return changed > 0;
    }

    /**
     * Whether a session is still good: the account exists, is enabled and was not changed since it signed in. Read
     * from memory, so that open screens go on while the database is down.
     */
    boolean sessionValid(Officer officer) {
        return officer.validFrom().equals(validFrom.get().get(officer.getUsername()));
    }

    private static String checkDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            throw new AccountException("displayName", "display-name", "is required, at most 200 characters");
        }
        return displayName.strip();
    }

    private static List<String> checkRoles(List<String> roles) {
        Set<String> set = new LinkedHashSet<>(roles == null ? List.of() : roles);
        if (set.isEmpty()) {
            throw new AccountException("roles", "roles-empty", "at least one role");
        }
        for (String role : set) {
            if (!Roles.ASSIGNABLE.contains(role)) {
                throw new AccountException("roles", "role-unknown", role + " is not one of " + Roles.ASSIGNABLE);
            }
        }
        if (set.contains(Roles.COMMUNE) && set.stream().anyMatch(DISTRICT_ROLES::contains)) {
            throw new AccountException(
                    "roles", "commune-mixed", "a commune's officer cannot also have a district-wide role");
        }
        return Roles.ASSIGNABLE.stream().filter(set::contains).toList();
    }

    private String checkCommune(List<String> roles, String communeCode) {
        if (!roles.contains(Roles.COMMUNE)) {
            return null;
        }
        if (communeCode == null || !region.contains(communeCode)) {
            throw new AccountException("commune", "commune", "a commune's officer needs a commune of the region");
        }
        return communeCode;
    }

    private static List<String> roles(ResultSet rs) throws SQLException {
        Array array = rs.getArray("roles");
        return Arrays.asList((String[]) array.getArray());
    }
}

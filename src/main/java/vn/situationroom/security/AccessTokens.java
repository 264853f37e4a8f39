package vn.situationroom.security;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API tokens of machine clients (Bearer, with scopes) and kiosk tokens of wall screens. A token's secret is shown
 * once, when it is issued; only its SHA-256 is kept, so a copy of the database does not give anyone a token.
 * Revoking one takes effect at once: the next request with it is refused, and a wall signed in with it is closed.
 */
@Service
public class AccessTokens {

    /** What a token is for. */
    public enum Kind {
        /** A machine client's Bearer token. */
        API,
        /** A wall screen's sign-in. */
        KIOSK
    }

    /** A token as the database keeps it, without its secret. */
    public record Token(long id, Kind kind, String name, List<String> scopes, String createdBy, Instant createdAt,
            Instant lastUsedAt, Instant revokedAt, String revokedBy) implements Serializable {

        /** The name the audit log and the live sessions know it by. */
        public String auditName() {
            return kind.name().toLowerCase() + "#" + id;
        }

        /** Whether it still works. */
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A token just issued, with the secret its holder must keep. */
    public record Issued(Token token, String secret) {}

    private static final RowMapper<Token> TOKEN = (rs, n) -> {
        Array scopes = rs.getArray("scopes");
        return new Token(rs.getLong("token_id"), Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                Arrays.asList((String[]) scopes.getArray()), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"));
    };

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final LiveSessions live;

    AccessTokens(JdbcClient jdbc, AuditLog audit, LiveSessions live) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.live = live;
    }

    /** Issues a token; an API token needs at least one scope, a kiosk token has none. */
    public Issued issue(Kind kind, String name, List<String> scopes) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new AccountException("name", "token-name", "is required, at most 200 characters");
        }
        Set<String> checked = new LinkedHashSet<>(scopes == null ? List.of() : scopes);
        if (kind == Kind.API && checked.isEmpty()) {
            throw new AccountException("scopes", "scopes-empty", "an API token needs at least one scope");
        }
        if (kind == Kind.KIOSK) {
            checked.clear();
        }
        for (String scope : checked) {
            if (!Scopes.ALL.contains(scope)) {
                throw new AccountException("scopes", "scope-unknown", scope + " is not one of " + Scopes.ALL);
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = (kind == Kind.API ? "sra_" : "srk_") + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(store(kind, name.strip(), List.copyOf(checked), secret), secret);
    }

    /**
     * Stores a token whose secret was chosen outside the app (the first API token from the configuration), unless one
     * with that secret exists already.
     */
    Token storeConfigured(Kind kind, String name, List<String> scopes, String secret) {
        return find(secret, kind).orElseGet(() -> store(kind, name, scopes, secret));
    }

    private Token store(Kind kind, String name, List<String> scopes, String secret) {
        long id = jdbc.sql("INSERT INTO access_token (kind, name, token_hash, scopes, created_by)"
                        + " VALUES (?, ?, ?, ?, ?) RETURNING token_id")
                .params(kind.name(), name, hash(secret), scopes.toArray(String[]::new), Viewer.current().name())
                .query(Long.class).single();
        Token token = byId(id).orElseThrow();
        audit.record(AuditLog.Action.TOKEN_CREATED, token.auditName(), name + " " + scopes);
        return token;
    }

    /** The working token of a kind with this secret, noting when it was last used (at most once a minute). */
    public Optional<Token> authenticate(String secret, Kind kind) {
        Optional<Token> token = find(secret, kind).filter(Token::active);
        token.ifPresent(t -> jdbc.sql("UPDATE access_token SET last_used_at = now() WHERE token_id = ?"
                        + " AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
                .param(t.id()).update());
        return token;
    }

    /** Whether a token still works. */
    public boolean active(long id) {
        return byId(id).map(Token::active).orElse(false);
    }

    /** The tokens of a kind, the working ones first, the newest first. */
    public List<Token> list(Kind kind) {
        return jdbc.sql("SELECT * FROM access_token WHERE kind = ? ORDER BY revoked_at IS NOT NULL, created_at DESC")
                .param(kind.name()).query(TOKEN).list();
    }

    /** Revokes a token: it is refused from its next use, and the walls signed in with it close now. */
    public void revoke(long id) {
        int changed = jdbc.sql("UPDATE access_token SET revoked_at = now(), revoked_by = ? WHERE token_id = ?"
                        + " AND revoked_at IS NULL")
                .params(Viewer.current().name(), id).update();
        if (changed > 0) {
            Token token = byId(id).orElseThrow();
            audit.record(AuditLog.Action.TOKEN_REVOKED, token.auditName(), token.name());
            live.end(token.auditName());
        }
    }

    private Optional<Token> find(String secret, Kind kind) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM access_token WHERE token_hash = ? AND kind = ?")
                .params(hash(secret.strip()), kind.name()).query(TOKEN).optional();
    }

    private Optional<Token> byId(long id) {
        return jdbc.sql("SELECT * FROM access_token WHERE token_id = ?").param(id).query(TOKEN).optional();
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

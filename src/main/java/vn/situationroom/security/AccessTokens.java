package vn.situationroom.security;

import jakarta.annotation.PreDestroy;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.RowCallbackHandler;
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
    public record Token(
            long id,
            Kind kind,
            String name,
            List<String> scopes,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt,
            String revokedBy)
            implements Serializable {

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
        return new Token(
                rs.getLong("token_id"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                Arrays.asList((String[]) scopes.getArray()),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")),
                rs.getString("revoked_by"));
    };

    /** Every token by the SHA-256 of its secret and by its id, as last read. */
    private record Known(Map<String, Token> byHash, Map<Long, Token> byId) {}

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final LiveSessions live;
    private final Snapshot<Known> known;
    /** When each token was used, written with the next reading rather than on the request's own time. */
    private final Map<Long, Instant> used = new ConcurrentHashMap<>();

    AccessTokens(JdbcClient jdbc, AuditLog audit, LiveSessions live) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.live = live;
        this.known =
                new Snapshot<>("access tokens", this::readAll, new Known(Map.of(), Map.of()), Duration.ofSeconds(5));
        known.refresh();
    }

    @PreDestroy
    void close() {
        known.close();
    }

    private Known readAll() {
        for (Map.Entry<Long, Instant> use : Map.copyOf(used).entrySet()) {
            jdbc.sql("UPDATE access_token SET last_used_at = ? WHERE token_id = ?")
                    .params(Timestamp.from(use.getValue()), use.getKey())
                    .update();
            used.remove(use.getKey(), use.getValue());
        }
        Map<String, Token> byHash = new HashMap<>();
        Map<Long, Token> byId = new HashMap<>();
        jdbc.sql("SELECT * FROM access_token").query((RowCallbackHandler) rs -> {
            Token token = TOKEN.mapRow(rs, 0);
            byHash.put(rs.getString("token_hash"), token);
            byId.put(token.id(), token);
        });
        // A token revoked by another instance of the app closes this instance's walls signed in with it too.
        if (known != null) {
            known.get().byId().forEach((id, token) -> {
                if (token.active() && (byId.get(id) == null || !byId.get(id).active())) {
                    live.end(token.auditName());
                }
            });
        }
        return new Known(Map.copyOf(byHash), Map.copyOf(byId));
    }

    /** Issues a token; an API token needs at least one scope, a kiosk token has none. */
    public Issued issue(Kind kind, String name, List<String> scopes) {
        Callers.requireRoleOrApp("issue tokens", Roles.ADMIN);
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
        String secret = newSecret(kind);
        return new Issued(store(kind, name.strip(), List.copyOf(checked), secret), secret);
    }

    private String newSecret(Kind kind) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return (kind == Kind.API ? "sra_" : "srk_")
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Spends a wall screen's pairing link: the secret of the address the screen opens once is replaced by a new one,
     * which only that screen's cookie holds. The address then signs nothing in, wherever it was copied, photographed
     * or forwarded; on every instance of the app, since the replacement is one update of the shared database.
     *
     * @return the token, with the screen's own secret; empty when the link is unknown, revoked or spent already
     */
    public Optional<Issued> pair(String linkSecret) {
        Optional<Token> token = authenticate(linkSecret, Kind.KIOSK);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String screen = newSecret(Kind.KIOSK);
        int changed = jdbc.sql("UPDATE access_token SET token_hash = ? WHERE token_id = ? AND token_hash = ?"
                        + " AND revoked_at IS NULL")
                .params(hash(screen), token.get().id(), hash(linkSecret.strip()))
                .update();
        known.refresh();
        if (changed == 0) {
            return Optional.empty();
        }
        audit.record(
                token.get().auditName(),
                AuditLog.Action.KIOSK_PAIRED,
                token.get().auditName(),
                token.get().name());
        return Optional.of(new Issued(known.get().byId().get(token.get().id()), screen));
    }

    /**
     * Stores a token whose secret was chosen outside the app (the first API token from the configuration), unless one
     * with that secret exists already.
     */
    Token storeConfigured(Kind kind, String name, List<String> scopes, String secret) {
        Token existing = known.get().byHash().get(hash(secret));
        return existing != null && existing.kind() == kind ? existing : store(kind, name, scopes, secret);
    }

    private Token store(Kind kind, String name, List<String> scopes, String secret) {
        long id = jdbc.sql("INSERT INTO access_token (kind, name, token_hash, scopes, created_by)"
                        + " VALUES (?, ?, ?, ?, ?) RETURNING token_id")
                .params(
                        kind.name(),
                        name,
                        hash(secret),
                        scopes.toArray(String[]::new),
                        Viewer.current().name())
                .query(Long.class)
                .single();
        known.refresh();
        Token token = known.get().byId().get(id);
        audit.record(AuditLog.Action.TOKEN_CREATED, token.auditName(), name + " " + scopes);
        return token;
    }

    /** The working token of a kind with this secret, from memory (see {@link Snapshot}), noting its use. */
    public Optional<Token> authenticate(String secret, Kind kind) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<Token> token = Optional.ofNullable(known.get().byHash().get(hash(secret.strip())))
                .filter(t -> t.kind() == kind && t.active());
        token.ifPresent(t -> used.put(t.id(), Instant.now()));
        return token;
    }

    /** Whether a token still works. */
    public boolean active(long id) {
        Token token = known.get().byId().get(id);
        return token != null && token.active();
    }

    /** The tokens of a kind, the working ones first, the newest first. */
    public List<Token> list(Kind kind) {
        return jdbc.sql("SELECT * FROM access_token WHERE kind = ? ORDER BY revoked_at IS NOT NULL, created_at DESC")
                .param(kind.name())
                .query(TOKEN)
                .list();
    }

    /** Revokes a token: it is refused from its next use, and the walls signed in with it close now. */
    public void revoke(long id) {
        Callers.requireRoleOrApp("revoke tokens", Roles.ADMIN);
        int changed = jdbc.sql("UPDATE access_token SET revoked_at = now(), revoked_by = ? WHERE token_id = ?"
                        + " AND revoked_at IS NULL")
                .params(Viewer.current().name(), id)
                .update();
        known.refresh();
        if (changed > 0) {
            Token token = known.get().byId().get(id);
            audit.record(AuditLog.Action.TOKEN_REVOKED, token.auditName(), token.name());
            live.end(token.auditName());
        }
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package org.stockroom.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.support.DomainException;
import org.stockroom.support.Ids;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.NotFoundException;
import org.stockroom.support.Text;

/**
 * API tokens for integrations. A token is 256 random bits, so a fast SHA-256 is enough to store
 * it safely (there is nothing to guess, unlike a password). A request's token is looked up in the
 * database at most once per {@link CredentialCache} lifetime (seconds): revoking one stops it at the
 * next request on this instance, and within that lifetime on every other instance.
 */
@Service
public class Tokens {

    /** A freshly issued token; {@code token} is never shown again. */
    /** Serializable: the token pages hand it to the next page in the (shared, database-held) web session. */
    public record Issued(String id, String name, Role role, String token, Instant createdAt, Instant expiresAt)
            implements java.io.Serializable {}

    static final String PREFIX = "sr_";
    /** The last-used time is written at most this often per token, so busy integrations do not write on every call. */
    private static final long LAST_USED_PRECISION_MILLIS = 60_000;

    /** The latest expiry a token may have: the last instant of year 9999, which the expiry column (epoch millis) holds. */
    static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final CredentialCache cache;

    Tokens(JdbcClient jdbc, Audit audit, Clock clock, CredentialCache cache) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.cache = cache;
    }

    /** Issues a token for {@code creator}, with a role no higher than the creator's own. */
    @Transactional
    public Issued issue(Account creator, String name, Role role, Instant expiresAt) {
        String cleanName = Text.clean("name", name, 100, true);
        if (role == null) {
            throw new InvalidRequestException("role", "is required");
        }
        if (!creator.role().includes(role)) {
            throw new DomainException(
                    DomainException.Kind.FORBIDDEN,
                    "forbidden",
                    "A token cannot have a higher role than its creator (" + creator.role() + ")");
        }
        long now = clock.millis();
        // Compared as instants: an instant years beyond 9999 (JSON may carry one) has no epoch millis to compare.
        if (expiresAt != null && !expiresAt.isAfter(Instant.ofEpochMilli(now))) {
            throw new InvalidRequestException("expiresAt", "must be in the future");
        }
        if (expiresAt != null && expiresAt.isAfter(LATEST_EXPIRY)) {
            throw new InvalidRequestException("expiresAt", "must be at most " + LATEST_EXPIRY);
        }
        String owner = creator.isToken() ? creatorOf(creator.tokenId()) : creator.name();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = Ids.newId(clock);
        jdbc.sql("""
                INSERT INTO api_token (id, name, token_hash, role, created_by, created_at, expires_at)
                VALUES (:id, :name, :hash, :role, :by, :now, :expires)""")
                .param("id", id)
                .param("name", cleanName)
                .param("hash", hash(token))
                .param("role", role.name())
                .param("by", owner)
                .param("now", now)
                .param("expires", expiresAt == null ? null : expiresAt.toEpochMilli())
                .update();
        audit.record("token.created", id, cleanName + " (" + role + ")");
        return new Issued(id, cleanName, role, token, Instant.ofEpochMilli(now), expiresAt);
    }

    public List<ApiToken> list() {
        return jdbc.sql(
                        "SELECT id, name, role, created_by, created_at, expires_at, last_used_at, revoked_at FROM api_token"
                                + " ORDER BY created_at DESC, id DESC")
                .query((rs, n) -> new ApiToken(
                        rs.getString("id"),
                        rs.getString("name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("created_by"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        instant(rs, "expires_at"),
                        instant(rs, "last_used_at"),
                        instant(rs, "revoked_at")))
                .list();
    }

    /** Revokes at once; revoking twice is harmless. */
    @Transactional
    public void revoke(String id) {
        String name = jdbc.sql("SELECT name FROM api_token WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("unknown-token", "No API token with id " + id));
        cache.forgetAll();
        if (jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                        .param("id", id)
                        .param("now", clock.millis())
                        .update()
                == 1) {
            audit.record("token.revoked", id, name);
        }
    }

    /**
     * The account of a token verified within the cache's lifetime, read from memory only; empty when
     * the token must be looked up (then {@link #authenticate} does).
     */
    Optional<Account> remembered(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return cache.get(cache.tokenKey(token));
    }

    /**
     * The account a presented token acts as, if the token is known, not revoked, not expired, and
     * its creator is still enabled. It never acts with more than its creator has now (as of the
     * cache's lifetime, for changes made on another instance).
     */
    public Optional<Account> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String key = cache.tokenKey(token);
        Optional<Account> remembered = cache.get(key);
        if (remembered.isPresent()) {
            return remembered;
        }
        long now = clock.millis();
        record Found(
                String id,
                String name,
                Role role,
                Role creatorRole,
                boolean creatorDisabled,
                Long expiresAt,
                Long revokedAt,
                Long lastUsedAt) {}
        Optional<Found> found = jdbc.sql("""
                        SELECT t.id, t.name, t.role, u.role AS creator_role, u.disabled, t.expires_at, t.revoked_at, t.last_used_at
                        FROM api_token t JOIN app_user u ON u.username = t.created_by WHERE t.token_hash = :hash""")
                .param("hash", hash(token))
                .query((rs, n) -> new Found(
                        rs.getString("id"),
                        rs.getString("name"),
                        Role.valueOf(rs.getString("role")),
                        Role.valueOf(rs.getString("creator_role")),
                        rs.getBoolean("disabled"),
                        UserRepository.nullableLong(rs, "expires_at"),
                        UserRepository.nullableLong(rs, "revoked_at"),
                        UserRepository.nullableLong(rs, "last_used_at")))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Found t = found.get();
        if (t.revokedAt() != null || (t.expiresAt() != null && t.expiresAt() <= now) || t.creatorDisabled()) {
            return Optional.empty();
        }
        if (t.lastUsedAt() == null || now - t.lastUsedAt() >= LAST_USED_PRECISION_MILLIS) {
            jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id")
                    .param("id", t.id())
                    .param("now", now)
                    .update();
        }
        Role role = t.creatorRole().includes(t.role()) ? t.role() : t.creatorRole();
        Account account = new Account(t.name(), role, t.id());
        cache.put(key, account, t.expiresAt());
        return Optional.of(account);
    }

    private String creatorOf(String tokenId) {
        return jdbc.sql("SELECT created_by FROM api_token WHERE id = :id")
                .param("id", tokenId)
                .query(String.class)
                .single();
    }

    static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Long value = UserRepository.nullableLong(rs, column);
        return value == null ? null : Instant.ofEpochMilli(value);
    }
}

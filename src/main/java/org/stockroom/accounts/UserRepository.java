package org.stockroom.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stockroom.support.Database;

@Repository
class UserRepository {

    /** Everything stored about a user, for the account code only. */
    record Row(
            String username,
            String passwordHash,
            Role role,
            boolean disabled,
            String totpSecret,
            Long totpLastStep,
            long createdAt,
            long updatedAt,
            Long lastLoginAt) {

        User view() {
            return new User(
                    username,
                    role,
                    disabled,
                    totpSecret != null,
                    Instant.ofEpochMilli(createdAt),
                    Instant.ofEpochMilli(updatedAt),
                    lastLoginAt == null ? null : Instant.ofEpochMilli(lastLoginAt));
        }
    }

    private static final String COLUMNS =
            "username, password_hash, role, disabled, totp_secret, totp_last_step, created_at, updated_at, last_login_at";

    private final JdbcClient jdbc;
    private final Database database;
    private final CredentialCache credentials;

    UserRepository(JdbcClient jdbc, Database database, CredentialCache credentials) {
        this.jdbc = jdbc;
        this.database = database;
        this.credentials = credentials;
    }

    /**
     * Locks the enabled owners until the transaction ends, in one order so two lockers cannot
     * deadlock. PostgreSQL re-reads a row it waited for, so a waiter no longer sees an owner the
     * first transaction demoted. SQLite needs nothing: its write transactions begin IMMEDIATE and
     * so already run one at a time.
     */
    void lockActiveOwners() {
        if (database == Database.POSTGRESQL) {
            jdbc.sql(
                            "SELECT username FROM app_user WHERE role = 'OWNER' AND disabled = FALSE ORDER BY username FOR UPDATE")
                    .query(String.class)
                    .list();
        }
    }

    Optional<Row> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :u")
                .param("u", username)
                .query(UserRepository::row)
                .optional();
    }

    List<Row> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
                .query(UserRepository::row)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    long activeOwners() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'OWNER' AND disabled = FALSE")
                .query(Long.class)
                .single();
    }

    /** False when the username is taken (the primary key decides, whatever another instance does). */
    boolean insert(String username, String passwordHash, Role role, long now) {
        return jdbc.sql("""
                INSERT INTO app_user (username, password_hash, role, disabled, created_at, updated_at)
                VALUES (:u, :h, :r, FALSE, :now, :now) ON CONFLICT (username) DO NOTHING""")
                        .param("u", username)
                        .param("h", passwordHash)
                        .param("r", role.name())
                        .param("now", now)
                        .update()
                == 1;
    }

    /** Also forgets the credentials this instance remembers: they may prove a password, role or account no longer valid. */
    void update(String username, String passwordHash, Role role, boolean disabled, long now) {
        credentials.forgetAll();
        jdbc.sql(
                        "UPDATE app_user SET password_hash = :h, role = :r, disabled = :d, updated_at = :now WHERE username = :u")
                .param("u", username)
                .param("h", passwordHash)
                .param("r", role.name())
                .param("d", disabled)
                .param("now", now)
                .update();
    }

    void loggedIn(String username, long now) {
        jdbc.sql("UPDATE app_user SET last_login_at = :now WHERE username = :u")
                .param("u", username)
                .param("now", now)
                .update();
    }

    /** A second factor closes HTTP Basic for the account, so remembered credentials go too. */
    void setTotp(String username, String secret, Long lastStep, long now) {
        credentials.forgetAll();
        jdbc.sql("UPDATE app_user SET totp_secret = :s, totp_last_step = :step, updated_at = :now WHERE username = :u")
                .param("u", username)
                .param("s", secret)
                .param("step", lastStep)
                .param("now", now)
                .update();
    }

    /** Accepts a code's time step only once and only forwards: two sign-ins racing with one code cannot both win. */
    boolean useTotpStep(String username, long step) {
        return jdbc.sql("""
                UPDATE app_user SET totp_last_step = :step
                WHERE username = :u AND (totp_last_step IS NULL OR totp_last_step < :step)""").param("u", username).param("step", step).update() == 1;
    }

    void replaceRecoveryCodes(String username, List<String> hashes) {
        jdbc.sql("DELETE FROM recovery_code WHERE username = :u")
                .param("u", username)
                .update();
        for (String hash : hashes) {
            jdbc.sql("INSERT INTO recovery_code (username, code_hash) VALUES (:u, :h)")
                    .param("u", username)
                    .param("h", hash)
                    .update();
        }
    }

    boolean useRecoveryCode(String username, String hash) {
        return jdbc.sql("DELETE FROM recovery_code WHERE username = :u AND code_hash = :h")
                        .param("u", username)
                        .param("h", hash)
                        .update()
                == 1;
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getString("username"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("disabled"),
                rs.getString("totp_secret"),
                nullableLong(rs, "totp_last_step"),
                rs.getLong("created_at"),
                rs.getLong("updated_at"),
                nullableLong(rs, "last_login_at"));
    }

    static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}

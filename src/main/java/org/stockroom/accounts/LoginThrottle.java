package org.stockroom.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password and token guessing. The counts live in the database (table
 * {@code login_failure}), so every instance behind a load balancer sees the same counts and a
 * restart forgets nothing; each failure costs a few small writes.
 *
 * <p>An account has a count of recent failures: past {@value #FREE_ACCOUNT_FAILURES} free ones
 * every further failure locks the account, from everywhere, for twice as long as the last (1 s, 2
 * s, 4 s, ... up to 15 minutes). Its next successful sign-in forgets the count.
 *
 * <p>An address (which may be an office behind one router) has a count too, and past {@value
 * #FREE_ADDRESS_FAILURES} failures it is locked the same way. A locked address is refused only
 * for the names (accounts or not) that failed from it: another account's correct password from
 * the same address still signs in, so a
 * colleague's typos or a guesser trying unknown names cannot lock the owner out. API tokens are
 * counted apart from passwords for the same reason. A count is forgotten after a quiet quarter of
 * an hour.
 */
@Component
public class LoginThrottle {

    /** A current lock, as shown to the OWNER. */
    public record Lockout(String kind, String key, int failures, Instant lockedUntil) {}

    static final int FREE_ACCOUNT_FAILURES = 5;
    static final int FREE_ADDRESS_FAILURES = 20;
    static final long MAX_LOCK_MILLIS = 15 * 60_000;
    private static final long FORGET_AFTER_MILLIS = 15 * 60_000;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Refuses while the account (null for an API token) is locked, or the address is locked for it. */
    void check(String username, String address) {
        long now = clock.millis();
        long until;
        if (username == null) {
            until = lockedUntil(tokenKey(address), now);
        } else {
            until = lockedUntil(accountKey(username), now);
            long addressLock = lockedUntil(addressKey(address), now);
            if (addressLock > now && failures(pairKey(address, username), now) > 0) {
                until = Math.max(until, addressLock);
            }
        }
        if (until > now) {
            throw new RateLimitedException(until - now);
        }
    }

    void failed(String username, String address) {
        outsideTheCurrentTransaction(false, () -> {
            long now = clock.millis();
            if (username == null) {
                count(tokenKey(address), now, FREE_ADDRESS_FAILURES);
                return;
            }
            count(accountKey(username), now, FREE_ACCOUNT_FAILURES);
            count(pairKey(address, username), now, Integer.MAX_VALUE);
            count(addressKey(address), now, FREE_ADDRESS_FAILURES);
            forgetQuiet(now);
        });
    }

    /**
     * Forgets the account's failures, from everywhere. The address's own count stays: a guesser
     * who also knows one password must not be able to wipe it by signing in between guesses.
     */
    void succeeded(String username) {
        // Nearly every API request signs in: only one after failures costs a write. An account's
        // pair rows are written with, and forgotten no later than, its own row.
        boolean failedBefore = jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE key = :account")
                        .param("account", accountKey(username))
                        .query(Long.class)
                        .single()
                > 0;
        if (!failedBefore) {
            return;
        }
        outsideTheCurrentTransaction(
                true,
                () -> jdbc.sql("DELETE FROM login_failure WHERE key = :account OR key LIKE :pair ESCAPE '!'")
                        .param("account", accountKey(username))
                        .param("pair", "pair:%" + " " + escapeLike(username))
                        .update());
    }

    public List<Lockout> lockouts() {
        return jdbc.sql("SELECT key, failures, locked_until FROM login_failure WHERE locked_until > :now"
                        + " ORDER BY locked_until DESC, key")
                .param("now", clock.millis())
                .query((rs, n) -> {
                    String key = rs.getString(1);
                    int colon = key.indexOf(':');
                    return new Lockout(
                            key.substring(0, colon),
                            key.substring(colon + 1),
                            (int) Math.min(Integer.MAX_VALUE, rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3)));
                })
                .list();
    }

    /** Forgets every count; for tests that share one running application. */
    public void clear() {
        jdbc.sql("DELETE FROM login_failure").update();
    }

    /**
     * Adds one failure and, past the free ones, locks the key. Counting is one statement, so two
     * instances counting at once both count; the lock is then set only by whoever counted last.
     */
    private void count(String key, long now, int free) {
        long count = jdbc.sql("""
                        INSERT INTO login_failure (key, failures, last_failure, locked_until)
                        VALUES (:key, 1, :now, 0)
                        ON CONFLICT (key) DO UPDATE SET
                            failures = CASE WHEN :now - login_failure.last_failure > :forget THEN 1
                                            ELSE login_failure.failures + 1 END,
                            last_failure = :now
                        RETURNING failures""")
                .param("key", key)
                .param("now", now)
                .param("forget", FORGET_AFTER_MILLIS)
                .query(Long.class)
                .single();
        if (count > free) {
            long lock = Math.min(MAX_LOCK_MILLIS, 1000L << Math.min(20, count - free - 1));
            jdbc.sql("UPDATE login_failure SET locked_until = :until WHERE key = :key AND failures = :count")
                    .param("until", now + lock)
                    .param("key", key)
                    .param("count", count)
                    .update();
        }
    }

    private long lockedUntil(String key, long now) {
        return jdbc.sql("SELECT locked_until FROM login_failure WHERE key = :key")
                .param("key", key)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private long failures(String key, long now) {
        return jdbc.sql("SELECT failures FROM login_failure WHERE key = :key AND last_failure >= :since")
                .param("key", key)
                .param("since", now - FORGET_AFTER_MILLIS)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private void forgetQuiet(long now) {
        jdbc.sql("DELETE FROM login_failure WHERE last_failure < :quiet AND locked_until <= :now")
                .param("quiet", now - FORGET_AFTER_MILLIS)
                .param("now", now)
                .update();
    }

    /**
     * The counts are written in a transaction of their own, so that a refusal thrown out of the
     * caller's transaction does not roll them back. Inside a transaction that cannot be done at once
     * (on SQLite a second writer waits for the first, which waits for this): the write follows once
     * that transaction has ended, on a thread of its own, since the ended transaction's connection
     * is still bound to this one (and on SQLite holds the write lock) until it is cleaned up.
     */
    private void outsideTheCurrentTransaction(boolean onlyAfterCommit, Runnable write) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            ownTransaction.executeWithoutResult(status -> write.run());
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED || !onlyAfterCommit) {
                    Thread writer = new Thread(
                            () -> {
                                try {
                                    ownTransaction.executeWithoutResult(s -> write.run());
                                } catch (RuntimeException e) {
                                    log.warn("A sign-in failure count was not written: {}", e.toString());
                                }
                            },
                            "login-throttle-write");
                    writer.setDaemon(true);
                    writer.start();
                }
            }
        });
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String accountKey(String username) {
        return "account:" + username;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static String pairKey(String address, String username) {
        return "pair:" + address + " " + username;
    }

    private static String tokenKey(String address) {
        return "token:" + address;
    }
}

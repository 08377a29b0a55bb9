package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.stockroom.testing.ApiTestSupport;

/** The throttle's rules, on the real store's table (both engines), with a clock the test moves. */
class LoginThrottleTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        long millis = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final ManualClock clock = new ManualClock();
    private LoginThrottle throttle;

    @BeforeEach
    void throttleOnTheStoresTable() {
        throttle = new LoginThrottle(jdbc, transactions, clock);
    }

    private long retryAfter(String user, String address) {
        try {
            throttle.check(user, address);
            return 0;
        } catch (RateLimitedException e) {
            return e.retryAfterSeconds();
        }
    }

    @Test
    void anAccountIsLockedForLongerAfterEachFailureBeyondTheFreeOnes() {
        for (int i = 0; i < LoginThrottle.FREE_ACCOUNT_FAILURES; i++) {
            throttle.failed("sam", "10.0.0.1");
            assertThat(retryAfter("sam", "10.0.0.1")).isZero();
        }
        long previous = 0;
        for (int i = 0; i < 5; i++) {
            throttle.failed("sam", "10.0.0.1");
            long wait = retryAfter("sam", "10.0.0.2");
            assertThat(wait).isGreaterThan(previous);
            previous = wait;
            clock.millis += wait * 1000;
        }
        assertThat(previous).isEqualTo(16);
    }

    @Test
    void aLockLiftsByItselfAndTheOwnerCanSeeItMeanwhile() {
        for (int i = 0; i <= LoginThrottle.FREE_ACCOUNT_FAILURES; i++) {
            throttle.failed("sam", "10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.check("sam", "10.0.0.9")).isInstanceOf(RateLimitedException.class);
        assertThat(throttle.lockouts()).extracting(LoginThrottle.Lockout::key).containsExactly("sam");

        clock.millis += 1000;

        throttle.check("sam", "10.0.0.9");
        assertThat(throttle.lockouts()).isEmpty();
    }

    @Test
    void aLockedAddressRefusesTheNamesThatFailedFromItButNotAnotherAccountsCorrectPassword() {
        for (int i = 0; i <= LoginThrottle.FREE_ADDRESS_FAILURES; i++) {
            throttle.failed(i < 3 ? "sam" : "guess" + i, "10.0.0.66");
        }

        assertThat(retryAfter("guess7", "10.0.0.66")).isPositive();
        assertThat(retryAfter("sam", "10.0.0.66")).isPositive();
        assertThat(retryAfter("admin", "10.0.0.66")).isZero();
        assertThat(retryAfter("sam", "10.0.0.1")).isZero();
    }

    @Test
    void tokenGuessesAndPasswordFailuresAreCountedApart() {
        for (int i = 0; i <= LoginThrottle.FREE_ADDRESS_FAILURES; i++) {
            throttle.failed(null, "10.0.0.66");
        }

        assertThat(retryAfter(null, "10.0.0.66")).isPositive();
        assertThat(retryAfter("admin", "10.0.0.66")).isZero();
    }

    @Test
    void anotherInstanceOnTheSameStoreSeesTheLock() {
        LoginThrottle otherInstance = new LoginThrottle(jdbc, transactions, clock);
        for (int i = 0; i <= LoginThrottle.FREE_ACCOUNT_FAILURES; i++) {
            (i % 2 == 0 ? throttle : otherInstance).failed("sam", "10.0.0." + i);
        }

        assertThatThrownBy(() -> otherInstance.check("sam", "10.0.0.9")).isInstanceOf(RateLimitedException.class);
        assertThat(otherInstance.lockouts())
                .extracting(LoginThrottle.Lockout::key)
                .containsExactly("sam");
    }

    @Test
    void aSuccessfulSignInForgetsTheAccountsFailures() {
        for (int i = 0; i < LoginThrottle.FREE_ACCOUNT_FAILURES; i++) {
            throttle.failed("sam", "10.0.0.1");
        }
        throttle.succeeded("sam");
        throttle.failed("sam", "10.0.0.1");

        assertThat(retryAfter("sam", "10.0.0.2")).isZero();
        assertThat(retryAfter("sam", "10.0.0.1")).isZero();
    }

    @Test
    void theLongestLockIsAQuarterOfAnHour() {
        for (int i = 0; i < 60; i++) {
            throttle.failed("sam", "10.0.0." + i);
        }

        assertThat(retryAfter("sam", "10.0.0.200")).isEqualTo(LoginThrottle.MAX_LOCK_MILLIS / 1000);
    }
}

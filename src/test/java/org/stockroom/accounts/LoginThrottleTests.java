package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

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
    private final LoginThrottle throttle = new LoginThrottle(clock);

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
    void anAddressIsLockedAfterManyFailuresWhateverTheAccounts() {
        for (int i = 0; i <= LoginThrottle.FREE_ADDRESS_FAILURES; i++) {
            throttle.failed(i % 2 == 0 ? null : "guess" + i, "10.0.0.66");
        }

        assertThat(retryAfter("admin", "10.0.0.66")).isPositive();
        assertThat(retryAfter("admin", "10.0.0.1")).isZero();
    }

    @Test
    void aSuccessfulSignInForgetsTheAccountsFailures() {
        for (int i = 0; i < LoginThrottle.FREE_ACCOUNT_FAILURES; i++) {
            throttle.failed("sam", "10.0.0.1");
        }
        throttle.succeeded("sam");
        throttle.failed("sam", "10.0.0.1");

        assertThat(retryAfter("sam", "10.0.0.2")).isZero();
    }

    @Test
    void theLongestLockIsAQuarterOfAnHour() {
        for (int i = 0; i < 60; i++) {
            throttle.failed("sam", "10.0.0." + i);
        }

        assertThat(retryAfter("sam", "10.0.0.200")).isEqualTo(LoginThrottle.MAX_LOCK_MILLIS / 1000);
    }
}

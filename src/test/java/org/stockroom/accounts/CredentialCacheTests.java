package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CredentialCacheTests {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final HandClock clock = new HandClock();
    private final Account sam = new Account("sam", Role.STAFF, null);

    private CredentialCache cache(Duration ttl, int maxEntries) {
        return new CredentialCache(clock, new CredentialCacheProperties(ttl, maxEntries));
    }

    @Test
    void aCredentialIsRememberedForTheLifetimeAndNotAMomentLonger() {
        CredentialCache cache = cache(Duration.ofSeconds(5), 100);
        String key = cache.basicKey("sam", "a-long-password");
        cache.put(key, sam, null);

        clock.millis += 4_999;
        assertThat(cache.get(key)).contains(sam);
        clock.millis += 1;
        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void aTokenIsNotRememberedPastItsExpiry() {
        CredentialCache cache = cache(Duration.ofSeconds(5), 100);
        String key = cache.tokenKey("sr_abc");
        cache.put(key, sam, clock.millis + 1_000);

        clock.millis += 1_000;

        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void anotherPasswordOrUserIsAnotherKey() {
        CredentialCache cache = cache(Duration.ofSeconds(5), 100);
        cache.put(cache.basicKey("sam", "a-long-password"), sam, null);

        assertThat(cache.get(cache.basicKey("sam", "a-long-passwore"))).isEmpty();
        assertThat(cache.get(cache.basicKey("samx", "a-long-password"))).isEmpty();
        // The separator keeps "sa" + "m..." from meeting "sam" + "...".
        assertThat(cache.basicKey("sa", "ma-long-password")).isNotEqualTo(cache.basicKey("sam", "a-long-password"));
        assertThat(cache.tokenKey("sam")).isNotEqualTo(cache.basicKey("sam", ""));
    }

    @Test
    void theKeysHoldNeitherTheCredentialNorItsPlainHash() {
        CredentialCache cache = cache(Duration.ofSeconds(5), 100);
        String token = "sr_secret-token-value";

        assertThat(cache.tokenKey(token)).doesNotContain(token).doesNotContain(Tokens.hash(token));
        assertThat(cache(Duration.ofSeconds(5), 100).tokenKey(token))
                .as("a key made at start, never stored")
                .isNotEqualTo(cache.tokenKey(token));
    }

    @Test
    void forgettingClearsNowAndAgainWhenTheTransactionEnds() {
        CredentialCache cache = cache(Duration.ofSeconds(5), 100);
        String key = cache.basicKey("sam", "a-long-password");
        cache.put(key, sam, null);
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.forgetAll();
            assertThat(cache.get(key)).isEmpty();
            // A request that read the row before the change committed puts the old account back.
            cache.put(key, sam, null);
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void aZeroLifetimeTurnsTheCacheOff() {
        CredentialCache cache = cache(Duration.ZERO, 100);
        String key = cache.tokenKey("sr_abc");
        cache.put(key, sam, null);

        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void theCacheStaysWithinItsBound() {
        CredentialCache cache = cache(Duration.ofSeconds(5), 2);
        cache.put(cache.tokenKey("sr_1"), sam, null);
        cache.put(cache.tokenKey("sr_2"), sam, null);
        cache.put(cache.tokenKey("sr_3"), sam, null);

        assertThat(cache.get(cache.tokenKey("sr_1"))).isEmpty();
        assertThat(cache.get(cache.tokenKey("sr_3"))).contains(sam);
    }
}

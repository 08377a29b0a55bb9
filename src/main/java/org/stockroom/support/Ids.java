package org.stockroom.support;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDs (version 7), so purchases sort by creation in indexes on both databases.
 * Within one process they are strictly increasing: the 12 bits after the millisecond count up
 * (RFC 9562, method 3), so two purchases made in the same millisecond still list in the order
 * they were made; the 62 random bits keep ids of different instances apart.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {}

    public static String newId(Clock clock) {
        long millis = clock.millis();
        // Milliseconds and counter in one number; past 4096 ids in a millisecond it borrows the next one.
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, millis << 12));
        long msb = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}

package org.stockroom.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password and token guessing. Each account and each client address has a count of
 * recent failures; past a few free attempts (5 for an account, 20 for an address, which may be an
 * office behind one router) every further failure locks it for twice as long as the last (1 s,
 * 2 s, 4 s, ... up to 15 minutes). A lock lifts by itself, and the count is
 * forgotten after a quiet quarter of an hour or, for an account, at its next successful sign-in.
 *
 * <p>The counts live in this instance's memory: with several instances behind a load balancer a
 * guesser gets the free attempts once per instance, and a restart forgets them. That keeps failed
 * guesses from costing a database write each; a proxy in front can add a shared limit.
 */
@Component
public class LoginThrottle {

    /** A current lock, as shown to the OWNER. */
    public record Lockout(String kind, String key, int failures, Instant lockedUntil) {}

    static final int FREE_ACCOUNT_FAILURES = 5;
    static final int FREE_ADDRESS_FAILURES = 20;
    static final long MAX_LOCK_MILLIS = 15 * 60_000;
    private static final long FORGET_AFTER_MILLIS = 15 * 60_000;
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, long lastFailure, long lockedUntil) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses while the account (may be null) or the address is locked. */
    void check(String username, String address) {
        long now = clock.millis();
        long until = Math.max(lockedUntil(userKey(username), now), lockedUntil(addressKey(address), now));
        if (until > now) {
            throw new RateLimitedException(until - now);
        }
    }

    void failed(String username, String address) {
        long now = clock.millis();
        if (failures.size() > MAX_TRACKED) {
            forgetQuiet(now);
        }
        if (username != null) {
            failures.compute(userKey(username), (k, f) -> next(f, now, FREE_ACCOUNT_FAILURES));
        }
        failures.compute(addressKey(address), (k, f) -> next(f, now, FREE_ADDRESS_FAILURES));
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    public List<Lockout> lockouts() {
        long now = clock.millis();
        return failures.entrySet().stream()
                .filter(e -> e.getValue().lockedUntil() > now)
                .map(e -> new Lockout(
                        e.getKey().substring(0, e.getKey().indexOf(':')),
                        e.getKey().substring(e.getKey().indexOf(':') + 1),
                        e.getValue().count(),
                        Instant.ofEpochMilli(e.getValue().lockedUntil())))
                .sorted(Comparator.comparing(Lockout::lockedUntil).reversed())
                .toList();
    }

    /** Forgets every count; for tests that share one running application. */
    public void clear() {
        failures.clear();
    }

    private static Failures next(Failures f, long now, int free) {
        int count = f == null || now - f.lastFailure() > FORGET_AFTER_MILLIS ? 1 : f.count() + 1;
        long lock = count <= free ? 0 : Math.min(MAX_LOCK_MILLIS, 1000L << Math.min(20, count - free - 1));
        return new Failures(count, now, now + lock);
    }

    private long lockedUntil(String key, long now) {
        if (key == null) {
            return 0;
        }
        Failures f = failures.get(key);
        return f == null ? 0 : f.lockedUntil();
    }

    private void forgetQuiet(long now) {
        failures.entrySet()
                .removeIf(e -> now - e.getValue().lastFailure() > FORGET_AFTER_MILLIS
                        && e.getValue().lockedUntil() <= now);
    }

    private static String userKey(String username) {
        return username == null ? null : "account:" + username;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}

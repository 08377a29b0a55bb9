package org.stockroom.accounts;

import org.springframework.security.core.AuthenticationException;

/** Too many failed attempts: the caller should come back after {@link #retryAfterSeconds()}. */
public class RateLimitedException extends AuthenticationException {

    private final long retryAfterSeconds;

    RateLimitedException(long retryAfterMillis) {
        super("Too many failed sign-in attempts; try again in " + Math.max(1, (retryAfterMillis + 999) / 1000)
                + " seconds");
        this.retryAfterSeconds = Math.max(1, (retryAfterMillis + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package org.stockroom.http;

import org.stockroom.support.DomainException;

/**
 * The one place where a refusal of the core becomes an HTTP status, for the JSON API and the
 * pages alike.
 */
public final class Statuses {

    private Statuses() {}

    public static int of(DomainException refusal) {
        return of(refusal.kind());
    }

    public static int of(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE, OUTCOME_UNKNOWN -> 503;
        };
    }
}

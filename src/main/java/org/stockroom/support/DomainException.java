package org.stockroom.support;

import java.util.Map;

/**
 * A refusal the user can act on: a stable kebab-case {@code code} that clients may program against,
 * a sentence for a person, and what kind of refusal it is. Faces turn it into a Problem Details
 * answer (API), a page (web) or a one-line message with a non-zero exit (CLI); the transaction that
 * raised it changes nothing. The core speaks no HTTP: each face maps {@link Kind} to its own answer.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal this is, independent of how a face shows it. */
    public enum Kind {
        /** The request itself is malformed or breaks a rule of its fields. */
        INVALID,
        /** The thing the request is addressed to does not exist. */
        NOT_FOUND,
        /** The caller may not do this, whoever they are signed in as. */
        FORBIDDEN,
        /** The request is well formed but clashes with the current state (stock, a duplicate, a status). */
        CONFLICT,
        /** The request is well formed but names things that cannot be used (unknown or archived products). */
        UNPROCESSABLE,
        /** Too many requests; try again later. */
        RATE_LIMITED,
        /** The store cannot do it now; nothing was changed, and the same request may be tried again. */
        UNAVAILABLE,
        /** The request may or may not have taken effect; only a retry with the same idempotency key settles it. */
        OUTCOME_UNKNOWN
    }

    private final Kind kind;
    private final String code;
    private final Map<String, Object> properties;

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    public DomainException(Kind kind, String code, String message, Map<String, Object> properties) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

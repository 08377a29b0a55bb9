package org.stockroom.support;

import java.util.Map;

/**
 * A refusal the user can act on. Faces turn it into a Problem Details answer (API) or a
 * one-line message with a non-zero exit (CLI); the transaction that raised it changes nothing.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> properties;

    public DomainException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public DomainException(int status, String code, String message, Map<String, Object> properties) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

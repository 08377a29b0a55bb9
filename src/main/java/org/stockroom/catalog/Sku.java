package org.stockroom.catalog;

import java.util.regex.Pattern;
import org.stockroom.support.InvalidRequestException;

/** A stock-keeping unit: 1..64 of {@code A-Z a-z 0-9 . _ -}, case-sensitive. */
public record Sku(String value) implements Comparable<Sku> {

    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    private static final Pattern VALID = Pattern.compile(PATTERN);
    /** "." and ".." would be path segments in /api/products/{sku}, which no client can address. */
    private static final Pattern ONLY_DOTS = Pattern.compile("\\.+");

    public static final String RULE = "must be 1 to 64 characters of A-Z a-z 0-9 . _ - and not only dots";

    /** Whether {@code value} is a well-formed SKU, for code that reports all invalid fields together. */
    public static boolean isValid(String value) {
        return value != null
                && VALID.matcher(value).matches()
                && !ONLY_DOTS.matcher(value).matches();
    }

    public Sku {
        if (!isValid(value)) {
            throw new InvalidRequestException("sku", RULE);
        }
    }

    public static Sku of(String value) {
        return new Sku(value);
    }

    @Override
    public int compareTo(Sku other) {
        return value.compareTo(other.value);
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
        return value;
    }
}

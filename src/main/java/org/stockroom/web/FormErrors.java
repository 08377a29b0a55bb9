package org.stockroom.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;

/**
 * Messages to show next to form fields. Form text that is not even a number is reported here;
 * every other message comes from the domain's {@link InvalidRequestException}. The first message
 * for a field wins, so "must be a number" is not followed by the domain's "is required".
 */
final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    Map<String, String> asMap() {
        return byField;
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    void addAll(List<FieldError> errors) {
        errors.forEach(e -> add(e.field(), e.message()));
    }

    /** Throws the collected messages when there are any, as the domain would. */
    void throwIfAny() {
        if (!byField.isEmpty()) {
            throw new InvalidRequestException(byField.entrySet().stream()
                    .map(e -> new FieldError(e.getKey(), e.getValue()))
                    .toList());
        }
    }

    BigDecimal decimal(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            add(field, "must be a number");
            return null;
        }
    }

    Long whole(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            add(field, "must be a whole number");
            return null;
        }
    }

    Integer wholeInt(String field, String text) {
        Long value = whole(field, text);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            add(field, "is too large");
            return null;
        }
        return value == null ? null : value.intValue();
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

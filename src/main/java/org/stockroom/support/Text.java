package org.stockroom.support;

import java.text.Normalizer;
import java.util.List;

/** Free text from users: normalized to NFC so equal-looking names are equal, and free of control characters. */
public final class Text {

    private Text() {}

    /** Normalizes {@code value}; adds an error to {@code errors} and answers null when it breaks a rule. */
    public static String clean(
            String field,
            String value,
            int maxLength,
            boolean required,
            List<InvalidRequestException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new InvalidRequestException.FieldError(field, "is required"));
            } else if (value != null && !value.isEmpty()) {
                errors.add(new InvalidRequestException.FieldError(field, "must not be blank"));
            }
            return null;
        }
        String normalized = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (normalized.codePoints().anyMatch(Text::isControl)) {
            errors.add(new InvalidRequestException.FieldError(field, "must not contain control characters"));
            return null;
        }
        if (normalized.codePointCount(0, normalized.length()) > maxLength) {
            errors.add(new InvalidRequestException.FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return normalized;
    }

    /** Like {@link #clean} for a single field, throwing at once. */
    public static String clean(String field, String value, int maxLength, boolean required) {
        var errors = new java.util.ArrayList<InvalidRequestException.FieldError>();
        String result = clean(field, value, maxLength, required, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return result;
    }

    /** Control characters, lone surrogates, and invisible format characters other than the joiners emoji and scripts need. */
    private static boolean isControl(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.SURROGATE) {
            return true;
        }
        return type == Character.FORMAT && cp != 0x200C && cp != 0x200D;
    }
}

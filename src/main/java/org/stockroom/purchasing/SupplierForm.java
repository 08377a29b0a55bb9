package org.stockroom.purchasing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.Text;

/**
 * A supplier's fields as a person or client gives them, checked here: for a new supplier (name
 * required) or a change (every field optional; null keeps the value, an empty text clears it).
 */
public record SupplierForm(
        String name, String email, String phone, Integer leadTimeDays, String notes, Boolean archived) {

    public static final int MAX_LEAD_TIME_DAYS = 365;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    /** Cleaned text, or "" for a field to clear; null for a field left as it is. */
    public SupplierForm {
        List<FieldError> errors = new ArrayList<>();
        name = name == null ? null : Text.clean("name", name, 200, true, errors);
        email = email == null || email.isBlank()
                ? (email == null ? null : "")
                : Text.clean("email", email, 254, false, errors);
        if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        phone = phone == null || phone.isBlank()
                ? (phone == null ? null : "")
                : Text.clean("phone", phone, 50, false, errors);
        notes = notes == null || notes.isBlank()
                ? (notes == null ? null : "")
                : Text.clean("notes", notes, 2000, false, errors);
        if (leadTimeDays != null && (leadTimeDays < 0 || leadTimeDays > MAX_LEAD_TIME_DAYS)) {
            errors.add(
                    new FieldError("leadTimeDays", "must be a whole number of days from 0 to " + MAX_LEAD_TIME_DAYS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    public static SupplierForm named(String name) {
        return new SupplierForm(name, null, null, null, null, null);
    }

    void requireName() {
        if (name == null) {
            throw new InvalidRequestException("name", "is required");
        }
    }

    static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

package org.stockroom.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.stockroom.support.InvalidRequestException;

/**
 * Length over complexity (NIST SP 800-63B): at least 10 characters, at most 72 bytes (bcrypt
 * reads no further), not a well-known password and not the username itself.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    private static final int MAX_BYTES = 72;

    /** The most used passwords of at least ten characters in public breach corpora, and this product's own name. */
    private static final Set<String> COMMON = Set.of(
            "1234567890",
            "0123456789",
            "12345678910",
            "1234567891",
            "0987654321",
            "1111111111",
            "0000000000",
            "1q2w3e4r5t",
            "qwertyuiop",
            "qwerty1234",
            "qwerty12345",
            "1qaz2wsx3edc",
            "1q2w3e4r5t6y",
            "q1w2e3r4t5",
            "password12",
            "password123",
            "password1234",
            "passw0rd123",
            "p@ssw0rd123",
            "iloveyou12",
            "princess12",
            "football12",
            "baseball12",
            "sunshine12",
            "welcome123",
            "letmein123",
            "abcdefghij",
            "abc1234567",
            "administrator",
            "admin12345",
            "admin123456",
            "adminadmin",
            "changeme123",
            "trustno1234",
            "superman12",
            "stockroom1",
            "stockroom123",
            "inventory1",
            "inventory123",
            "monkey12345",
            "dragon12345",
            "master12345");

    private PasswordPolicy() {}

    static void check(String field, String username, String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidRequestException(field, "is required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidRequestException(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidRequestException(field, "must be at most " + MAX_BYTES + " bytes");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() == 1) {
            throw new InvalidRequestException(field, "is too common; choose a longer, less predictable one");
        }
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidRequestException(field, "must not contain the username");
        }
    }
}

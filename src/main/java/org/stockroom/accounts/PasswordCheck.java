package org.stockroom.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Verifies passwords against their adaptive hash. An HTTP Basic client sends its password with
 * every request, and an adaptive hash is slow by design, so a password once verified is
 * remembered for this process as a keyed hash bound to the stored hash: changing the password
 * (a new stored hash) forgets it, and the memory holds nothing that could be tested offline.
 */
@Component
class PasswordCheck {

    private static final int MAX_REMEMBERED = 10_000;

    private final PasswordEncoder encoder;
    private final SecretKeySpec key;
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    private final Map<String, Object> verifying = new ConcurrentHashMap<>();
    /**
     * Compared against when the user does not exist, so an unknown name takes as long as a wrong
     * password. Made at the first unknown name, not at start: a bcrypt was a twentieth of the start-up.
     */
    private volatile String decoy;

    private final byte[] decoySeed;

    PasswordCheck(PasswordEncoder encoder) {
        this.encoder = encoder;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.decoySeed = new byte[16];
        new SecureRandom().nextBytes(decoySeed);
    }

    private String decoy() {
        String made = decoy;
        if (made == null) {
            made = encoder.encode("not-a-password-" + Base64.getEncoder().encodeToString(decoySeed));
            decoy = made;
        }
        return made;
    }

    boolean matches(String username, String password, String storedHash) {
        if (password == null) {
            return false;
        }
        if (storedHash == null) {
            encoder.matches(password, decoy());
            return false;
        }
        String remembered = fingerprint(username, password);
        if (storedHash.equals(verified.get(remembered))) {
            return true;
        }
        // Many requests arriving at once with the same new credentials wait for one verification.
        Object lock = verifying.computeIfAbsent(remembered, k -> new Object());
        try {
            synchronized (lock) {
                if (storedHash.equals(verified.get(remembered))) {
                    return true;
                }
                if (!encoder.matches(password, storedHash)) {
                    return false;
                }
                if (verified.size() >= MAX_REMEMBERED) {
                    verified.clear();
                }
                verified.put(remembered, storedHash);
                return true;
            }
        } finally {
            verifying.remove(remembered, lock);
        }
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

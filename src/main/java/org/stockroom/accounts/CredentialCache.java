package org.stockroom.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who an API credential (a Bearer token, or HTTP Basic username and password) proved to be,
 * remembered for a few seconds ({@code stockroom.security.credential-cache.ttl}, 5 s by default),
 * so a busy integration costs no database read per request.
 *
 * <p>On this instance, revoking a token and any change of an account (password, role, disabled, second
 * factor) forget everything at once, and again when that change commits, so a request that read the
 * old row meanwhile cannot bring it back. Another instance sharing the database, or a {@code
 * stockroom user} command, is not told: there the change takes effect when the entry's lifetime ends.
 * That lifetime is the price of the cache, and the reason it is seconds, not minutes.
 *
 * <p>Keys are HMAC-SHA-256 of the credential under a key made at start and never stored, so the
 * memory holds nothing that could be tested offline against a password guess.
 */
@Component
public class CredentialCache {

    private record Entry(Account account, long until) {}

    private final Clock clock;
    private final CredentialCacheProperties settings;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    CredentialCache(Clock clock, CredentialCacheProperties settings) {
        this.clock = clock;
        this.settings = settings;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The key of an API token's entry. */
    String tokenKey(String token) {
        return "t:" + mac(token, "");
    }

    /** The key of an HTTP Basic username and password's entry. */
    String basicKey(String username, String password) {
        return "b:" + mac(username, password);
    }

    Optional<Account> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.millis() >= entry.until()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.account());
    }

    /** Remembers {@code account} for the cache's lifetime, or until {@code notAfter} (epoch millis) if sooner. */
    void put(String key, Account account, Long notAfter) {
        long ttl = settings.ttl().toMillis();
        if (ttl <= 0) {
            return;
        }
        if (entries.size() >= settings.maxEntries()) {
            entries.clear();
        }
        long until = clock.millis() + ttl;
        entries.put(key, new Entry(account, notAfter == null ? until : Math.min(until, notAfter)));
    }

    /**
     * Forgets every credential now, and once more after the current transaction (if any) ends,
     * when the change that calls this becomes visible to the requests that would re-read it.
     */
    public void forgetAll() {
        entries.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    entries.clear();
                }
            });
        }
    }

    private String mac(String first, String second) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(first.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(second.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

package org.stockroom.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;

/**
 * The first start of the server creates the administrator {@code admin} (OWNER) with the
 * password from {@code STOCKROOM_ADMIN_PASSWORD}, or with a generated one printed once. Commands
 * run at a terminal open the database directly and need no account, so they create none.
 */
@Component
public class AdminBootstrap {

    static final String ADMIN = "admin";
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final Audit audit;
    private final Environment environment;
    private final Clock clock;
    private String configuredHash;

    AdminBootstrap(UserRepository users, PasswordEncoder encoder, Audit audit, Environment environment, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.environment = environment;
        this.clock = clock;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebApplicationContext) {
            ensureAdmin();
        }
    }

    /** Creates {@code admin} when the store has no user at all. */
    @Transactional
    public void ensureAdmin() {
        if (users.count() > 0) {
            return;
        }
        String password = environment.getProperty("STOCKROOM_ADMIN_PASSWORD");
        String hash;
        if (password != null && !password.isEmpty()) {
            PasswordPolicy.check("STOCKROOM_ADMIN_PASSWORD", ADMIN, password);
            // The same configured password is hashed once per process (tests re-create the admin often).
            if (configuredHash == null) {
                configuredHash = encoder.encode(password);
            }
            hash = configuredHash;
        } else {
            password = generate();
            hash = encoder.encode(password);
            System.out.println();
            System.out.println("Created the administrator 'admin' with the password: " + password);
            System.out.println(
                    "It is shown only this once. Sign in and change it, or set STOCKROOM_ADMIN_PASSWORD before the first start.");
            System.out.println();
        }
        if (users.insert(ADMIN, hash, Role.OWNER, clock.millis())) {
            audit.recordAs("system", "user.created", ADMIN, "role OWNER (first start)");
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}

package org.stockroom.accounts;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    private static final String BCRYPT = "bcrypt";

    /**
     * bcrypt today; the {@code {id}} prefix of each stored hash lets the scheme move on without a
     * migration, and a hash keeps the work factor it was made with, so a changed strength applies
     * to passwords set from then on.
     */
    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties settings) {
        if (settings.bcryptStrength() < 4 || settings.bcryptStrength() > 31) {
            throw new IllegalArgumentException(
                    "stockroom.security.bcrypt-strength must be between 4 and 31, not " + settings.bcryptStrength());
        }
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(BCRYPT, new BCryptPasswordEncoder(settings.bcryptStrength()));
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(BCRYPT, encoders);
        encoder.setDefaultPasswordEncoderForMatches(new OtherSchemes());
        return encoder;
    }

    /**
     * Spring Security's other schemes, for a stored hash that is not bcrypt. Made at the first such
     * hash: making them looks up every JCA provider (PBKDF2, SCrypt, Argon2, ...), a few hundred JDK
     * classes that every start and every command paid for, though Stockroom stores only bcrypt.
     */
    private static final class OtherSchemes implements PasswordEncoder {

        private volatile PasswordEncoder schemes;

        private PasswordEncoder schemes() {
            PasswordEncoder made = schemes;
            if (made == null) {
                made = PasswordEncoderFactories.createDelegatingPasswordEncoder();
                schemes = made;
            }
            return made;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return schemes().encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return schemes().matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return schemes().upgradeEncoding(encodedPassword);
        }
    }
}

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
        DelegatingPasswordEncoder defaults =
                (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(BCRYPT, new BCryptPasswordEncoder(settings.bcryptStrength()));
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(BCRYPT, encoders);
        encoder.setDefaultPasswordEncoderForMatches(defaults);
        return encoder;
    }
}

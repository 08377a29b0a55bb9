package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/** The encoder stores bcrypt, and still checks hashes of Spring Security's other schemes (made only when one is met). */
class PasswordConfigurationTests {

    private final PasswordEncoder encoder =
            new PasswordConfiguration().passwordEncoder(new SecurityProperties(false, 4));

    @Test
    void newPasswordsAreStoredAsBcryptAndMatch() {
        String hash = encoder.encode("a-long-user-password");

        assertThat(hash).startsWith("{bcrypt}$2");
        assertThat(encoder.matches("a-long-user-password", hash)).isTrue();
        assertThat(encoder.matches("another-password", hash)).isFalse();
    }

    @Test
    void aStoredHashOfAnotherSchemeStillMatchesAndAsksForAnUpgrade() {
        String pbkdf2 = "{pbkdf2}"
                + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5().encode("an-old-password");

        assertThat(encoder.matches("an-old-password", pbkdf2)).isTrue();
        assertThat(encoder.matches("a-wrong-password", pbkdf2)).isFalse();
        assertThat(encoder.upgradeEncoding(pbkdf2)).isTrue();
    }
}

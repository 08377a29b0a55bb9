package org.stockroom.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security properties ({@code stockroom.security.*}).
 *
 * @param requireMfaForOwners OWNER accounts must sign in to the web UI with an authenticator code
 * @param bcryptStrength      log2 of the bcrypt work factor for new password hashes (4 to 31); each
 *                            step doubles the time of a sign-in and of an attacker's guess
 */
@ConfigurationProperties("stockroom.security")
public record SecurityProperties(
        @DefaultValue("false") boolean requireMfaForOwners,
        @DefaultValue("10") int bcryptStrength) {}

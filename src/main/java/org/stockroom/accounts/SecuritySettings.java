package org.stockroom.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings ({@code stockroom.security.*}).
 *
 * @param requireMfaForOwners OWNER accounts must sign in to the web UI with an authenticator code
 */
@ConfigurationProperties("stockroom.security")
public record SecuritySettings(
        @DefaultValue("false") boolean requireMfaForOwners) {}

package org.stockroom.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Security settings ({@code stockroom.security.*}).
 *
 * @param requireMfaForOwners OWNER accounts must sign in to the web UI with an authenticator code
 * @param maxBodySize the largest request body accepted, other than file uploads (those follow {@code spring.servlet.multipart.*})
 */
@ConfigurationProperties("stockroom.security")
public record SecuritySettings(
        @DefaultValue("false") boolean requireMfaForOwners,
        @DefaultValue("1MB") DataSize maxBodySize) {}

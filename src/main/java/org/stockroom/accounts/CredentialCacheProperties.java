package org.stockroom.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an API credential is trusted without asking the database ({@code stockroom.security.credential-cache.*}).
 *
 * @param ttl        how long a verified token or Basic credential is remembered; also the longest time a change made on
 *                   another instance (revoked token, changed password, disabled account) may go unnoticed here. Zero
 *                   turns the cache off.
 * @param maxEntries bound on the remembered credentials; past it the cache starts over
 */
@ConfigurationProperties("stockroom.security.credential-cache")
record CredentialCacheProperties(
        @DefaultValue("5s") Duration ttl,
        @DefaultValue("10000") int maxEntries) {}

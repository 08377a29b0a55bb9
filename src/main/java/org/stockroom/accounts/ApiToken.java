package org.stockroom.accounts;

import java.time.Instant;

/** An API token as listed: everything but the token itself, which is shown once when issued. */
public record ApiToken(
        String id,
        String name,
        Role role,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {}

package org.stockroom.accounts;

import java.time.Instant;

/** A user as shown to the OWNER; never with a password hash or second-factor secret. */
public record User(
        String username,
        Role role,
        boolean disabled,
        boolean mfaEnabled,
        Instant createdAt,
        Instant updatedAt,
        Instant lastLoginAt) {}

package org.stockroom.accounts;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.stockroom.support.Choices;
import org.stockroom.support.InvalidRequestException;

/** What an account may do. Each role includes everything of the roles below it. */
public enum Role {
    /** Everything, including users, tokens, webhooks and settings. */
    OWNER,
    /** Products, sales, receipts, adjustments, alerts, reports. */
    STAFF,
    /** Reads only. */
    VIEWER;

    public boolean includes(Role other) {
        return ordinal() <= other.ordinal();
    }

    /** The Spring Security authorities of this role: its own and those of every role below it. */
    List<GrantedAuthority> authorities() {
        return java.util.Arrays.stream(values())
                .filter(this::includes)
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    public static Role parse(String field, String value) {
        if (value == null) {
            throw new InvalidRequestException(field, "is required");
        }
        return Choices.parse(Role.class, field, value);
    }
}

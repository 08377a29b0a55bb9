package org.stockroom.accounts;

import java.io.Serializable;

/**
 * The signed-in party of a request: a user, or an API token acting with its own role. Kept in
 * the web session, hence serializable and small.
 *
 * @param name the username, or the token's name
 * @param role what it may do now
 * @param tokenId the token's id, null for a user
 */
public record Account(String name, Role role, String tokenId) implements Serializable {

    public boolean isToken() {
        return tokenId != null;
    }

    /** How the ledger and the audit trail name this party: {@code sam}, or {@code token:shop-sync}. */
    public String actor() {
        return isToken() ? "token:" + name : name;
    }
}

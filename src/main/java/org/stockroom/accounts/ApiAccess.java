package org.stockroom.accounts;

import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Which role an API request needs: the one rule that {@link SecurityConfiguration} enforces and the
 * OpenAPI document states, so the two cannot drift apart.
 */
public final class ApiAccess {

    /** Accounts, tokens, the audit trail, webhooks, settings and administration: OWNER for every method. */
    static final String[] OWNER_ONLY = {
        "/api/users/**",
        "/api/tokens/**",
        "/api/audit/**",
        "/api/lockouts/**",
        "/api/webhooks/**",
        "/api/channels/**",
        "/api/settings/**",
        "/api/admin/**"
    };

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private ApiAccess() {}

    /** The least role that may call {@code method path} of the JSON API. */
    public static Role requiredRole(HttpMethod method, String path) {
        for (String pattern : OWNER_ONLY) {
            if (PATHS.match(pattern, path)) {
                return Role.OWNER;
            }
        }
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? Role.VIEWER : Role.STAFF;
    }
}

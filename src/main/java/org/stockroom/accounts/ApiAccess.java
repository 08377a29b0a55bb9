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

    /**
     * Storefronts deliver their webhooks without Stockroom credentials; each delivery is authenticated
     * by the platform's HMAC signature over its body (channels/Channels). POST only.
     */
    static final String PUBLIC_POST = "/api/channels/*/webhooks";

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private ApiAccess() {}

    /** Whether {@code method path} of the JSON API is called without Stockroom credentials. */
    public static boolean isPublic(HttpMethod method, String path) {
        // A path template's variable ({id}) matches the pattern's * as any one segment would.
        return HttpMethod.POST.equals(method) && PATHS.match(PUBLIC_POST, path);
    }

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

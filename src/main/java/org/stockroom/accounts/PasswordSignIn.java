package org.stockroom.accounts;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password, for HTTP Basic and the web sign-in form. Failures count towards the
 * throttle of the account and of the client's address. Over HTTP Basic, an account that signs in
 * with a second factor is refused: a password alone must not open it (integrations use tokens).
 */
final class PasswordSignIn implements AuthenticationProvider {

    /** The password was right, but this way of signing in lacks the second factor the account needs. */
    static final class SecondFactorRequiredException extends AuthenticationException {
        SecondFactorRequiredException() {
            super("This account signs in with a second factor: use the web sign-in, or an API token");
        }
    }

    private final UserRepository users;
    private final PasswordCheck passwords;
    private final LoginThrottle throttle;
    private final SecurityProperties settings;
    private final boolean secondFactorFollows;
    /** Remembers HTTP Basic sign-ins of the API for seconds; null for the web form, which signs in once per session. */
    private final CredentialCache remembered;

    PasswordSignIn(
            UserRepository users,
            PasswordCheck passwords,
            LoginThrottle throttle,
            SecurityProperties settings,
            boolean secondFactorFollows,
            CredentialCache remembered) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.settings = settings;
        this.secondFactorFollows = secondFactorFollows;
        this.remembered = remembered;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = request.getCredentials() == null
                ? null
                : request.getCredentials().toString();
        String address = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
        throttle.check(username, address);
        String key = remembered == null || password == null ? null : remembered.basicKey(username, password);
        if (key != null) {
            Optional<Account> known = remembered.get(key);
            if (known.isPresent()) {
                return UsernamePasswordAuthenticationToken.authenticated(
                        known.get(), null, known.get().role().authorities());
            }
        }
        Optional<UserRepository.Row> row = users.find(username);
        boolean ok = passwords.matches(
                username, password, row.map(UserRepository.Row::passwordHash).orElse(null));
        if (!ok || row.get().disabled()) {
            throttle.failed(username, address);
            throw new BadCredentialsException("Wrong username or password");
        }
        throttle.succeeded(username);
        UserRepository.Row user = row.get();
        if (!secondFactorFollows && needsSecondFactor(user, settings)) {
            throw new SecondFactorRequiredException();
        }
        Account account = new Account(user.username(), user.role(), null);
        if (key != null) {
            remembered.put(key, account, null);
        }
        return UsernamePasswordAuthenticationToken.authenticated(
                account, null, user.role().authorities());
    }

    static boolean needsSecondFactor(UserRepository.Row user, SecurityProperties settings) {
        return user.totpSecret() != null || (user.role() == Role.OWNER && settings.requireMfaForOwners());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package org.stockroom.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The web sign-in after a correct password. An account with an authenticator is only half signed
 * in until it enters a code; an OWNER who must use one and has none is only allowed to enrol.
 * Only a complete sign-in gets the role's authorities.
 */
@Component
class WebSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String CODE_PENDING = "SIGN_IN_CODE_PENDING";
    static final String ENROLMENT_PENDING = "SIGN_IN_ENROLMENT_PENDING";
    /** A fingerprint of the password hash the session signed in with: a password change ends other sessions. */
    static final String CREDENTIAL = "stockroom.credential";

    private final UserRepository users;
    private final SecurityProperties settings;
    private final Audit audit;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requests = new HttpSessionRequestCache();

    WebSignIn(UserRepository users, SecurityProperties settings, Audit audit, Clock clock) {
        this.users = users;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        Account account = (Account) authentication.getPrincipal();
        UserRepository.Row user = users.find(account.name()).orElseThrow();
        if (user.totpSecret() != null) {
            partial(request, response, account, CODE_PENDING);
            response.sendRedirect(request.getContextPath() + "/login/code");
        } else if (PasswordSignIn.needsSecondFactor(user, settings)) {
            partial(request, response, account, ENROLMENT_PENDING);
            response.sendRedirect(request.getContextPath() + "/account/two-factor");
        } else {
            complete(request, response, account.name());
        }
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof RateLimitedException limited) {
            response.sendRedirect(request.getContextPath() + "/login?locked=" + limited.retryAfterSeconds());
        } else {
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }

    /** Gives the session the account's full role, under a new session id, and goes where the user was heading. */
    void complete(HttpServletRequest request, HttpServletResponse response, String username) throws IOException {
        grant(request, response, username);
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        String target = saved == null ? request.getContextPath() + "/" : saved.getRedirectUrl();
        response.sendRedirect(target);
    }

    /** Gives the session the account's full role under a new session id. */
    void grant(HttpServletRequest request, HttpServletResponse response, String username) {
        UserRepository.Row user = users.find(username).orElseThrow();
        Account account = new Account(user.username(), user.role(), null);
        request.changeSessionId();
        save(
                request,
                response,
                UsernamePasswordAuthenticationToken.authenticated(
                        account, null, user.role().authorities()));
        HttpSession session = request.getSession();
        session.setAttribute(CREDENTIAL, Tokens.hash(user.passwordHash()));
        users.loggedIn(username, clock.millis());
        audit.recordAs(username, "user.signed-in", username, "web");
    }

    private void partial(HttpServletRequest request, HttpServletResponse response, Account account, String authority) {
        save(
                request,
                response,
                UsernamePasswordAuthenticationToken.authenticated(
                        account, null, List.of(new SimpleGrantedAuthority(authority))));
    }

    private void save(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}

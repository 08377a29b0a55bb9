package org.stockroom.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <token>}: an unknown, revoked or expired token is a 401 and counts as a failed attempt. */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final Tokens tokens;
    private final LoginThrottle throttle;
    private final Problems problems;

    BearerTokenFilter(Tokens tokens, LoginThrottle throttle, Problems problems) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).strip();
        // The throttle stops guessing, and a token this instance verified moments ago is no guess: only
        // a token that must be looked up asks the throttle first, which spares every other request of
        // an integration a database read.
        Optional<Account> account = tokens.remembered(token);
        if (account.isEmpty()) {
            String address = request.getRemoteAddr();
            try {
                throttle.check(null, address);
            } catch (RateLimitedException e) {
                problems.commence(request, response, e);
                return;
            }
            account = tokens.authenticate(token);
            if (account.isEmpty()) {
                throttle.failed(null, address);
                problems.commence(
                        request, response, new BadCredentialsException("The API token is unknown, revoked or expired"));
                return;
            }
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                account.get(), null, account.get().role().authorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}

package org.stockroom.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A web session follows its account as it is now: a disabled account or a changed password ends
 * the session at its next request, and a changed role applies at once.
 */
final class SessionAccountRefresh extends OncePerRequestFilter {

    private final UserRepository users;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionAccountRefresh(UserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session == null
                || auth == null
                || !(auth.getPrincipal() instanceof Account account)
                || account.isToken()
                || session.getAttribute(WebSignIn.CREDENTIAL) == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserRepository.Row> user = users.find(account.name());
        if (user.isEmpty()
                || user.get().disabled()
                || !Tokens.hash(user.get().passwordHash()).equals(session.getAttribute(WebSignIn.CREDENTIAL))) {
            SecurityContextHolder.clearContext();
            session.invalidate();
        } else if (user.get().role() != account.role()) {
            Account now = new Account(account.name(), user.get().role(), null);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    now, null, now.role().authorities()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.startsWith("/images/");
    }
}

package org.stockroom.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Lets the web UI's own scripts read the JSON API with the signed-in session (a browser's
 * EventSource cannot send an Authorization header), for GET and HEAD only: a request that changes
 * something must carry Basic or Bearer credentials, so no cookie can be used to forge one. The
 * API never creates or writes a session.
 */
final class SessionReadsForApi implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionReadsForApi() {
        sessions.setAllowSessionCreation(false);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (isRead(request) && request.getSession(false) != null) {
            return sessions.loadDeferredContext(request);
        }
        return new Empty();
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(org.springframework.security.web.context.HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // Stateless: Basic and Bearer credentials come with every request.
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return isRead(request) && sessions.containsContext(request);
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private static final class Empty implements DeferredSecurityContext {
        private final Supplier<SecurityContext> empty = SecurityContextHolder::createEmptyContext;

        @Override
        public SecurityContext get() {
            return empty.get();
        }

        @Override
        public boolean isGenerated() {
            return true;
        }
    }
}

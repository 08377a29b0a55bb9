package org.stockroom.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem Details for refusals that happen before a controller is reached (in the security
 * filters), shaped like those of {@code api/ProblemAdvice}.
 */
final class Problems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String TYPE_BASE = "https://stockroom.dev/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof RateLimitedException limited) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()));
            write(request, response, 429, "rate-limited", "Too Many Requests", limited.getMessage());
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"stockroom\", Bearer");
        String detail = e instanceof PasswordSignIn.SecondFactorRequiredException
                        || e.getMessage() != null && e.getMessage().startsWith("The API token")
                ? e.getMessage()
                : "Sign in with HTTP Basic (username and password) or an API token (Authorization: Bearer ...)";
        if (e instanceof org.springframework.security.authentication.BadCredentialsException
                && !detail.startsWith("The API token")) {
            detail = "Wrong username or password";
        }
        write(request, response, 401, "unauthorized", "Unauthorized", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, 403, "forbidden", "Forbidden", "Your role does not allow this request");
    }

    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String code,
            String title,
            String detail)
            throws IOException {
        write(request, response, status, code, title, detail, Map.of());
    }

    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String code,
            String title,
            String detail,
            Map<String, Object> extra)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("code", code);
        body.putAll(extra);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
        response.getWriter().flush();
    }
}

package org.stockroom.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures that happen before any page handler runs (an unknown address, a method the address
 * does not take) answered to a browser with an HTML page. The API's addresses, and clients that do
 * not ask for HTML, keep the Problem Details JSON of {@code api/ProblemAdvice}; failures inside a
 * handler are left to the handler's advice ({@link PageAdvice} for pages).
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

    private static final List<String> NOT_PAGES = List.of("/api/", "/actuator", "/v3/", "/swagger-ui", "/webjars/");

    private final PageAdvice pages;

    PageErrors(PageAdvice pages) {
        this.pages = pages;
    }

    /** Before Spring's own resolvers, which would hand the failure to the API's advice. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (handler instanceof HandlerMethod || !wantsPage(request)) {
            return null;
        }
        ModelAndView page = new ModelAndView("problem");
        response.setStatus(pages.describe(ErrorPage.logged(e), page.getModel()));
        return page;
    }

    static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (NOT_PAGES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String accept = request.getHeader("Accept");
        try {
            return accept != null
                    && MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }
}

package org.stockroom.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet container's error page ({@code /error}), for errors no handler of ours answered: a
 * failure in a filter, a status set by the container (TRACE, a rejected request). For the API it
 * is Problem Details like every other answer (Boot's default is a JSON of its own); for pages, the
 * stand-alone error page. It never says that nothing was changed: here nobody knows.
 */
@Controller
class ErrorAnswers implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        int status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean api = uri == null || uri.equals("/api") || uri.startsWith("/api/");
        if (!api && acceptsHtml(request)) {
            response.setStatus(status);
            return new ModelAndView("error", Map.of("status", status), HttpStatus.valueOf(status));
        }
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known, ErrorCodes.detail(status));
        String code = ErrorCodes.of(status);
        body.setType(URI.create("https://stockroom.dev/problems/" + code));
        body.setProperty("code", code);
        if (uri != null) {
            body.setInstance(URI.create(uri.replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static int status(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code && code >= 400 && code < 600 ? code : 500;
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}

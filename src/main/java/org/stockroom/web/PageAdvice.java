package org.stockroom.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.stockroom.Store;

/**
 * What every page needs (the open alert count for the navigation badge), and failures that no
 * form handles itself shown as a page with the right status instead of the API's JSON.
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private final Store store;

    PageAdvice(Store store) {
        this.store = store;
    }

    @ModelAttribute("openAlertCount")
    long openAlertCount() {
        return store.openAlertCount();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        response.setStatus(
                describe(new ErrorPage(400, "Not possible", e.getName() + " has an invalid value"), model.asMap()));
        return "problem";
    }

    /** Refusals of the domain keep their status and message; anything unexpected is a 500 page that says nothing of internals. */
    @ExceptionHandler(Exception.class)
    String failed(Exception e, Model model, HttpServletResponse response) {
        response.setStatus(describe(ErrorPage.logged(e), model.asMap()));
        return "problem";
    }

    /** Fills the error page's model and answers its status. The badge is left out when the store cannot say, as when the database is down. */
    int describe(ErrorPage page, Map<String, Object> model) {
        model.put("status", page.status());
        model.put("title", page.title());
        model.put("message", page.message());
        try {
            model.put("openAlertCount", store.openAlertCount());
        } catch (RuntimeException e) {
            model.remove("openAlertCount");
        }
        return page.status();
    }
}

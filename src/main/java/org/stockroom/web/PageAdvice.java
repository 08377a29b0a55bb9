package org.stockroom.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.stockroom.Store;
import org.stockroom.support.DomainException;

/**
 * What every page needs (the open alert count for the navigation badge), and refusals that no
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

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("openAlertCount", store.openAlertCount());
        model.addAttribute("status", e.status());
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("openAlertCount", store.openAlertCount());
        model.addAttribute("status", 400);
        model.addAttribute("message", e.getName() + " has an invalid value");
        return "problem";
    }
}

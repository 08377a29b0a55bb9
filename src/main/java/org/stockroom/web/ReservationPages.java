package org.stockroom.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.stockroom.Store;
import org.stockroom.http.Statuses;
import org.stockroom.reservations.CommitOutcome;
import org.stockroom.reservations.ReservationRequest;
import org.stockroom.reservations.ReservationStatus;
import org.stockroom.reservations.Reservations;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.support.Choices;
import org.stockroom.support.DomainException;

/**
 * Reservations: the holds by status (active ones with the time they have left), of one product
 * when {@code sku} is given; a form that holds units; commit (the held lines become a sale) and
 * release. Every action ends on a reloadable address; a refused one shows the list again with why.
 */
@Controller
class ReservationPages {

    /** What the status filter offers; "all" shows every status. */
    static final List<String> FILTERS = List.of("active", "committed", "released", "expired", "all");

    private final Store store;

    ReservationPages(Store store) {
        this.store = store;
    }

    private Reservations reservations() {
        return store.reservations();
    }

    @GetMapping("/reservations")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String purchase,
            Model model) {
        // Links are built from the model, not from request parameters (Thymeleaf refuses those in a link).
        model.addAttribute("purchase", FormErrors.blank(purchase) ? null : purchase.strip());
        String filter = filter(status);
        String product = FormErrors.blank(sku) ? null : sku.strip();
        model.addAttribute("status", filter);
        model.addAttribute("filters", FILTERS);
        model.addAttribute("sku", product == null ? "" : product);
        model.addAttribute(
                "reservations",
                reservations()
                        .list(
                                filter.equals("all") ? null : Choices.parse(ReservationStatus.class, "status", filter),
                                product));
        model.addAttribute("limit", Reservations.LIST_LIMIT);
        model.addAttribute("minMinutes", ReservationRequest.MIN_SECONDS / 60);
        model.addAttribute("maxMinutes", ReservationRequest.MAX_SECONDS / 60);
        model.addAttribute("defaultMinutes", ReservationRequest.DEFAULT_SECONDS / 60);
        return "reservations/list";
    }

    @PostMapping("/reservations")
    String hold(
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String minutes,
            Model model,
            HttpServletResponse response) {
        return act(model, response, () -> {
            FormErrors errors = new FormErrors();
            Long units = errors.whole("quantity", quantity);
            Long forMinutes = errors.whole("minutes", minutes);
            if (units == null) {
                errors.add("quantity", "is required");
            }
            if (FormErrors.blank(sku)) {
                errors.add("sku", "is required");
            }
            // The API counts seconds; people count minutes, so the range is said in minutes here.
            if (forMinutes != null
                    && (forMinutes < ReservationRequest.MIN_SECONDS / 60
                            || forMinutes > ReservationRequest.MAX_SECONDS / 60)) {
                errors.add(
                        "minutes",
                        "must be from " + ReservationRequest.MIN_SECONDS / 60 + " to "
                                + ReservationRequest.MAX_SECONDS / 60);
            }
            errors.throwIfAny();
            ReservationRequest request = new ReservationRequest(
                    FormErrors.blank(reference) ? null : reference.strip(),
                    List.of(new PurchaseRequest.Line(sku.strip(), units)),
                    forMinutes == null ? null : forMinutes * 60);
            String id = reservations().reserve(request, null).reservation().id();
            return "redirect:/reservations?held=" + id;
        });
    }

    @PostMapping("/reservations/{id}/commit")
    String commit(@PathVariable String id, Model model, HttpServletResponse response) {
        return act(model, response, () -> {
            CommitOutcome outcome = reservations().commit(id);
            return "redirect:/reservations?committed=" + id + "&purchase="
                    + outcome.purchase().id();
        });
    }

    @PostMapping("/reservations/{id}/release")
    String release(@PathVariable String id, Model model, HttpServletResponse response) {
        return act(model, response, () -> {
            reservations().release(id);
            return "redirect:/reservations?released=" + id;
        });
    }

    private interface Action {
        String run();
    }

    private String act(Model model, HttpServletResponse response, Action action) {
        try {
            return action.run();
        } catch (DomainException e) {
            response.setStatus(Statuses.of(e));
            model.addAttribute("problem", e.getMessage());
            return list(null, null, null, model);
        }
    }

    /** An unknown filter shows the active ones, the page's default, rather than an error page. */
    private static String filter(String status) {
        String typed = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        return FILTERS.contains(typed) ? typed : "active";
    }
}

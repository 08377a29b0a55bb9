package org.stockroom.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.stockroom.Store;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.http.Statuses;
import org.stockroom.purchasing.OrderRequest;
import org.stockroom.purchasing.PurchaseOrder;
import org.stockroom.purchasing.Purchasing;
import org.stockroom.purchasing.ReceiptRequest;
import org.stockroom.purchasing.SupplierForm;
import org.stockroom.support.Choices;
import org.stockroom.support.DomainException;
import org.stockroom.support.InvalidRequestException;

/**
 * Purchase orders and suppliers: the list by status and supplier, a draft's editor, sending,
 * receiving (one quantity per line, the open quantity filled in), cancelling, the printable order,
 * its PDF and CSV; the suppliers' list and form. A refused action shows the page again with why.
 */
@Controller
class PurchasingPages {

    private final Store store;

    PurchasingPages(Store store) {
        this.store = store;
    }

    private Purchasing purchasing() {
        return store.purchasing();
    }

    @GetMapping("/purchase-orders")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String supplier,
            Model model) {
        PurchaseOrder.Status parsed = status(status);
        model.addAttribute("status", parsed == null ? "" : parsed.name());
        model.addAttribute("supplier", supplier == null ? "" : supplier);
        model.addAttribute("statuses", PurchaseOrder.Status.values());
        model.addAttribute("orders", purchasing().orders(parsed, supplier));
        model.addAttribute("suppliers", purchasing().suppliers(false));
        return "purchasing/orders";
    }

    @PostMapping("/purchase-orders")
    String create(
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String expectedOn,
            Model model,
            HttpServletResponse response) {
        try {
            PurchaseOrder order =
                    purchasing().create(new OrderRequest(supplier, reference, date(expectedOn), List.of()));
            return "redirect:/purchase-orders/" + order.id();
        } catch (DomainException e) {
            response.setStatus(Statuses.of(e));
            model.addAttribute("problem", e.getMessage());
            return list(null, null, model);
        }
    }

    @PostMapping("/purchase-orders/from-reorder")
    String fromReorder(Model model) {
        Purchasing.Drafted drafted = purchasing().fromReorder();
        model.addAttribute("drafted", drafted.orders());
        model.addAttribute("withoutSupplier", drafted.withoutSupplier());
        return list("DRAFT", null, model);
    }

    @GetMapping("/purchase-orders/choices")
    String choices(@RequestParam(required = false) String sku, Model model) {
        String typed = sku == null || sku.isBlank() ? null : sku.strip();
        model.addAttribute(
                "choices",
                typed == null || typed.length() > 100
                        ? List.of()
                        : store.products(new ProductQuery(typed, false, false, "sku", 0, 20))
                                .items());
        return "purchasing/order :: choices";
    }

    @GetMapping("/purchase-orders/{id}")
    String show(@PathVariable String id, Model model) {
        PurchaseOrder order = purchasing().order(id);
        model.addAttribute("order", order);
        model.addAttribute("total", order.total(purchasing().currencyScale()));
        model.addAttribute("orderDay", purchasing().today());
        model.addAttribute("choices", List.of());
        return "purchasing/order";
    }

    @PostMapping("/purchase-orders/{id}/lines")
    String setLine(
            @PathVariable String id,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String unitCost,
            Model model,
            HttpServletResponse response) {
        return act(id, model, response, () -> {
            FormErrors errors = new FormErrors();
            Long units = errors.whole("quantity", quantity);
            BigDecimal cost = errors.decimal("unitCost", unitCost);
            if (units == null) {
                errors.add("quantity", "is required");
            }
            if (FormErrors.blank(sku)) {
                errors.add("sku", "is required");
            }
            errors.throwIfAny();
            // Validated as a whole order would be, so a line here obeys the same rules as one sent to the API.
            OrderRequest.Line line = new OrderRequest(
                            null, null, null, List.of(new OrderRequest.Line(sku.strip(), units, cost)))
                    .lines()
                    .get(0);
            purchasing().setLine(id, line.sku(), line.quantity(), line.unitCost());
            return "redirect:/purchase-orders/" + id + "?saved";
        });
    }

    @PostMapping("/purchase-orders/{id}/lines/{sku}/remove")
    String removeLine(@PathVariable String id, @PathVariable String sku, Model model, HttpServletResponse response) {
        return act(id, model, response, () -> {
            purchasing().removeLine(id, sku);
            return "redirect:/purchase-orders/" + id + "?saved";
        });
    }

    @PostMapping("/purchase-orders/{id}/send")
    String send(@PathVariable String id, Model model, HttpServletResponse response) {
        return act(id, model, response, () -> {
            purchasing().send(id);
            return "redirect:/purchase-orders/" + id + "?sent";
        });
    }

    @PostMapping("/purchase-orders/{id}/receipts")
    String receive(
            @PathVariable String id,
            @RequestParam(name = "sku", required = false) List<String> skus,
            @RequestParam(name = "quantity", required = false) List<String> quantities,
            @RequestParam(required = false) String note,
            Model model,
            HttpServletResponse response) {
        return act(id, model, response, () -> {
            FormErrors errors = new FormErrors();
            List<ReceiptRequest.Line> lines = new ArrayList<>();
            List<String> given = skus == null ? List.of() : skus;
            for (int i = 0; i < given.size(); i++) {
                String typed = quantities != null && i < quantities.size() ? quantities.get(i) : null;
                Long units = errors.whole("quantity-" + given.get(i), typed);
                if (units != null && units > 0) {
                    lines.add(new ReceiptRequest.Line(given.get(i), units));
                }
            }
            errors.throwIfAny();
            if (lines.isEmpty()) {
                throw new InvalidRequestException("quantity", "enter how many units of at least one line arrived");
            }
            purchasing().receive(id, new ReceiptRequest(lines, FormErrors.blank(note) ? null : note));
            return "redirect:/purchase-orders/" + id + "?received";
        });
    }

    @PostMapping("/purchase-orders/{id}/cancel")
    String cancel(@PathVariable String id, Model model, HttpServletResponse response) {
        return act(id, model, response, () -> {
            purchasing().cancel(id);
            return "redirect:/purchase-orders/" + id + "?cancelled";
        });
    }

    @GetMapping("/purchase-orders/{id}/print")
    String print(@PathVariable String id, Model model) {
        PurchaseOrder order = purchasing().order(id);
        model.addAttribute("order", order);
        model.addAttribute("total", order.total(purchasing().currencyScale()));
        return "purchasing/print";
    }

    @GetMapping("/purchase-orders/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        PurchaseOrder order = purchasing().order(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(order.number() + ".pdf"))
                .body(purchasing().pdf(order.id()));
    }

    @GetMapping("/purchase-orders/{id}/csv")
    ResponseEntity<String> csv(@PathVariable String id) {
        PurchaseOrder order = purchasing().order(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(order.number() + ".csv"))
                .body(purchasing().csv(order.id()));
    }

    @GetMapping("/suppliers")
    String suppliers(@RequestParam(defaultValue = "false") boolean archived, Model model) {
        model.addAttribute("archived", archived);
        model.addAttribute("suppliers", purchasing().suppliers(archived));
        return "purchasing/suppliers";
    }

    @PostMapping("/suppliers")
    String addSupplier(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String leadTimeDays,
            @RequestParam(required = false) String notes,
            Model model,
            HttpServletResponse response) {
        try {
            FormErrors errors = new FormErrors();
            Integer lead = errors.wholeInt("leadTimeDays", leadTimeDays);
            errors.throwIfAny();
            purchasing().addSupplier(new SupplierForm(name == null ? "" : name, email, phone, lead, notes, null));
            return "redirect:/suppliers?added";
        } catch (DomainException e) {
            response.setStatus(Statuses.of(e));
            model.addAttribute("problem", e.getMessage());
            return suppliers(false, model);
        }
    }

    @GetMapping("/suppliers/{id}")
    String supplier(@PathVariable long id, Model model) {
        model.addAttribute("supplier", purchasing().supplier(id));
        model.addAttribute(
                "orders", purchasing().orders(null, purchasing().supplier(id).name()));
        return "purchasing/supplier";
    }

    @PostMapping("/suppliers/{id}")
    String updateSupplier(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String leadTimeDays,
            @RequestParam(required = false) String notes,
            @RequestParam(required = false) String archived,
            Model model,
            HttpServletResponse response) {
        try {
            FormErrors errors = new FormErrors();
            Integer lead = errors.wholeInt("leadTimeDays", leadTimeDays);
            errors.throwIfAny();
            purchasing()
                    .updateSupplier(
                            id,
                            new SupplierForm(
                                    name == null ? "" : name,
                                    email == null ? "" : email,
                                    phone == null ? "" : phone,
                                    lead,
                                    notes == null ? "" : notes,
                                    archived != null));
            return "redirect:/suppliers/" + id + "?saved";
        } catch (DomainException e) {
            response.setStatus(Statuses.of(e));
            model.addAttribute("problem", e.getMessage());
            return supplier(id, model);
        }
    }

    private interface Action {
        String run();
    }

    /** Runs an action on an order; a refusal shows the order again with why, under the refusal's status. */
    private String act(String id, Model model, HttpServletResponse response, Action action) {
        try {
            return action.run();
        } catch (DomainException e) {
            String page = show(id, model);
            response.setStatus(Statuses.of(e));
            model.addAttribute("problem", e.getMessage());
            return page;
        }
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }

    private static PurchaseOrder.Status status(String status) {
        return Choices.parseOptional(PurchaseOrder.Status.class, "status", status);
    }

    private static LocalDate date(String text) {
        if (FormErrors.blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("expectedOn", "must be a date (YYYY-MM-DD)");
        }
    }
}

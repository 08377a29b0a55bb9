package org.stockroom.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.stockroom.Store;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.catalog.UnknownSkuException;
import org.stockroom.http.Statuses;
import org.stockroom.sales.Purchase;
import org.stockroom.sales.PurchaseQuery;
import org.stockroom.sales.PurchaseReturn;
import org.stockroom.sales.ReturnRequest;
import org.stockroom.stock.InsufficientStockException;
import org.stockroom.support.DomainException;
import org.stockroom.support.InvalidRequestException;

/**
 * Recording a sale taken by phone or in person. Without JavaScript the form's buttons recompute
 * the total, find products and add rows on the server; with htmx the total and the product
 * suggestions follow typing. A refused sale comes back with the reason beside each line at fault.
 */
@Controller
@RequestMapping("/sales")
class SalePages {

    static final int CHOICES = 15;
    static final int RECENT = 25;
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    private final Store store;

    SalePages(Store store) {
        this.store = store;
    }

    /** Sales newest first, narrowed to a range of the store's days and to those with a product. */
    @GetMapping
    String recent(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String sku,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            HttpServletResponse response) {
        String product = sku == null || sku.isBlank() ? null : sku.strip();
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("sku", product);
        try {
            model.addAttribute(
                    "purchases", store.purchases(new PurchaseQuery(from, to, product, Math.max(page, 0), RECENT)));
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("problem", "The dates are the wrong way round: “to” is before “from”.");
            model.addAttribute("purchases", new org.stockroom.support.Page<Purchase>(List.of(), 0, RECENT, 0));
        }
        return "sales/list";
    }

    @GetMapping("/new")
    String newSale(@RequestParam(required = false) String sku, Model model) {
        SaleForm form = SaleForm.empty();
        if (sku != null && !sku.isBlank()) {
            form.add(sku.strip());
        }
        return page(form, 0, model);
    }

    @PostMapping
    String submit(@RequestParam MultiValueMap<String, String> fields, Model model, HttpServletResponse response) {
        SaleForm form = SaleForm.of(fields);
        String action = fields.getFirst("action");
        String add = fields.getFirst("add");
        if (add != null && !add.isBlank()) {
            form.add(add.strip());
        }
        String scan = fields.getFirst("scan");
        if (scan != null && !scan.isBlank()) {
            // Without JavaScript a scanner's Enter submits the form with its first button, "Record sale":
            // a code in the scan field means the person was scanning, so the product is added instead.
            model.addAttribute("scanned", scanned(scan.strip(), form));
            action = "scan";
        }
        if ("record".equals(action) && (add == null || add.isBlank())) {
            try {
                Purchase purchase = store.purchase(form.toRequest(), form.key).purchase();
                return "redirect:/sales/" + purchase.id() + "?recorded";
            } catch (DomainException e) {
                response.setStatus(Statuses.of(e));
                explain(e, form, model);
            }
        }
        model.addAttribute("find", fields.getFirst("find"));
        model.addAttribute("found", find(fields.getFirst("find")));
        return page(form, "add-line".equals(action) ? 1 : 0, model);
    }

    private String scanned(String code, SaleForm form) {
        try {
            Product product = store.catalog().byBarcode(code);
            form.add(product.sku().value());
            return "Added " + product.name() + " (" + product.sku().value() + ").";
        } catch (DomainException e) {
            return "No product has the barcode " + code + ".";
        }
    }

    /** The summary block alone, for htmx while the person types. */
    @PostMapping("/quote")
    String quote(@RequestParam MultiValueMap<String, String> fields, Model model) {
        quoteInto(SaleForm.of(fields), model);
        return "sales/new :: summary";
    }

    /** Suggestions for a SKU field, as {@code <option>}s of the shared datalist; matches SKU or name. */
    @GetMapping("/choices")
    String choices(@RequestParam MultiValueMap<String, String> fields, Model model) {
        String typed = fields.containsKey("find") ? fields.getFirst("find") : fields.getFirst("sku");
        model.addAttribute("choices", find(typed));
        return "sales/new :: choices";
    }

    @GetMapping("/{id}")
    String receipt(@PathVariable String id, Model model) {
        Purchase purchase = store.purchase(id);
        List<PurchaseReturn> returns = store.returnsOf(id);
        Map<String, Long> returned = new LinkedHashMap<>();
        returns.forEach(r -> r.lines().forEach(l -> returned.merge(l.sku(), l.quantity(), Long::sum)));
        model.addAttribute("purchase", purchase);
        model.addAttribute("returns", returns);
        model.addAttribute("returned", returned);
        model.addAttribute("channelOrder", store.channels().orderOfPurchase(id).orElse(null));
        return "sales/receipt";
    }

    /**
     * Takes units of a sale back into stock: one quantity field per line of the receipt (blank or 0
     * for none). All lines or none; a refusal comes back on the receipt with the reason.
     */
    @PostMapping("/{id}/returns")
    String takeBack(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> fields,
            Model model,
            HttpServletResponse response) {
        Map<String, Long> quantities = new LinkedHashMap<>();
        List<String> skus = fields.getOrDefault("sku", List.of());
        List<String> typed = fields.getOrDefault("quantity", List.of());
        FormErrors errors = new FormErrors();
        for (int i = 0; i < skus.size() && i < typed.size(); i++) {
            Long units = errors.whole("quantity", typed.get(i));
            if (units != null && units != 0) {
                quantities.merge(skus.get(i), units, Long::sum);
            }
        }
        try {
            errors.throwIfAny();
            if (quantities.isEmpty()) {
                throw new InvalidRequestException("quantity", "must name at least one unit to take back");
            }
            PurchaseReturn taken = store.returnUnits(id, ReturnRequest.of(quantities, fields.getFirst("note")));
            return "redirect:/sales/" + id + "?returned="
                    + taken.lines().stream()
                            .mapToLong(PurchaseReturn.Line::quantity)
                            .sum();
        } catch (DomainException e) {
            receipt(id, model);
            response.setStatus(Statuses.of(e));
            response.setHeader("HX-Push-Url", "/sales/" + id);
            model.addAttribute(
                    "returnProblem",
                    e instanceof InvalidRequestException invalid
                            ? invalid.errors().stream()
                                    .map(f -> describe(f.field()) + " " + f.message())
                                    .collect(java.util.stream.Collectors.joining("; "))
                            : e.getMessage());
            model.addAttribute("typed", typed);
            return "sales/receipt";
        }
    }

    /** A sale's address for GET, where a browser without JavaScript stays after a refused return. */
    @GetMapping("/{id}/returns")
    String returnsAddress(@PathVariable String id) {
        return "redirect:/sales/" + id;
    }

    private String page(SaleForm form, int extraRows, Model model) {
        model.addAttribute("rows", form.rowsToShow(extraRows));
        model.addAttribute("reference", form.reference);
        model.addAttribute("key", form.key);
        model.addAttribute("choices", List.of());
        model.addAttribute("found", model.getAttribute("found") == null ? List.of() : model.getAttribute("found"));
        if (!model.containsAttribute("rowErrors")) {
            model.addAttribute("rowErrors", Map.of());
        }
        quoteInto(form, model);
        return "sales/new";
    }

    private void quoteInto(SaleForm form, Model model) {
        if (form.isEmpty()) {
            return;
        }
        try {
            model.addAttribute("quote", store.quote(form.toRequest()));
        } catch (InvalidRequestException e) {
            model.addAttribute(
                    "quoteProblems",
                    e.errors().stream()
                            .map(f -> describe(f.field()) + " " + f.message())
                            .toList());
        }
    }

    private List<Product> find(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        try {
            return store.products(new ProductQuery(typed, false, false, "name", 0, CHOICES))
                    .items();
        } catch (InvalidRequestException e) {
            // A search the catalog refuses (longer than it reads) finds nothing; the sale typed so far stays on the
            // page.
            return List.of();
        }
    }

    /** Puts each refusal beside the rows it is about; what concerns no row goes above the form. */
    private void explain(DomainException e, SaleForm form, Model model) {
        Map<Integer, String> rowErrors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (e instanceof InvalidRequestException invalid) {
            for (InvalidRequestException.FieldError f : invalid.errors()) {
                Matcher m = LINE_FIELD.matcher(f.field());
                if (m.matches()) {
                    rowErrors.merge(
                            Integer.parseInt(m.group(1)), m.group(2) + " " + f.message(), (a, b) -> a + "; " + b);
                } else {
                    problems.add(describe(f.field()) + " " + f.message());
                }
            }
        } else if (e instanceof InsufficientStockException shortage) {
            for (InsufficientStockException.Shortage s : shortage.shortages()) {
                forRowsOf(
                        s.sku(),
                        form,
                        rowErrors,
                        "Not enough stock: " + s.available() + " available, " + s.requested() + " asked for");
            }
            problems.add("Nothing was sold: there is not enough stock for every line.");
        } else if (e.properties().get("skus") instanceof List<?> skus) {
            String why = e instanceof UnknownSkuException
                    ? "No product has this SKU"
                    : "This product is archived and cannot be sold";
            skus.forEach(sku -> forRowsOf(String.valueOf(sku), form, rowErrors, why));
            problems.add("Nothing was sold: " + e.getMessage());
        } else {
            problems.add("Nothing was sold: " + e.getMessage());
        }
        model.addAttribute("rowErrors", rowErrors);
        model.addAttribute("problems", problems);
    }

    private static void forRowsOf(String sku, SaleForm form, Map<Integer, String> rowErrors, String message) {
        for (int i = 0; i < form.rows.size(); i++) {
            if (form.rows.get(i).sku().equals(sku)) {
                rowErrors.put(i, message);
            }
        }
    }

    private static String describe(String field) {
        Matcher m = LINE_FIELD.matcher(field);
        if (m.matches()) {
            return "Line " + (Integer.parseInt(m.group(1)) + 1) + ": " + m.group(2);
        }
        return field.equals("lines") ? "The sale" : field;
    }
}

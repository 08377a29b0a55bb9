package org.stockroom.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.stockroom.Store;
import org.stockroom.catalog.BulkEdit;
import org.stockroom.catalog.DuplicateSkuException;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.http.Statuses;
import org.stockroom.stock.Adjustment;
import org.stockroom.stock.AdjustmentReason;
import org.stockroom.stock.InsufficientStockException;
import org.stockroom.stock.Movement;
import org.stockroom.support.DomainException;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Page;

/** The catalog pages: the product table, the add and edit forms, and one product with its ledger. */
@Controller
@RequestMapping("/products")
class ProductPages {

    static final int PAGE_SIZE = 25;
    static final int LEDGER_PAGE_SIZE = 20;
    /** How many of the latest movements the stock chart draws. */
    static final int CHART_MOVEMENTS = 200;

    private final Store store;
    private final Formats fmt;
    private final Charts charts;

    ProductPages(Store store, Formats fmt, Charts charts) {
        this.store = store;
        this.fmt = fmt;
        this.charts = charts;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean lowStock,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "sku") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String group,
            Model model) {
        listInto(new ProductQuery(q, lowStock, archived, sort, Math.max(page, 0), PAGE_SIZE, group), model);
        if (!model.containsAttribute("bulk")) {
            model.addAttribute("bulk", BulkForm.empty());
            model.addAttribute("bulkErrors", Map.of());
        }
        return "products/list";
    }

    private void listInto(ProductQuery query, Model model) {
        Page<Product> products = store.products(query);
        model.addAttribute("query", query);
        model.addAttribute("products", products);
        model.addAttribute("entries", ListEntry.fold(products.items()));
        model.addAttribute("pages", Math.max(1, (products.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    /**
     * The list's bulk edit: the products ticked (or every product matching the list's filter) get
     * one change, all or none, through the catalog's bulk edit (audited there). A refusal comes back
     * on the list with the messages beside the fields and the ticks kept.
     */
    @PostMapping("/bulk/edit")
    String bulk(@RequestParam MultiValueMap<String, String> fields, Model model, HttpServletResponse response) {
        BulkForm form = BulkForm.of(fields);
        ProductQuery filter = form.filter();
        try {
            BulkEdit.Result result = store.catalog().bulkEdit(form.toEdit());
            return "redirect:"
                    + UriComponentsBuilder.fromPath("/products")
                            .queryParamIfPresent("q", java.util.Optional.ofNullable(filter.q()))
                            .queryParam("lowStock", filter.lowStock())
                            .queryParam("archived", filter.archived())
                            .queryParamIfPresent("group", java.util.Optional.ofNullable(filter.group()))
                            .queryParam("bulkEdited", result.changed())
                            .encode()
                            .toUriString();
        } catch (DomainException e) {
            response.setStatus(Statuses.of(e));
            listInto(filter.page(0, PAGE_SIZE), model);
            model.addAttribute("bulk", form);
            model.addAttribute(
                    "bulkErrors", e instanceof InvalidRequestException invalid ? fieldMap(invalid) : Map.of());
            model.addAttribute("bulkProblem", e instanceof InvalidRequestException ? null : e.getMessage());
            return "products/list";
        }
    }

    /** One product's row of the list, for a page that adds it in place (a barcode scanned in a stocktake). */
    @GetMapping("/{sku}/row")
    String row(@PathVariable String sku, Model model) {
        model.addAttribute("p", store.product(sku));
        return "products/list :: row(p=${p}, countProblem=null)";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", ProductForm.empty());
        model.addAttribute("errors", Map.of());
        return "products/form";
    }

    @PostMapping
    String add(@ModelAttribute("form") ProductForm form, Model model, HttpServletResponse response) {
        try {
            Product added = store.addProduct(form.toNewProduct());
            return "redirect:" + productPath(added.sku().value()) + "?added";
        } catch (InvalidRequestException e) {
            return refusedForm(e, model, response);
        } catch (DomainException e) {
            response.setStatus(Statuses.of(e));
            model.addAttribute(
                    "errors",
                    e instanceof DuplicateSkuException
                            ? Map.of("sku", "is already used by another product")
                            : Map.of());
            model.addAttribute("problem", e.getMessage());
            return "products/form";
        }
    }

    @GetMapping("/{sku}")
    String show(@PathVariable String sku, @RequestParam(defaultValue = "0") int ledgerPage, Model model) {
        Product product = store.product(sku);
        model.addAttribute("product", product);
        model.addAttribute("incoming", store.purchasing().incoming(sku));
        model.addAttribute("movements", store.movements(sku, Math.max(ledgerPage, 0), LEDGER_PAGE_SIZE));
        List<Movement> latest =
                new ArrayList<>(store.movements(sku, 0, CHART_MOVEMENTS).items());
        java.util.Collections.reverse(latest);
        model.addAttribute("stockChart", charts.stockLevels(latest, product.reorderThreshold()));
        model.addAttribute("errors", Map.of());
        model.addAttribute("reasons", AdjustmentForm.REASONS);
        if (!model.containsAttribute("adjustment")) {
            model.addAttribute("adjustment", AdjustmentForm.empty());
        }
        return "products/detail";
    }

    @GetMapping("/{sku}/edit")
    String editForm(@PathVariable String sku, Model model) {
        Product product = store.product(sku);
        model.addAttribute("product", product);
        model.addAttribute("form", ProductForm.of(product, fmt));
        model.addAttribute("errors", Map.of());
        return "products/form";
    }

    @PostMapping("/{sku}")
    String update(
            @PathVariable String sku,
            @ModelAttribute("form") ProductForm form,
            Model model,
            HttpServletResponse response) {
        Product product = store.product(sku);
        try {
            store.updateProduct(sku, form.toChanges());
            return "redirect:" + productPath(sku) + "?saved";
        } catch (InvalidRequestException e) {
            model.addAttribute("product", product);
            return refusedForm(e, model, response);
        }
    }

    @PostMapping("/{sku}/archive")
    String archive(@PathVariable String sku) {
        store.archive(sku);
        return "redirect:" + productPath(sku) + "?archived";
    }

    @PostMapping("/{sku}/restore")
    String restore(@PathVariable String sku) {
        store.restore(sku);
        return "redirect:" + productPath(sku) + "?restored";
    }

    @PostMapping("/{sku}/receipts")
    String receive(
            @PathVariable String sku,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String note,
            Model model,
            HttpServletResponse response) {
        try {
            FormErrors errors = new FormErrors();
            Long units = errors.whole("quantity", quantity);
            if (units == null) {
                errors.add("quantity", "is required");
            }
            errors.throwIfAny();
            store.receive(sku, units, FormErrors.blank(note) ? null : note);
            return "redirect:" + productPath(sku) + "?received=" + units;
        } catch (DomainException e) {
            show(sku, 0, model);
            response.setStatus(Statuses.of(e));
            model.addAttribute("errors", e instanceof InvalidRequestException invalid ? fieldMap(invalid) : Map.of());
            model.addAttribute("receiptProblem", e instanceof InvalidRequestException ? null : e.getMessage());
            model.addAttribute("receiptQuantity", quantity);
            model.addAttribute("receiptNote", note);
            return "products/detail";
        }
    }

    /**
     * The redirect carries the change and the stock after it, so the page can tell a count that
     * matched the ledger (kept as a zero movement) from a change, without reading the ledger again.
     */
    @PostMapping("/{sku}/adjustments")
    String adjust(
            @PathVariable String sku,
            @ModelAttribute("adjustment") AdjustmentForm form,
            Model model,
            HttpServletResponse response) {
        try {
            Movement adjusted = store.adjust(sku, form.toAdjustment());
            return "redirect:"
                    + UriComponentsBuilder.fromPath("/products/{sku}")
                            .queryParam("adjusted", adjusted.delta())
                            .queryParam("stock", adjusted.balanceAfter())
                            .buildAndExpand(sku)
                            .encode()
                            .toUriString();
        } catch (DomainException e) {
            show(sku, 0, model);
            response.setStatus(Statuses.of(e));
            // htmx would otherwise put the form's address, which answers only POST, in the address bar.
            response.setHeader("HX-Push-Url", productPath(sku));
            model.addAttribute("errors", e instanceof InvalidRequestException invalid ? fieldMap(invalid) : Map.of());
            model.addAttribute("adjustProblem", refusal(e));
            return "products/detail";
        }
    }

    /**
     * A stocktake from the product list: the units counted on the shelf become the stock, as a
     * COUNT adjustment in the ledger. With htmx the row is answered in place; without, the list.
     */
    @PostMapping("/{sku}/count")
    String count(
            @PathVariable String sku,
            @RequestParam(required = false) String counted,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        Long units = errors.whole("counted", counted);
        String problem = null;
        DomainException refusal = null;
        try {
            if (units == null) {
                errors.add("counted", "is required");
            }
            errors.throwIfAny();
            store.adjust(sku, new Adjustment(null, units, AdjustmentReason.COUNT, "Counted in the product list"));
        } catch (DomainException e) {
            response.setStatus(Statuses.of(e));
            refusal = e;
            problem = e instanceof InvalidRequestException invalid
                    ? "Count " + invalid.errors().get(0).message()
                    : e.getMessage();
        }
        if (htmx == null) {
            if (refusal instanceof InvalidRequestException) {
                throw new InvalidRequestException("counted", problem);
            }
            if (refusal != null) {
                // The error page keeps the refusal's own status (409 below the held units, 404, 422), not a 400.
                throw refusal;
            }
            return "redirect:/products?counted="
                    + java.net.URLEncoder.encode(sku, java.nio.charset.StandardCharsets.UTF_8);
        }
        model.addAttribute("p", store.product(sku));
        model.addAttribute("countProblem", problem);
        return "products/list :: row(p=${p}, countProblem=${countProblem})";
    }

    /**
     * The forms' addresses answer GET with the product, so a refused form's address (where a browser
     * without JavaScript stays) can be reloaded, bookmarked or shared.
     */
    @GetMapping({"/{sku}/adjustments", "/{sku}/receipts"})
    String formAddress(@PathVariable String sku) {
        return "redirect:" + productPath(sku);
    }

    private static String refusal(DomainException e) {
        if (e instanceof InsufficientStockException shortage) {
            InsufficientStockException.Shortage s = shortage.shortages().get(0);
            return "Stock cannot go below zero: " + s.available() + " in stock, " + s.requested()
                    + " to take away. Nothing was changed.";
        }
        return e instanceof InvalidRequestException ? null : e.getMessage();
    }

    private static String refusedForm(InvalidRequestException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("errors", fieldMap(e));
        return "products/form";
    }

    static Map<String, String> fieldMap(InvalidRequestException e) {
        FormErrors errors = new FormErrors();
        errors.addAll(e.errors());
        return errors.asMap();
    }

    static String productPath(String sku) {
        return UriComponentsBuilder.fromPath("/products/{sku}")
                .buildAndExpand(sku)
                .encode()
                .toUriString();
    }
}

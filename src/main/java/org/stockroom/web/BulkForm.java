package org.stockroom.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.util.MultiValueMap;
import org.stockroom.catalog.BulkEdit;
import org.stockroom.catalog.ProductQuery;

/**
 * The product list's bulk edit as typed: which products (those ticked, as repeated {@code sku}
 * fields, or every product matching the list's filter) and the change. A blank field leaves that
 * field of the products as it is; the page cannot clear a field (the API can).
 */
record BulkForm(
        String scope,
        List<String> skus,
        String q,
        boolean lowStock,
        boolean archived,
        String group,
        String reorderThreshold,
        String reorderQuantity,
        String leadTimeDays,
        String supplier,
        String pricePercent,
        boolean archive) {

    static final String SELECTED = "selected";
    static final String FILTER = "filter";

    static BulkForm empty() {
        return new BulkForm(SELECTED, List.of(), null, false, false, null, "", "", "", "", "", false);
    }

    static BulkForm of(MultiValueMap<String, String> fields) {
        return new BulkForm(
                FILTER.equals(fields.getFirst("scope")) ? FILTER : SELECTED,
                fields.getOrDefault("sku", List.of()).stream()
                        .filter(s -> !s.isBlank())
                        .toList(),
                fields.getFirst("q"),
                "true".equals(fields.getFirst("lowStock")),
                "true".equals(fields.getFirst("archived")),
                fields.getFirst("group"),
                text(fields, "reorderThreshold"),
                text(fields, "reorderQuantity"),
                text(fields, "leadTimeDays"),
                text(fields, "supplier"),
                text(fields, "pricePercent"),
                "true".equals(fields.getFirst("archive")));
    }

    ProductQuery filter() {
        return new ProductQuery(q, lowStock, archived, "sku", 0, ProductPages.PAGE_SIZE, group);
    }

    public boolean ticked(String sku) {
        return skus.contains(sku);
    }

    BulkEdit toEdit() {
        FormErrors errors = new FormErrors();
        if (SELECTED.equals(scope) && skus.isEmpty()) {
            errors.add("sku", "none ticked: tick the products to change, or choose every product matching the search");
        }
        Long threshold = errors.whole("reorderThreshold", reorderThreshold);
        Long quantity = errors.whole("reorderQuantity", reorderQuantity);
        Integer leadTime = errors.wholeInt("leadTimeDays", leadTimeDays);
        BigDecimal percent = errors.decimal("pricePercent", pricePercent);
        errors.throwIfAny();
        try {
            return new BulkEdit(
                    SELECTED.equals(scope) ? skus : null,
                    FILTER.equals(scope) ? filter() : null,
                    threshold,
                    quantity == null ? null : Optional.of(quantity),
                    leadTime == null ? null : Optional.of(leadTime),
                    FormErrors.blank(supplier) ? null : Optional.of(supplier),
                    percent,
                    archive);
        } catch (org.stockroom.support.InvalidRequestException e) {
            errors.addAll(e.errors());
            errors.throwIfAny();
            throw e;
        }
    }

    private static String text(MultiValueMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value.strip();
    }
}

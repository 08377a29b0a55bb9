package org.stockroom.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stockroom.catalog.BulkEdit;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;

/**
 * Reads {@code POST /api/products/bulk}: which products ({@code skus}, or {@code filter} with the
 * list's own parameters), and what to do ({@code set}, {@code pricePercent}, {@code archive}). In
 * {@code set}, as in a merge patch, {@code null} clears an optional field and an absent one stays.
 */
final class BulkEditRequest {

    private static final Set<String> TOP = Set.of("skus", "filter", "set", "pricePercent", "archive");
    private static final Set<String> FILTER = Set.of("q", "lowStock", "archived", "group");
    private static final Set<String> SET = Set.of("reorderThreshold", "reorderQuantity", "leadTimeDays", "supplier");

    private final List<FieldError> errors = new ArrayList<>();

    private BulkEditRequest() {}

    static BulkEdit read(Map<String, Object> body) {
        return new BulkEditRequest().edit(body);
    }

    private BulkEdit edit(Map<String, Object> body) {
        unknown(body, TOP, "");
        List<String> skus = null;
        if (body.get("skus") instanceof List<?> list) {
            skus = new ArrayList<>();
            for (Object sku : list) {
                if (sku instanceof String s) {
                    skus.add(s);
                } else {
                    errors.add(new FieldError("skus", "must be a list of SKUs"));
                    break;
                }
            }
        } else if (body.get("skus") != null) {
            errors.add(new FieldError("skus", "must be a list of SKUs"));
        }
        ProductQuery filter = null;
        if (body.get("filter") instanceof Map<?, ?> f) {
            @SuppressWarnings("unchecked")
            Map<String, Object> given = (Map<String, Object>) f;
            unknown(given, FILTER, "filter.");
            filter = new ProductQuery(
                    string(given, "filter.q", given.get("q")),
                    bool("filter.lowStock", given.get("lowStock")),
                    bool("filter.archived", given.get("archived")),
                    "sku",
                    0,
                    1,
                    string(given, "filter.group", given.get("group")));
        } else if (body.get("filter") != null) {
            errors.add(new FieldError("filter", "must be an object with q, lowStock, archived or group"));
        }
        Long threshold = null;
        Optional<Long> reorderQuantity = null;
        Optional<Integer> leadTime = null;
        Optional<String> supplier = null;
        if (body.get("set") instanceof Map<?, ?> s) {
            @SuppressWarnings("unchecked")
            Map<String, Object> set = (Map<String, Object>) s;
            unknown(set, SET, "set.");
            if (set.containsKey("reorderThreshold")) {
                threshold = whole("set.reorderThreshold", set.get("reorderThreshold"));
                if (threshold == null) {
                    errors.add(new FieldError("set.reorderThreshold", "cannot be cleared"));
                }
            }
            if (set.containsKey("reorderQuantity")) {
                reorderQuantity = Optional.ofNullable(whole("set.reorderQuantity", set.get("reorderQuantity")));
            }
            if (set.containsKey("leadTimeDays")) {
                Long days = whole("set.leadTimeDays", set.get("leadTimeDays"));
                leadTime = Optional.ofNullable(
                        days == null ? null : (int) Math.max(-1, Math.min(Integer.MAX_VALUE, days)));
            }
            if (set.containsKey("supplier")) {
                supplier = Optional.ofNullable(string(set, "set.supplier", set.get("supplier")));
            }
        } else if (body.get("set") != null) {
            errors.add(new FieldError("set", "must be an object"));
        }
        BigDecimal percent = null;
        Object given = body.get("pricePercent");
        if (given instanceof Number n) {
            percent = new BigDecimal(n.toString());
        } else if (given != null) {
            errors.add(new FieldError("pricePercent", "must be a number"));
        }
        boolean archive = bool("archive", body.get("archive"));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new BulkEdit(skus, filter, threshold, reorderQuantity, leadTime, supplier, percent, archive);
    }

    private void unknown(Map<String, Object> given, Set<String> known, String prefix) {
        for (String field : given.keySet()) {
            if (!known.contains(field)) {
                errors.add(new FieldError(prefix + field, "is not a known field"));
            }
        }
    }

    private String string(Map<String, Object> in, String field, Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        errors.add(new FieldError(field, "must be a string"));
        return null;
    }

    private boolean bool(String field, Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        errors.add(new FieldError(field, "must be true or false"));
        return false;
    }

    private Long whole(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        errors.add(new FieldError(field, "must be a whole number"));
        return null;
    }
}

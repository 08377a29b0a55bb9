package org.stockroom.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stockroom.catalog.ProductChanges;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;

/**
 * Reads a PATCH body as a JSON merge patch: a field that is absent stays, {@code null} clears an
 * optional field. A map keeps "absent" and "null" apart, which a record cannot.
 */
final class ProductPatch {

    private static final Set<String> FIELDS = Set.of(
            "name",
            "price",
            "reorderThreshold",
            "cost",
            "reorderQuantity",
            "leadTimeDays",
            "supplier",
            "barcode",
            "group",
            "options",
            "imageUrl");

    private final Map<String, Object> body;
    private final List<FieldError> errors = new ArrayList<>();

    private ProductPatch(Map<String, Object> body) {
        this.body = body;
    }

    static ProductChanges read(Map<String, Object> body) {
        return new ProductPatch(body).changes();
    }

    private ProductChanges changes() {
        for (String field : body.keySet()) {
            if (field.equals("stock") || field.equals("unitsSold")) {
                errors.add(new FieldError(
                        field,
                        "cannot be changed here; stock changes only through purchases, receipts and adjustments"));
            } else if (field.equals("sku")) {
                errors.add(new FieldError(field, "cannot be changed"));
            } else if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a known field"));
            }
        }
        String name = required("name", String.class);
        BigDecimal price = decimal(required("price", Number.class));
        Long threshold = whole("reorderThreshold", required("reorderThreshold", Number.class));
        Optional<BigDecimal> cost = optional("cost", Number.class)
                .map(o -> o.map(ProductPatch::decimal))
                .orElse(null);
        Optional<Long> reorderQuantity = optional("reorderQuantity", Number.class)
                .map(o -> o.map(n -> whole("reorderQuantity", n)))
                .orElse(null);
        Optional<Integer> leadTime = optional("leadTimeDays", Number.class)
                .map(o -> o.map(n -> whole("leadTimeDays", n)).map(l ->
                        (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l))))
                .orElse(null);
        Optional<String> supplier = optional("supplier", String.class).orElse(null);
        Optional<String> barcode = optional("barcode", String.class).orElse(null);
        Optional<String> group = optional("group", String.class).orElse(null);
        Optional<Map<String, String>> options =
                optional("options", Map.class).map(o -> o.map(this::options)).orElse(null);
        Optional<String> imageUrl = optional("imageUrl", String.class).orElse(null);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ProductChanges(
                name, price, threshold, cost, reorderQuantity, leadTime, supplier, barcode, group, options, imageUrl);
    }

    private Map<String, String> options(Map<?, ?> given) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        given.forEach((name, value) -> {
            if (value instanceof String text) {
                options.put(String.valueOf(name), text);
            } else {
                errors.add(new FieldError("options." + name, "must be a string"));
            }
        });
        return options;
    }

    private <T> T required(String field, Class<T> type) {
        if (!body.containsKey(field)) {
            return null;
        }
        Object value = body.get(field);
        if (value == null) {
            errors.add(new FieldError(field, "cannot be cleared"));
            return null;
        }
        return typed(field, value, type);
    }

    /** Empty when absent; Optional.of(Optional.empty()) when the field is null (clear it). */
    private <T> Optional<Optional<T>> optional(String field, Class<T> type) {
        if (!body.containsKey(field)) {
            return Optional.empty();
        }
        Object value = body.get(field);
        return Optional.of(value == null ? Optional.empty() : Optional.ofNullable(typed(field, value, type)));
    }

    private <T> T typed(String field, Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            errors.add(new FieldError(
                    field,
                    type == String.class
                            ? "must be a string"
                            : type == Map.class ? "must be an object of names to values" : "must be a number"));
            return null;
        }
        return type.cast(value);
    }

    private Long whole(String field, Number n) {
        if (n == null) {
            return null;
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short) {
            return n.longValue();
        }
        if (n instanceof BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        errors.add(new FieldError(field, "must be a whole number"));
        return null;
    }

    private static BigDecimal decimal(Number n) {
        if (n == null) {
            return null;
        }
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.toString());
        }
        return BigDecimal.valueOf(n.longValue());
    }
}

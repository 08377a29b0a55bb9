package org.stockroom.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.support.InvalidRequestException;

/**
 * The sale form as typed: rows of SKU and quantity (sent as repeated {@code sku} and
 * {@code quantity} fields, in row order), a reference, and the idempotency key that makes a double
 * submit record one sale. Blank rows are dropped, so row numbers match the domain's line numbers.
 */
final class SaleForm {

    static final int MIN_ROWS = 3;

    record Row(String sku, String quantity) {}

    final List<Row> rows;
    final String reference;
    final String key;

    private SaleForm(List<Row> rows, String reference, String key) {
        this.rows = rows;
        this.reference = reference;
        this.key = key;
    }

    static SaleForm empty() {
        return new SaleForm(new ArrayList<>(), "", UUID.randomUUID().toString());
    }

    static SaleForm of(MultiValueMap<String, String> fields) {
        List<String> skus = fields.getOrDefault("sku", List.of());
        List<String> quantities = fields.getOrDefault("quantity", List.of());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(skus.size(), quantities.size()); i++) {
            String sku = i < skus.size() ? skus.get(i).strip() : "";
            String quantity = i < quantities.size() ? quantities.get(i).strip() : "";
            if (!sku.isEmpty() || !quantity.isEmpty()) {
                rows.add(new Row(sku, quantity));
            }
        }
        String key = Optional.ofNullable(fields.getFirst("key"))
                .filter(k -> !k.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        return new SaleForm(
                rows, Optional.ofNullable(fields.getFirst("reference")).orElse(""), key);
    }

    /** Adds one unit of {@code sku}, to its row when it has one. */
    void add(String sku) {
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.sku().equals(sku)) {
                try {
                    rows.set(i, new Row(sku, String.valueOf(Long.parseLong(row.quantity()) + 1)));
                    return;
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        rows.add(new Row(sku, "1"));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The rows to draw: what was typed plus blank rows to type into. */
    List<Row> rowsToShow(int extra) {
        List<Row> shown = new ArrayList<>(rows);
        while (shown.size() < Math.max(MIN_ROWS, rows.size() + extra)) {
            shown.add(new Row("", ""));
        }
        return shown;
    }

    PurchaseRequest toRequest() {
        FormErrors errors = new FormErrors();
        List<PurchaseRequest.Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Long quantity =
                    errors.whole("lines[" + i + "].quantity", rows.get(i).quantity());
            lines.add(new PurchaseRequest.Line(rows.get(i).sku(), quantity));
        }
        try {
            PurchaseRequest request = new PurchaseRequest(reference, lines);
            errors.throwIfAny();
            return request;
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
            errors.throwIfAny();
            throw e;
        }
    }
}

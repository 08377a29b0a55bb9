package org.stockroom.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stockroom.catalog.Sku;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.Money;
import org.stockroom.support.Text;

/**
 * A new purchase order, or a draft's new content: the supplier by name, an optional reference
 * and expected date, and its lines (a SKU at most once; a line without a unit cost takes the
 * product's current cost).
 */
public record OrderRequest(String supplier, String reference, LocalDate expectedOn, List<Line> lines) {

    public static final int MAX_LINES = 500;
    public static final long MAX_QUANTITY = 1_000_000;

    public record Line(String sku, Long quantity, BigDecimal unitCost) {}

    public OrderRequest {
        List<FieldError> errors = new ArrayList<>();
        supplier = supplier == null ? null : Text.clean("supplier", supplier, 200, true, errors);
        reference = Text.clean("reference", reference, 255, false, errors);
        // Stored as ISO text and compared as text for "due" and "late": only four-digit years sort as dates.
        if (expectedOn != null && (expectedOn.getYear() < 1 || expectedOn.getYear() > 9999)) {
            errors.add(new FieldError("expectedOn", "must be a date from 0001-01-01 to 9999-12-31"));
        }
        if (lines == null) {
            lines = List.of();
        }
        if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "must have at most " + MAX_LINES + " lines"));
        }
        Map<String, Line> bySku = new LinkedHashMap<>();
        for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            if (!Sku.isValid(line.sku())) {
                errors.add(new FieldError(at + ".sku", "must be 1 to 64 characters of A-Z a-z 0-9 . _ -"));
            } else if (bySku.containsKey(line.sku())) {
                errors.add(new FieldError(at + ".sku", "names " + line.sku() + " a second time"));
            }
            if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                errors.add(new FieldError(at + ".quantity", "must be a whole number from 1 to " + MAX_QUANTITY));
            }
            if (line.unitCost() != null
                    && (line.unitCost().signum() < 0
                            || line.unitCost().compareTo(Money.MAX) > 0
                            || line.unitCost().stripTrailingZeros().scale() > Money.STORAGE_SCALE)) {
                errors.add(new FieldError(
                        at + ".unitCost",
                        "must be from 0 to " + Money.MAX.toPlainString() + " with at most 4 decimals"));
            }
            if (line.sku() != null) {
                bySku.putIfAbsent(line.sku(), line);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        lines = List.copyOf(bySku.values());
    }
}

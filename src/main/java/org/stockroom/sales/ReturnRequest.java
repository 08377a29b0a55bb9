package org.stockroom.sales;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stockroom.catalog.Sku;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.Text;

/**
 * Units of one purchase brought back: one or more lines and an optional note. Lines naming the
 * same SKU are added together, and {@link #lines()} are in SKU order, the order their rows are locked.
 */
public record ReturnRequest(List<Line> lines, String note) {

    public record Line(String sku, Long quantity) {}

    public ReturnRequest {
        List<FieldError> errors = new ArrayList<>();
        note = Text.clean("note", note, 500, false, errors);
        if (lines == null || lines.isEmpty()) {
            errors.add(new FieldError("lines", "must have at least one line"));
        } else if (lines.size() > PurchaseRequest.MAX_LINES) {
            errors.add(new FieldError("lines", "must have at most " + PurchaseRequest.MAX_LINES + " lines"));
        } else {
            Map<String, Long> merged = new TreeMap<>();
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                String at = "lines[" + i + "]";
                if (line == null) {
                    errors.add(new FieldError(at, "is required"));
                    continue;
                }
                if (line.sku() == null || !line.sku().matches(Sku.PATTERN)) {
                    errors.add(new FieldError(at + ".sku", "must be 1 to 64 characters of A-Z a-z 0-9 . _ -"));
                }
                if (line.quantity() == null || line.quantity() < 1 || line.quantity() > PurchaseRequest.MAX_QUANTITY) {
                    errors.add(new FieldError(
                            at + ".quantity", "must be a whole number from 1 to " + PurchaseRequest.MAX_QUANTITY));
                }
                if (line.sku() != null && line.quantity() != null) {
                    merged.merge(line.sku(), line.quantity(), Long::sum);
                }
            }
            lines = merged.entrySet().stream()
                    .map(e -> new Line(e.getKey(), e.getValue()))
                    .toList();
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    public static ReturnRequest of(Map<String, Long> quantities, String note) {
        return new ReturnRequest(
                quantities.entrySet().stream()
                        .map(e -> new Line(e.getKey(), e.getValue()))
                        .toList(),
                note);
    }
}

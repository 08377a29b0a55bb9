package org.stockroom.purchasing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stockroom.catalog.Sku;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.Text;

/** Units of an order that arrived: per SKU how many (lines of one SKU add up), and a note for the ledger. */
public record ReceiptRequest(List<Line> lines, String note) {

    public record Line(String sku, Long quantity) {}

    public ReceiptRequest {
        List<FieldError> errors = new ArrayList<>();
        note = Text.clean("note", note, 400, false, errors);
        Map<String, Long> merged = new TreeMap<>();
        if (lines == null || lines.isEmpty()) {
            errors.add(new FieldError("lines", "must have at least one line"));
        } else if (lines.size() > OrderRequest.MAX_LINES) {
            // Refused whole: reading only the first lines would receive less than the delivery said.
            errors.add(new FieldError("lines", "must have at most " + OrderRequest.MAX_LINES + " lines"));
        } else {
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                String at = "lines[" + i + "]";
                if (line == null) {
                    errors.add(new FieldError(at, "is required"));
                    continue;
                }
                if (!Sku.isValid(line.sku())) {
                    errors.add(new FieldError(at + ".sku", "must be 1 to 64 characters of A-Z a-z 0-9 . _ -"));
                }
                if (line.quantity() == null || line.quantity() < 1 || line.quantity() > OrderRequest.MAX_QUANTITY) {
                    errors.add(new FieldError(
                            at + ".quantity", "must be a whole number from 1 to " + OrderRequest.MAX_QUANTITY));
                }
                if (line.sku() != null && line.quantity() != null) {
                    merged.merge(line.sku(), line.quantity(), Long::sum);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        lines = merged.entrySet().stream()
                .map(e -> new Line(e.getKey(), e.getValue()))
                .toList();
    }
}

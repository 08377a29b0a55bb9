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
 * An order to buy: an optional reference and one or more lines. Lines naming the same SKU are
 * added together, and {@link #lines()} are in SKU order, which is the order their rows are locked.
 */
public record PurchaseRequest(String reference, List<Line> lines) {

    public static final int MAX_LINES = 500;
    public static final long MAX_QUANTITY = 1_000_000;

    public record Line(String sku, Long quantity) {}

    public PurchaseRequest {
        List<FieldError> errors = new ArrayList<>();
        reference = Text.clean("reference", reference, 255, false, errors);
        if (lines == null || lines.isEmpty()) {
            errors.add(new FieldError("lines", "must have at least one line"));
        } else if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "must have at most " + MAX_LINES + " lines"));
        } else {
            Map<String, Long> merged = new TreeMap<>();
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
                if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                    errors.add(new FieldError(at + ".quantity", "must be a whole number from 1 to " + MAX_QUANTITY));
                }
                if (line.sku() != null && line.quantity() != null) {
                    merged.merge(line.sku(), line.quantity(), Long::sum);
                }
            }
            merged.forEach((sku, quantity) -> {
                if (quantity > MAX_QUANTITY) {
                    errors.add(new FieldError("lines", sku + ": total quantity must be at most " + MAX_QUANTITY));
                }
            });
            lines = merged.entrySet().stream()
                    .map(e -> new Line(e.getKey(), e.getValue()))
                    .toList();
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    public static PurchaseRequest of(String reference, Map<String, Long> quantities) {
        return new PurchaseRequest(
                reference,
                quantities.entrySet().stream()
                        .map(e -> new Line(e.getKey(), e.getValue()))
                        .toList());
    }

    /** A stable digest of what was asked, to tell a retry from a different request under the same key. */
    String fingerprint() {
        StringBuilder canonical = new StringBuilder(reference == null ? "" : reference).append('\n');
        lines.forEach(
                l -> canonical.append(l.sku()).append('=').append(l.quantity()).append('\n'));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

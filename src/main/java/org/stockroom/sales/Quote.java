package org.stockroom.sales;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a purchase would cost at today's prices, and which lines could not be bought now. A quote
 * reserves nothing: stock may change before the purchase, which decides for itself.
 */
public record Quote(String currency, List<Line> lines, BigDecimal total) {

    /** Why a line cannot be bought as asked. */
    public enum Problem {
        UNKNOWN_SKU,
        ARCHIVED,
        INSUFFICIENT_STOCK
    }

    /** {@code name}, {@code unitPrice} and {@code lineTotal} are null for an unknown SKU. */
    public record Line(
            String sku,
            String name,
            long quantity,
            BigDecimal unitPrice,
            BigDecimal lineTotal,
            long available,
            Problem problem) {}

    public boolean possible() {
        return lines.stream().allMatch(l -> l.problem() == null);
    }
}

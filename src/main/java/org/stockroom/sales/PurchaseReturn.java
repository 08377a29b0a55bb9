package org.stockroom.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Units of a purchase that came back, at the unit prices of the purchase: {@code total} is the
 * revenue the return takes back.
 */
public record PurchaseReturn(
        String id,
        String purchaseId,
        Instant createdAt,
        String currency,
        BigDecimal total,
        String note,
        List<Line> lines) {

    public record Line(String sku, String name, long quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}
}

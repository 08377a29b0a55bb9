package org.stockroom.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.stockroom.catalog.Product;

/** A product as the API shows it: {@code stock} on hand, {@code available} = stock - reserved. */
record ProductView(
        String sku,
        String name,
        BigDecimal price,
        long stock,
        long reserved,
        long available,
        long backordered,
        long incoming,
        long reorderThreshold,
        long unitsSold,
        boolean needsRestock,
        BigDecimal cost,
        Long reorderQuantity,
        Integer leadTimeDays,
        String supplier,
        String barcode,
        boolean archived,
        Instant createdAt,
        Instant updatedAt) {

    /** {@code incoming}: units on sent, not yet received purchase-order lines. */
    static ProductView of(Product p, long incoming) {
        return new ProductView(
                p.sku().value(),
                p.name(),
                p.price(),
                p.stock(),
                p.reserved(),
                p.available(),
                p.backordered(),
                incoming,
                p.reorderThreshold(),
                p.unitsSold(),
                p.needsRestock(),
                p.cost(),
                p.reorderQuantity(),
                p.leadTimeDays(),
                p.supplier(),
                p.barcode(),
                p.archived(),
                p.createdAt(),
                p.updatedAt());
    }
}

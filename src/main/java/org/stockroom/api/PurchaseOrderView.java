package org.stockroom.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.stockroom.purchasing.PurchaseOrder;

/** A purchase order as the API shows it; {@code supplier} is the supplier's name. */
record PurchaseOrderView(
        String id,
        String number,
        String supplier,
        long supplierId,
        String status,
        String reference,
        LocalDate expectedOn,
        List<Line> lines,
        BigDecimal total,
        boolean costKnown,
        String actor,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt,
        String emailedTo,
        Instant emailedAt,
        String emailError) {

    record Line(String sku, String name, long quantity, long received, long open, BigDecimal unitCost) {}

    static PurchaseOrderView of(PurchaseOrder o, int scale) {
        return new PurchaseOrderView(
                o.id(),
                o.number(),
                o.supplier().name(),
                o.supplier().id(),
                o.status().name(),
                o.reference(),
                o.expectedOn(),
                o.lines().stream()
                        .map(l -> new Line(l.sku(), l.name(), l.quantity(), l.received(), l.open(), l.unitCost()))
                        .toList(),
                o.total(scale),
                o.costKnown(),
                o.actor(),
                o.createdAt(),
                o.updatedAt(),
                o.sentAt(),
                o.emailedTo(),
                o.emailedAt(),
                o.emailError());
    }
}

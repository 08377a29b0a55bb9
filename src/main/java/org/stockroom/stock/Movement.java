package org.stockroom.stock;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the ledger: a change of a product's stock, who made it, why, and the balance after;
 * for a receipt at a known cost, what a unit cost ({@code unitCost}, else null).
 */
public record Movement(
        long id,
        String sku,
        MovementType type,
        String reason,
        long delta,
        long balanceAfter,
        String actor,
        String note,
        String purchaseId,
        Instant at,
        BigDecimal unitCost) {}

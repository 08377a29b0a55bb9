package org.stockroom.stock;

import java.time.Instant;

/** One line of the ledger: a change of a product's stock, who made it, why, and the balance after. */
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
        Instant at) {}

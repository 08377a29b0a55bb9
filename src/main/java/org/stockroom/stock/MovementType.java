package org.stockroom.stock;

public enum MovementType {
    /** Units taken by a purchase. */
    SALE,
    /** Units received from a supplier (a restock). */
    RECEIPT,
    /** A correction with a reason: a count, damage, loss, a find, a return. */
    ADJUSTMENT
}

package org.stockroom.stock;

/** Why an adjustment changed stock. */
public enum AdjustmentReason {
    /** A stocktake: the shelf was counted. Also the opening stock of a new product. */
    COUNT,
    DAMAGED,
    LOST,
    FOUND,
    /** Units of a purchase brought back by the customer. */
    RETURN,
    OTHER
}

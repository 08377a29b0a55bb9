package org.stockroom.stock;

import java.math.BigDecimal;

/**
 * A change to apply to one product's stock. {@code soldDelta} moves units sold along with a sale
 * (or back with a return), so stock plus units sold is conserved by the same statement. A stocktake
 * gives {@code countedQuantity} instead of a delta: the database sets the stock to it and computes
 * the delta from the stock it replaces, in one statement. A receipt may carry what a unit cost
 * ({@code unitCost}): the ledger keeps it and the product's cost becomes the moving average.
 */
public record StockChange(
        String sku,
        long delta,
        long soldDelta,
        MovementType type,
        String reason,
        String note,
        String purchaseId,
        Long countedQuantity,
        BigDecimal unitCost) {

    public StockChange {
        if (unitCost != null && (type != MovementType.RECEIPT || delta <= 0 || unitCost.signum() < 0)) {
            throw new IllegalArgumentException("only a receipt carries a unit cost, and it is not negative");
        }
    }

    public StockChange(
            String sku, long delta, long soldDelta, MovementType type, String reason, String note, String purchaseId) {
        this(sku, delta, soldDelta, type, reason, note, purchaseId, null, null);
    }

    public StockChange(
            String sku,
            long delta,
            long soldDelta,
            MovementType type,
            String reason,
            String note,
            String purchaseId,
            Long countedQuantity) {
        this(sku, delta, soldDelta, type, reason, note, purchaseId, countedQuantity, null);
    }

    public static StockChange sale(String sku, long quantity, String purchaseId) {
        return new StockChange(sku, -quantity, quantity, MovementType.SALE, null, null, purchaseId);
    }

    public static StockChange receipt(String sku, long quantity, String note) {
        return new StockChange(sku, quantity, 0, MovementType.RECEIPT, null, note, null);
    }

    /**
     * Units received at a known cost each (a purchase order's line): the product's cost becomes the
     * moving average of the stock on hand at its cost and these units at theirs.
     */
    public static StockChange receipt(String sku, long quantity, String note, BigDecimal unitCost) {
        return new StockChange(sku, quantity, 0, MovementType.RECEIPT, null, note, null, null, unitCost);
    }

    /**
     * Owed units of a purchase delivered from a receipt: a SALE with reason BACKORDER and the
     * purchase's id. Units sold do not move; the purchase counted them.
     */
    static StockChange backorderFilled(String sku, long units, String purchaseId, long backorderId) {
        return new StockChange(
                sku, -units, 0, MovementType.SALE, "BACKORDER", "backorder " + backorderId + " filled", purchaseId);
    }

    /** The stock a product enters the catalog with: in effect its first count. */
    public static StockChange opening(String sku, long stock) {
        return new StockChange(sku, stock, 0, MovementType.ADJUSTMENT, "COUNT", "opening stock", null);
    }

    /** A correction by a known amount: damaged, lost, found, ... */
    public static StockChange adjustment(String sku, long delta, AdjustmentReason reason, String note) {
        return new StockChange(sku, delta, 0, MovementType.ADJUSTMENT, reason.name(), note, null);
    }

    /** A stocktake: the stock becomes what was counted, and the ledger records the difference. */
    public static StockChange count(String sku, long countedQuantity, AdjustmentReason reason, String note) {
        return new StockChange(sku, 0, 0, MovementType.ADJUSTMENT, reason.name(), note, null, countedQuantity);
    }

    /** Units of a purchase coming back: stock rises and units sold fall by the same amount. */
    public static StockChange returned(String sku, long quantity, String purchaseId, String note) {
        return new StockChange(
                sku, quantity, -quantity, MovementType.ADJUSTMENT, AdjustmentReason.RETURN.name(), note, purchaseId);
    }

    boolean isCount() {
        return countedQuantity != null;
    }

    /** The quantity asked for, as the refusal reports it. */
    long requested() {
        return isCount() ? countedQuantity : Math.abs(delta);
    }
}

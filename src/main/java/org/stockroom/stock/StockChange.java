package org.stockroom.stock;

/**
 * A change to apply to one product's stock. {@code soldDelta} moves units sold along with a sale
 * (or back with a return), so stock plus units sold is conserved by the same statement.
 */
public record StockChange(String sku, long delta, long soldDelta, MovementType type, String reason, String note, String purchaseId) {

    public static StockChange sale(String sku, long quantity, String purchaseId) {
        return new StockChange(sku, -quantity, quantity, MovementType.SALE, null, null, purchaseId);
    }

    public static StockChange receipt(String sku, long quantity, String note) {
        return new StockChange(sku, quantity, 0, MovementType.RECEIPT, null, note, null);
    }

    /** The stock a product enters the catalog with: in effect its first count. */
    public static StockChange opening(String sku, long stock) {
        return new StockChange(sku, stock, 0, MovementType.ADJUSTMENT, "COUNT", "opening stock", null);
    }

    /** The quantity asked for, as the refusal reports it. */
    long requested() {
        return Math.abs(delta);
    }
}

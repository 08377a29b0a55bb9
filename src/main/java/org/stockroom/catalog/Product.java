package org.stockroom.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import org.stockroom.support.DomainException;

/**
 * A product of the catalog, as the seed described it: identifier, name, price, stock, restock
 * threshold and units sold, plus what reordering needs. It is a snapshot; the database applies the
 * same rules to the stored row with conditional updates, so concurrent sales cannot break them.
 */
public record Product(
        Sku sku,
        String name,
        BigDecimal price,
        long stock,
        long reorderThreshold,
        long unitsSold,
        BigDecimal cost,
        Long reorderQuantity,
        Integer leadTimeDays,
        String supplier,
        String barcode,
        boolean archived,
        Instant createdAt,
        Instant updatedAt) {

    public Product {
        if (stock < 0) {
            throw new IllegalArgumentException("stock cannot be negative");
        }
        if (reorderThreshold < 0) {
            throw new IllegalArgumentException("reorder threshold cannot be negative");
        }
    }

    /** A product needs restocking when its stock is at or below its threshold. */
    public boolean needsRestock() {
        return stock <= reorderThreshold;
    }

    public boolean outOfStock() {
        return stock == 0;
    }

    /**
     * The product after selling {@code quantity} units. Refuses to sell more than is on hand:
     * stock never goes negative.
     */
    public Product sell(long quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (archived) {
            throw new DomainException(
                    DomainException.Kind.UNPROCESSABLE, "product-archived", sku + " is archived and cannot be sold");
        }
        if (quantity > stock) {
            throw new InsufficientStockException(
                    java.util.List.of(new InsufficientStockException.Shortage(sku.value(), quantity, stock)));
        }
        return withStock(stock - quantity, unitsSold + quantity);
    }

    /** The product after receiving {@code quantity} units from a supplier. */
    public Product receive(long quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        return withStock(stock + quantity, unitsSold);
    }

    /**
     * The cost a unit after this product (its stock already including {@code quantity} received
     * units) took them in at {@code unitCost} each: the moving average
     * {@code (before * cost + quantity * unitCost) / (before + quantity)}, computed exactly and rounded
     * half-even to {@code scale} decimals (the currency's). Stock whose cost was unknown counts at the
     * receipt's cost, so the first known cost is simply the receipt's.
     */
    public BigDecimal costAfterReceiving(long quantity, BigDecimal unitCost, int scale) {
        if (quantity <= 0 || quantity > stock) {
            throw new IllegalArgumentException("quantity must be positive and already in stock");
        }
        long before = stock - quantity;
        BigDecimal previous = cost == null ? unitCost : cost;
        BigDecimal value =
                previous.multiply(BigDecimal.valueOf(before)).add(unitCost.multiply(BigDecimal.valueOf(quantity)));
        return value.divide(BigDecimal.valueOf(stock), scale, java.math.RoundingMode.HALF_EVEN);
    }

    private Product withStock(long newStock, long newUnitsSold) {
        return new Product(
                sku,
                name,
                price,
                newStock,
                reorderThreshold,
                newUnitsSold,
                cost,
                reorderQuantity,
                leadTimeDays,
                supplier,
                barcode,
                archived,
                createdAt,
                updatedAt);
    }
}

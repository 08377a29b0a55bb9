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
        Instant updatedAt,
        String group,
        java.util.Map<String, String> options,
        boolean stockTracked) {

    /** A product that belongs to no variant group and whose stock is tracked. */
    public Product(
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
        this(
                sku,
                name,
                price,
                stock,
                reorderThreshold,
                unitsSold,
                cost,
                reorderQuantity,
                leadTimeDays,
                supplier,
                barcode,
                archived,
                createdAt,
                updatedAt,
                null,
                java.util.Map.of(),
                true);
    }

    public Product {
        options = options == null
                ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        if (stock < 0) {
            throw new IllegalArgumentException("stock cannot be negative");
        }
        if (reorderThreshold < 0) {
            throw new IllegalArgumentException("reorder threshold cannot be negative");
        }
    }

    /**
     * A product needs restocking when its stock is at or below its threshold. A product whose stock
     * is not tracked (imported from a platform that did not count it) needs none until it is counted.
     */
    public boolean needsRestock() {
        return stockTracked && stock <= reorderThreshold;
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
                updatedAt,
                group,
                options,
                stockTracked);
    }
}

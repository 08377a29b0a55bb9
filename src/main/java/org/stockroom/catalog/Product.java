package org.stockroom.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product of the catalog, as the seed described it: identifier, name, price, stock, restock
 * threshold and units sold, plus what reordering needs and the stock model's other faces: units
 * {@code reserved} by active reservations and units {@code backordered} (owed to orders taken
 * while stock was short); a variant carries its {@code group} and {@code options}; {@code imageUrl}
 * is the address of a picture the shop hosts elsewhere (null when it has none). It is a
 * snapshot; the database applies the same rules to the stored row with conditional updates, so
 * concurrent sales cannot break them.
 */
public record Product(
        Sku sku,
        String name,
        BigDecimal price,
        long stock,
        long reserved,
        long backordered,
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
        Map<String, String> options,
        boolean stockTracked,
        List<BundleComponent> components,
        String imageUrl) {

    /** A product that is no bundle, belongs to no variant group, has no picture and whose stock is tracked. */
    public Product(
            Sku sku,
            String name,
            BigDecimal price,
            long stock,
            long reserved,
            long backordered,
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
                reserved,
                backordered,
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
                Map.of(),
                true,
                List.of(),
                null);
    }

    public Product {
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        components = components == null ? List.of() : List.copyOf(components);
        if (stock < 0) {
            throw new IllegalArgumentException("stock cannot be negative");
        }
        if (reserved < 0 || reserved > stock) {
            throw new IllegalArgumentException("reserved must be from 0 to the stock");
        }
        if (backordered < 0) {
            throw new IllegalArgumentException("backordered cannot be negative");
        }
        if (reorderThreshold < 0) {
            throw new IllegalArgumentException("reorder threshold cannot be negative");
        }
    }

    /**
     * A bundle (kit) is sold from its components and holds no stock of its own: its {@code stock}
     * and {@code available} are the most whole bundles its components' available units make (0 when
     * a component is archived), computed when the product is read.
     */
    public boolean isBundle() {
        return !components.isEmpty();
    }

    /** What can be sold: the units on hand that no reservation holds. */
    public long available() {
        return stock - reserved;
    }

    /**
     * A product needs restocking when what it can sell is at or below its threshold: units held for
     * unpaid orders count as gone; a bundle follows what its components allow (its alerts are its
     * components', see {@code alerts}). A product whose stock is not tracked (imported from a platform
     * that did not count it) needs none until it is counted.
     */
    public boolean needsRestock() {
        return (stockTracked || isBundle()) && available() <= reorderThreshold;
    }

    public boolean outOfStock() {
        return available() == 0;
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
        return value.divide(BigDecimal.valueOf(stock), scale, RoundingMode.HALF_EVEN);
    }
}

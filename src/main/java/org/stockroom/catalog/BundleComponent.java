package org.stockroom.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One line of a bundle's recipe: {@code quantity} units of the product {@code sku} go into each bundle. */
public record BundleComponent(String sku, long quantity) {

    /** The most units of one component in one bundle, and the most components of one bundle. */
    public static final long MAX_QUANTITY = 10_000;

    public static final int MAX_COMPONENTS = 50;

    public BundleComponent {
        if (sku == null || quantity < 1) {
            throw new IllegalArgumentException("a component names a product and at least one unit");
        }
    }

    /** The recipe as text, in SKU order: {@code MUG:2|COASTER:1}; null for none (a product that is no bundle). */
    public static String format(List<BundleComponent> components) {
        if (components == null || components.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (BundleComponent c : components) {
            if (!text.isEmpty()) {
                text.append('|');
            }
            text.append(c.sku()).append(':').append(c.quantity());
        }
        return text.toString();
    }

    /**
     * Reads {@link #format}'s text (separators {@code |}, {@code ,} or {@code ;}, and a missing
     * {@code :QTY} means one unit); empty for blank text. A SKU named twice is refused, as is a
     * quantity that is not a whole number from 1 to {@link #MAX_QUANTITY}.
     */
    public static List<BundleComponent> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<BundleComponent> parsed = new ArrayList<>();
        for (String part : text.split("[|,;]")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.lastIndexOf(':');
            String sku = (colon < 0 ? item : item.substring(0, colon)).strip();
            long quantity;
            try {
                quantity =
                        colon < 0 ? 1 : Long.parseLong(item.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + item + "\" is not SKU:QUANTITY");
            }
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                throw new IllegalArgumentException(
                        "the quantity of " + sku + " must be a whole number from 1 to " + MAX_QUANTITY);
            }
            parsed.add(new BundleComponent(sku, quantity));
        }
        return parsed;
    }

    /** The recipe in SKU order; a SKU named twice is an error the caller reports. */
    static List<BundleComponent> sorted(List<BundleComponent> components) {
        Map<String, BundleComponent> bySku = new TreeMap<>();
        components.forEach(c -> bySku.put(c.sku(), c));
        return List.copyOf(bySku.values());
    }
}

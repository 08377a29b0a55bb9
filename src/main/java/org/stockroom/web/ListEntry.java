package org.stockroom.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stockroom.catalog.Product;

/**
 * One line of the product table: a product alone, or a variant group folded into one row with its
 * variants beneath. A group folds when two or more of its variants are on the page; it takes the
 * place of its first variant, so the list's order stays the order asked for.
 */
record ListEntry(String group, List<Product> products) {

    static List<ListEntry> fold(List<Product> page) {
        Map<String, Integer> perGroup = new HashMap<>();
        page.stream().filter(p -> p.group() != null).forEach(p -> perGroup.merge(p.group(), 1, Integer::sum));
        Map<String, List<Product>> entries = new LinkedHashMap<>();
        for (Product p : page) {
            boolean folds = p.group() != null && perGroup.get(p.group()) > 1;
            String key = folds ? "group:" + p.group() : "sku:" + p.sku().value();
            entries.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        return entries.entrySet().stream()
                .map(e -> new ListEntry(
                        e.getKey().startsWith("group:") ? e.getValue().get(0).group() : null, e.getValue()))
                .toList();
    }

    public boolean folded() {
        return group != null;
    }

    /** The single product of an entry that is not a group. */
    public Product product() {
        return products.get(0);
    }

    /** The group's picture: that of its first variant on the page which has one (null when none has). */
    public String imageUrl() {
        return products.stream()
                .map(Product::imageUrl)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    public long stock() {
        return products.stream().mapToLong(Product::stock).sum();
    }

    /** The group's status is its worst variant's: one out of stock makes the group need attention. */
    public String status() {
        List<Product> selling = products.stream().filter(p -> !p.archived()).toList();
        if (selling.isEmpty()) {
            return "archived";
        }
        if (selling.stream().anyMatch(Product::outOfStock)) {
            return "out";
        }
        return selling.stream().anyMatch(Product::needsRestock) ? "low" : "ok";
    }
}

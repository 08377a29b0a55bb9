package org.stockroom.catalog;

import java.util.Map;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Page;

/**
 * A page of the catalog. Every word of {@code q} must match the product: be the start of a word of
 * its SKU, name, supplier or group (case-insensitive), or be its whole barcode. {@code group} keeps
 * the variants of one group; {@code sort} is a field name, with a leading {@code -} for descending order.
 */
public record ProductQuery(
        String q, boolean lowStock, boolean archived, String sort, int page, int size, String group) {

    public ProductQuery(String q, boolean lowStock, boolean archived, String sort, int page, int size) {
        this(q, lowStock, archived, sort, page, size, null);
    }

    static final Map<String, String> SORT_COLUMNS = Map.of(
            "sku",
            "sku",
            "name",
            "name_key",
            "stock",
            "stock",
            "price",
            "price",
            "unitsSold",
            "units_sold",
            "reorderThreshold",
            "reorder_threshold",
            "updatedAt",
            "updated_at");

    public ProductQuery {
        Page.check(page, size);
        sort = sort == null || sort.isBlank() ? "sku" : sort;
        if (!SORT_COLUMNS.containsKey(sort.startsWith("-") ? sort.substring(1) : sort)) {
            throw new InvalidRequestException(
                    "sort",
                    "must be one of "
                            + String.join(
                                    ", ",
                                    SORT_COLUMNS.keySet().stream().sorted().toList()) + ", optionally prefixed with -");
        }
        q = q == null || q.isBlank() ? null : q.strip();
        group = group == null || group.isBlank() ? null : group.strip();
        if (q != null && q.length() > 200) {
            throw new InvalidRequestException("q", "must be at most 200 characters");
        }
    }

    /** The same filter, another page. */
    public ProductQuery page(int page, int size) {
        return new ProductQuery(q, lowStock, archived, sort, page, size, group);
    }

    public static ProductQuery all() {
        return new ProductQuery(null, false, false, "sku", 0, 500);
    }

    String orderBy() {
        boolean descending = sort.startsWith("-");
        String column = SORT_COLUMNS.get(descending ? sort.substring(1) : sort);
        return column + (descending ? " DESC" : " ASC") + (column.equals("sku") ? "" : ", sku ASC");
    }
}

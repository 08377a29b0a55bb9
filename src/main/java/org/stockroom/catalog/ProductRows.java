package org.stockroom.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.stockroom.support.Money;

/**
 * How a product row reads: the columns to select and the mapping to a {@link Product}. Public
 * because the {@code stock} package's statements answer the product they changed ({@code RETURNING}),
 * and a second read after every stock change would cost the purchase path a round trip.
 */
public final class ProductRows {

    /**
     * Every column a {@link Product} is read from, as stored: for the {@code RETURNING} of a
     * statement that changes a product's stock, which is never a bundle's.
     */
    public static final String COLUMNS =
            "sku, name, price, stock, reserved, backordered, reorder_threshold, units_sold, cost, reorder_quantity, "
                    + "lead_time_days, supplier, barcode, archived, created_at, updated_at, variant_group, options, "
                    + "stock_tracked, components, image_url";

    /**
     * A product's stock, unaliased table {@code product}: the stored column, or for a bundle the most
     * whole bundles its components' available units make (an archived component makes none). Only a
     * bundle's row pays for the subquery; it reads the recipe by its primary key.
     */
    public static final String STOCK = "(CASE WHEN product.components IS NULL THEN product.stock ELSE COALESCE(("
            + "SELECT MIN(CASE WHEN c.archived = TRUE THEN 0 ELSE (c.stock - c.reserved) / bc.quantity END) "
            + "FROM bundle_component bc JOIN product c ON c.sku = bc.component_sku "
            + "WHERE bc.bundle_sku = product.sku), 0) END)";

    /** {@link #COLUMNS} for a {@code SELECT ... FROM product}: a bundle's stock computed ({@link #STOCK}). */
    public static final String SELECTED = COLUMNS.replace("stock, reserved,", STOCK + " AS stock, reserved,");

    private ProductRows() {}

    /** The product of the current row of {@code rs}, selected with {@link #COLUMNS}. */
    public static Product map(ResultSet rs, int scale) throws SQLException {
        return new Product(
                new Sku(rs.getString("sku")),
                rs.getString("name"),
                Money.fromColumn(rs.getLong("price"), scale),
                rs.getLong("stock"),
                rs.getLong("reserved"),
                rs.getLong("backordered"),
                rs.getLong("reorder_threshold"),
                rs.getLong("units_sold"),
                Money.fromColumn(nullableLong(rs, "cost"), scale),
                nullableLong(rs, "reorder_quantity"),
                nullableInt(rs, "lead_time_days"),
                rs.getString("supplier"),
                rs.getString("barcode"),
                rs.getBoolean("archived"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getString("variant_group"),
                ProductWords.readOptions(rs.getString("options")),
                rs.getBoolean("stock_tracked"),
                BundleComponent.parse(rs.getString("components")),
                rs.getString("image_url"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}

package org.stockroom.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reports' reads of the catalog's stock, with each product's last sale and recent demand from the
 * rollups, its supplier's lead time when it has none of its own, and what purchase orders still bring.
 */
@Repository
class StockRepository {

    /** An active product; money in database units (× 10,000). */
    record ProductRow(
            String sku,
            String name,
            long stock,
            long available,
            long reorderThreshold,
            Long reorderQuantity,
            Integer leadTimeDays,
            Long cost,
            long price,
            String supplier,
            long createdAt,
            Long lastSaleDay,
            long incoming,
            String expectedOn) {}

    /**
     * Units still to come per product on sent purchase orders, and the earliest date one is expected
     * (the purchasing package's tables, read here as the reports read the catalog's).
     */
    private static final String INCOMING = "SELECT l.sku, SUM(l.quantity - l.received) AS incoming, "
            + "MIN(o.expected_on) AS expected_on FROM purchase_order_line l JOIN purchase_order o ON o.id = l.order_id "
            + "WHERE o.status IN ('SENT', 'PARTIALLY_RECEIVED') AND l.received < l.quantity GROUP BY l.sku";

    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Active products (only those with stock on hand when {@code inStock}), by SKU. Bundles are left
     * out: they hold no stock to value, and are never reordered (their components are).
     */
    List<ProductRow> activeProducts(boolean inStock) {
        return jdbc.sql(
                        "SELECT p.sku, p.name, p.stock, p.stock - p.reserved AS available, p.reorder_threshold, p.reorder_quantity, "
                                + "COALESCE(p.lead_time_days, s.lead_time_days) AS lead_time_days, p.cost, p.price, "
                                + "p.supplier, p.created_at, t.last_sale_day, i.incoming, i.expected_on FROM product p "
                                + "LEFT JOIN sales_total t ON t.sku = p.sku LEFT JOIN supplier s ON s.name = p.supplier "
                                + "LEFT JOIN (" + INCOMING + ") i ON i.sku = p.sku "
                                + "WHERE p.archived = FALSE AND p.components IS NULL"
                                + (inStock ? " AND p.stock > 0" : "") + " ORDER BY p.sku")
                .query((rs, n) -> new ProductRow(
                        rs.getString("sku"),
                        rs.getString("name"),
                        rs.getLong("stock"),
                        rs.getLong("available"),
                        rs.getLong("reorder_threshold"),
                        nullableLong(rs, "reorder_quantity"),
                        nullableLong(rs, "lead_time_days") == null ? null : rs.getInt("lead_time_days"),
                        nullableLong(rs, "cost"),
                        rs.getLong("price"),
                        rs.getString("supplier"),
                        rs.getLong("created_at"),
                        nullableLong(rs, "last_sale_day"),
                        rs.getLong("incoming"),
                        rs.getString("expected_on")))
                .list();
    }

    /** Per product, net units and the sum of squared net daily units between two days (inclusive). */
    Map<String, ReorderPlanner.Demand> demand(LocalDate from, LocalDate to) {
        Map<String, ReorderPlanner.Demand> demand = new HashMap<>();
        jdbc.sql("SELECT sku, SUM(units) AS units, SUM(units * units) AS squares FROM sales_daily "
                        + "WHERE day BETWEEN :from AND :to GROUP BY sku")
                .param("from", from.toEpochDay())
                .param("to", to.toEpochDay())
                .query(rs -> {
                    demand.put(
                            rs.getString("sku"), new ReorderPlanner.Demand(rs.getLong("units"), rs.getLong("squares")));
                });
        return demand;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}

package org.stockroom.api;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many rows each table of the store holds, and the stock figures, so a test can prove that a
 * refused request changed nothing at all.
 */
record StoreCounts(
        long products,
        long purchases,
        long purchaseLines,
        long movements,
        long alerts,
        long idempotencyKeys,
        long totalStock,
        long totalSold,
        long lastUpdate) {

    static StoreCounts of(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new StoreCounts(
                count(jdbc, "SELECT COUNT(*) FROM product"),
                count(jdbc, "SELECT COUNT(*) FROM purchase"),
                count(jdbc, "SELECT COUNT(*) FROM purchase_line"),
                count(jdbc, "SELECT COUNT(*) FROM stock_movement"),
                count(jdbc, "SELECT COUNT(*) FROM restock_alert"),
                count(jdbc, "SELECT COUNT(*) FROM idempotency_key"),
                count(jdbc, "SELECT COALESCE(SUM(stock), 0) FROM product"),
                count(jdbc, "SELECT COALESCE(SUM(units_sold), 0) FROM product"),
                count(jdbc, "SELECT COALESCE(MAX(updated_at), 0) FROM product"));
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

package org.stockroom.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Money;
import org.stockroom.support.StockroomProperties;
import org.stockroom.support.StoreCalendar;

/** Reports read from the sales and catalog tables; they never change anything. */
@Service
public class Reports {

    private final JdbcClient jdbc;
    private final StoreCalendar calendar;
    private final StockroomProperties properties;

    Reports(JdbcClient jdbc, StoreCalendar calendar, StockroomProperties properties) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.properties = properties;
    }

    /** Sales between two dates of the store's calendar, both inclusive; either may be open. Highest revenue first. */
    public SalesReport sales(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (from != null) {
            where.append(" AND pu.created_at >= :from");
            params.put("from", calendar.startOf(from));
        }
        if (to != null) {
            where.append(" AND pu.created_at < :to");
            params.put("to", calendar.endOf(to));
        }
        int scale = properties.currencyScale();
        List<SalesReport.ProductSales> products = jdbc.sql(
                        "SELECT l.sku, p.name, p.stock, p.reorder_threshold, SUM(l.quantity) AS units, SUM(l.line_total) AS revenue, "
                                + "SUM(l.unit_cost * l.quantity) AS cost, SUM(CASE WHEN l.unit_cost IS NULL THEN 1 ELSE 0 END) AS unknown_cost "
                                + "FROM purchase_line l JOIN purchase pu ON pu.id = l.purchase_id JOIN product p ON p.sku = l.sku"
                                + where + " GROUP BY l.sku, p.name, p.stock, p.reorder_threshold ORDER BY revenue DESC, l.sku")
                .params(params)
                .query((rs, n) -> {
                    BigDecimal revenue = Money.fromColumn(rs.getLong("revenue"), scale);
                    BigDecimal cost = rs.getLong("unknown_cost") > 0 ? null : Money.fromColumn(rs.getLong("cost"), scale);
                    long stock = rs.getLong("stock");
                    return new SalesReport.ProductSales(rs.getString("sku"), rs.getString("name"), rs.getLong("units"), revenue, cost,
                            cost == null ? null : revenue.subtract(cost), stock, stock <= rs.getLong("reorder_threshold"));
                })
                .list();
        long purchases = jdbc.sql("SELECT COUNT(*) FROM purchase pu" + where).params(params).query(Long.class).single();
        long units = products.stream().mapToLong(SalesReport.ProductSales::unitsSold).sum();
        BigDecimal revenue = products.stream().map(SalesReport.ProductSales::revenue).reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
        boolean costKnown = products.stream().allMatch(p -> p.cost() != null);
        BigDecimal cost = costKnown ? products.stream().map(SalesReport.ProductSales::cost).reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add) : null;
        return new SalesReport(from, to, properties.currency().getCurrencyCode(),
                new SalesReport.Totals(purchases, units, revenue, cost, cost == null ? null : revenue.subtract(cost)), products);
    }
}

package org.stockroom.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reports' reads of the rollups. A date range is answered from as few rows as possible: whole
 * months from the monthly rollup, the days at either end from the daily one, and all time from the
 * per-product totals, so no report reads the purchase history.
 */
@Repository
class RollupRepository {

    /** Sums of one product (or one day) in database money units. */
    record Sums(long units, long revenue, long cost, long unknownCostUnits) {}

    record ProductRow(String sku, String name, long stock, long reserved, long reorderThreshold, Sums sums) {}

    record DayRow(long day, Sums sums) {}

    /** Far enough back and ahead to stand for an open end; whole months, so the monthly rollup answers them. */
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private static final String SUMS = "units, revenue, cost, unknown_cost_units";

    private final JdbcClient jdbc;

    RollupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Net sales per product between two dates (inclusive; null for an open end), with the product's name and stock. */
    List<ProductRow> salesByProduct(LocalDate from, LocalDate to) {
        Map<String, Object> params = new LinkedHashMap<>();
        Source source = source(from, to, params);
        // Rows already one per product need no grouping, which is most of the cost of a month or of all time.
        String perProduct = source.onePerProduct()
                ? source.sql()
                : "SELECT sku, SUM(units) AS units, SUM(revenue) AS revenue, SUM(cost) AS cost, "
                        + "SUM(unknown_cost_units) AS unknown_cost_units FROM (" + source.sql() + ") r GROUP BY sku";
        return jdbc.sql(
                        "SELECT s.sku, p.name, p.stock, p.reserved, p.reorder_threshold, s.units, s.revenue, s.cost, s.unknown_cost_units FROM ("
                                + perProduct + ") s JOIN product p ON p.sku = s.sku")
                .params(params)
                .query((rs, n) -> new ProductRow(
                        rs.getString("sku"),
                        rs.getString("name"),
                        rs.getLong("stock"),
                        rs.getLong("reserved"),
                        rs.getLong("reorder_threshold"),
                        sums(rs)))
                .list();
    }

    long purchases(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COALESCE(SUM(purchases), 0) FROM sales_day_total WHERE day BETWEEN :from AND :to")
                .param("from", orEarliest(from).toEpochDay())
                .param("to", orLatest(to).toEpochDay())
                .query(Long.class)
                .single();
    }

    /** Days that sold between two dates, for the whole store or one product; days without sales are absent. */
    List<DayRow> days(LocalDate from, LocalDate to, String sku) {
        // The store's day total may be split over several rows (slots, written by different writers).
        String sql = sku == null
                ? "SELECT day, SUM(units) AS units, SUM(revenue) AS revenue, SUM(cost) AS cost, "
                        + "SUM(unknown_cost_units) AS unknown_cost_units FROM sales_day_total "
                        + "WHERE day BETWEEN :from AND :to GROUP BY day ORDER BY day"
                : "SELECT day, " + SUMS
                        + " FROM sales_daily WHERE day BETWEEN :from AND :to AND sku = :sku ORDER BY day";
        return jdbc.sql(sql)
                .param("from", from.toEpochDay())
                .param("to", to.toEpochDay())
                .params(sku == null ? Map.of() : Map.of("sku", sku))
                .query((rs, n) -> new DayRow(rs.getLong("day"), sums(rs)))
                .list();
    }

    /** The rollup rows that make up a date range; {@code onePerProduct} when no product has two of them. */
    private record Source(String sql, boolean onePerProduct) {}

    /**
     * The rows that make up a date range: the days before the first whole month and after the last
     * one from the daily rollup, the whole months between from the monthly one.
     */
    private static Source source(LocalDate from, LocalDate to, Map<String, Object> params) {
        if (from == null && to == null) {
            return new Source("SELECT sku, " + SUMS + " FROM sales_total", true);
        }
        LocalDate start = orEarliest(from);
        LocalDate end = orLatest(to);
        LocalDate firstWholeMonth =
                start.getDayOfMonth() == 1 ? start : start.withDayOfMonth(1).plusMonths(1);
        LocalDate lastWholeMonthEnd = end.equals(end.withDayOfMonth(end.lengthOfMonth()))
                ? end
                : end.withDayOfMonth(1).minusDays(1);
        if (firstWholeMonth.isAfter(lastWholeMonthEnd)) {
            return new Source(daily(start, end, "d0", params), start.equals(end));
        }
        List<String> parts = new ArrayList<>();
        if (start.isBefore(firstWholeMonth)) {
            parts.add(daily(start, firstWholeMonth.minusDays(1), "d1", params));
        }
        long firstMonth = org.stockroom.sales.SalesRollup.monthOf(firstWholeMonth);
        long lastMonth = org.stockroom.sales.SalesRollup.monthOf(lastWholeMonthEnd);
        params.put("m1", firstMonth);
        params.put("m2", lastMonth);
        parts.add("SELECT sku, " + SUMS + " FROM sales_monthly WHERE month BETWEEN :m1 AND :m2");
        if (end.isAfter(lastWholeMonthEnd)) {
            parts.add(daily(lastWholeMonthEnd.plusDays(1), end, "d2", params));
        }
        return new Source(String.join(" UNION ALL ", parts), parts.size() == 1 && firstMonth == lastMonth);
    }

    private static String daily(LocalDate from, LocalDate to, String name, Map<String, Object> params) {
        params.put(name + "from", from.toEpochDay());
        params.put(name + "to", to.toEpochDay());
        return "SELECT sku, " + SUMS + " FROM sales_daily WHERE day BETWEEN :" + name + "from AND :" + name + "to";
    }

    static LocalDate orEarliest(LocalDate date) {
        return date == null ? EARLIEST : date;
    }

    static LocalDate orLatest(LocalDate date) {
        return date == null ? LATEST : date;
    }

    private static Sums sums(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Sums(
                rs.getLong("units"), rs.getLong("revenue"), rs.getLong("cost"), rs.getLong("unknown_cost_units"));
    }
}

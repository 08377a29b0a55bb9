package org.stockroom.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stockroom.sales.SalesRollup;

/**
 * The reports' reads of the rollups. A date range is answered from as few rows as possible: whole
 * months from the monthly rollup, the days at either end from the daily one, all time from the
 * per-product totals, and a range that covers most of the history as all time less the rest, so no
 * report reads the purchase history.
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
        String perProduct = (from != null || to != null) && mostOfTheHistory(orEarliest(from), orLatest(to))
                ? allTimeLessOutside(orEarliest(from), orLatest(to), params)
                : inside(from, to, params);
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

    /** Sums per product of the rows that make up the range. */
    private static String inside(LocalDate from, LocalDate to, Map<String, Object> params) {
        Source source = source(from, to, params);
        // Rows already one per product need no grouping, which is most of the cost of a month or of all time.
        return source.onePerProduct()
                ? source.sql()
                : "SELECT sku, SUM(units) AS units, SUM(revenue) AS revenue, SUM(cost) AS cost, "
                        + "SUM(unknown_cost_units) AS unknown_cost_units FROM (" + source.sql() + ") r GROUP BY sku";
    }

    /**
     * Whether the range covers more of the months that sold than it leaves out: then the rows
     * outside it are fewer than the rows inside.
     */
    private boolean mostOfTheHistory(LocalDate start, LocalDate end) {
        // One MIN or MAX per subquery: SQLite answers each from the index only when it is alone.
        long[] history = jdbc.sql(
                        "SELECT (SELECT MIN(month) FROM sales_monthly), (SELECT MAX(month) FROM sales_monthly)")
                .query((rs, n) -> rs.getObject(1) == null ? new long[0] : new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        if (history.length == 0) {
            return false;
        }
        long inside =
                Math.min(history[1], SalesRollup.monthOf(end)) - Math.max(history[0], SalesRollup.monthOf(start)) + 1;
        return inside > 1 && inside > history[1] - history[0] + 1 - inside;
    }

    /**
     * Sums per product over a long range, read as all time (one row per product) less the rows
     * outside the range. Over two years of a longer history, that reads a few months of rows
     * instead of two years of them: on 10,000 products and 1,000,000 lines, SQLite 125 ms -> 32 ms.
     * A product whose sales in the range net to zero (sold and returned there) sold in the range
     * all the same: its daily rows there say so, looked up only for products whose sums are equal.
     */
    private static String allTimeLessOutside(LocalDate start, LocalDate end, Map<String, Object> params) {
        List<String> outside = new ArrayList<>();
        params.put("before", SalesRollup.monthOf(start));
        outside.add("SELECT sku, " + SUMS + " FROM sales_monthly WHERE month < :before");
        if (start.getDayOfMonth() != 1) {
            outside.add(daily(start.withDayOfMonth(1), start.minusDays(1), "o1", params));
        }
        if (end.getDayOfMonth() != end.lengthOfMonth()) {
            outside.add(daily(end.plusDays(1), end.withDayOfMonth(end.lengthOfMonth()), "o2", params));
        }
        params.put("after", SalesRollup.monthOf(end));
        outside.add("SELECT sku, " + SUMS + " FROM sales_monthly WHERE month > :after");
        params.put("start", start.toEpochDay());
        params.put("end", end.toEpochDay());
        return "SELECT t.sku, t.units - COALESCE(o.units, 0) AS units, t.revenue - COALESCE(o.revenue, 0) AS revenue, "
                + "t.cost - COALESCE(o.cost, 0) AS cost, "
                + "t.unknown_cost_units - COALESCE(o.unknown_cost_units, 0) AS unknown_cost_units FROM sales_total t "
                + "LEFT JOIN (SELECT sku, SUM(units) AS units, SUM(revenue) AS revenue, SUM(cost) AS cost, "
                + "SUM(unknown_cost_units) AS unknown_cost_units FROM (" + String.join(" UNION ALL ", outside)
                + ") r GROUP BY sku) o ON o.sku = t.sku "
                + "WHERE o.sku IS NULL OR t.units <> o.units OR t.revenue <> o.revenue OR t.cost <> o.cost "
                + "OR t.unknown_cost_units <> o.unknown_cost_units "
                + "OR EXISTS (SELECT 1 FROM sales_daily d WHERE d.sku = t.sku AND d.day BETWEEN :start AND :end)";
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
        long firstMonth = SalesRollup.monthOf(firstWholeMonth);
        long lastMonth = SalesRollup.monthOf(lastWholeMonthEnd);
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

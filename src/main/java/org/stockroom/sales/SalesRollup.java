package org.stockroom.sales;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.support.Database;
import org.stockroom.support.Money;
import org.stockroom.support.StoreCalendar;

/**
 * The daily, monthly and all-time sales rollups that reports read instead of the purchase history;
 * {@code sales} is their only writer ({@code reports} reads them). Sales and returns record into
 * them in their own transaction, so a report never disagrees with
 * the purchases it sums. Days are the store's calendar days; when the configured time zone is not
 * the one the rollups were built with (or they were never built), they are rebuilt from the
 * purchases before first use.
 */
@Component
public class SalesRollup implements InitializingBean {

    /**
     * One line of a sale or a return, in database money units (amount × 10,000). {@code unitCost}
     * is null when the product had no known cost when it was sold.
     */
    record Line(String sku, long quantity, long unitPrice, Long unitCost) {
        Line {
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive");
            }
        }
    }

    /** SQLite's page cache during a rebuild: at most 256 MiB (negative: KiB rather than pages), taken only as needed. */
    private static final long REBUILD_CACHE_KIB = -262_144;

    private static final String VALUES = ":units, :revenue, :cost, :unknown)";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;
    private final StoreCalendar calendar;
    private final Clock clock;
    private final Database database;

    SalesRollup(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate named,
            TransactionTemplate transaction,
            StoreCalendar calendar,
            Clock clock,
            Database database) {
        this.database = database;
        this.jdbc = jdbc;
        this.named = named;
        this.transaction = transaction;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Adds {@code purchases} purchases made on the calendar day of {@code atMillis}, committed
     * together: one upsert per product for all of them instead of one per purchase; in their transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void sales(long atMillis, List<Line> lines, int purchases) {
        record(calendar.zone(), atMillis, lines, 1, purchases);
    }

    /** Takes returned units off the day of the return (at the prices and costs they were sold at); in the return's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void returned(long atMillis, List<Line> lines) {
        record(calendar.zone(), atMillis, lines, -1, false);
    }

    void record(ZoneId zone, long atMillis, List<Line> lines, int sign, boolean purchase) {
        record(zone, atMillis, lines, sign, purchase ? 1 : 0);
    }

    private void record(ZoneId zone, long atMillis, List<Line> lines, int sign, int purchases) {
        boolean purchase = purchases > 0;
        LocalDate date = Instant.ofEpochMilli(atMillis).atZone(zone).toLocalDate();
        long day = date.toEpochDay();
        Map<String, Sums> bySku = new LinkedHashMap<>();
        Sums all = new Sums();
        for (Line line : lines) {
            Sums s = bySku.computeIfAbsent(line.sku(), k -> new Sums());
            s.add(line, sign);
            all.add(line, sign);
        }
        List<SqlParameterSource> rows = new ArrayList<>(bySku.size());
        bySku.forEach((sku, s) -> rows.add(s.params()
                .addValue("sku", sku)
                .addValue("day", day)
                .addValue("month", monthOf(date))
                .addValue("lastSale", purchase ? day : null)));
        SqlParameterSource[] batch = rows.toArray(SqlParameterSource[]::new);
        try {
            upsert(day, purchases, all, batch);
        } catch (DataAccessException e) {
            if (overflowed(e)) {
                throw Money.tooLarge("A stored sum of sales (of a product or of a day)", Money.MAX_STORED_SUM);
            }
            throw e;
        }
    }

    /**
     * A sum past 64 bits: PostgreSQL refuses it (22003); SQLite would turn it into an inexact float,
     * which triggers of its own refuse (db/sqlite V63).
     */
    private static boolean overflowed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && ("22003".equals(sql.getSQLState())
                            || String.valueOf(sql.getMessage()).contains("amount-out-of-range")
                            || String.valueOf(sql.getMessage()).contains("integer overflow"))) {
                return true;
            }
        }
        return false;
    }

    private void upsert(long day, int purchases, Sums all, SqlParameterSource[] batch) {
        named.batchUpdate(upsert("sales_daily", "day, sku", "VALUES (:day, :sku, " + VALUES), batch);
        named.batchUpdate(upsert("sales_monthly", "month, sku", "VALUES (:month, :sku, " + VALUES), batch);
        named.batchUpdate(
                "INSERT INTO sales_total (sku, units, revenue, cost, unknown_cost_units, last_sale_day) "
                        + "VALUES (:sku, :units, :revenue, :cost, :unknown, :lastSale) ON CONFLICT (sku) DO UPDATE SET "
                        + sums("sales_total")
                        + ", last_sale_day = CASE WHEN excluded.last_sale_day IS NULL THEN sales_total.last_sale_day "
                        + "WHEN sales_total.last_sale_day IS NULL OR excluded.last_sale_day > sales_total.last_sale_day "
                        + "THEN excluded.last_sale_day ELSE sales_total.last_sale_day END",
                batch);
        named.update(
                "INSERT INTO sales_day_total (day, slot, purchases, units, revenue, cost, unknown_cost_units) "
                        + "VALUES (:day, :slot, :purchases, :units, :revenue, :cost, :unknown) "
                        + "ON CONFLICT (day, slot) DO UPDATE SET "
                        + "purchases = sales_day_total.purchases + excluded.purchases, " + sums("sales_day_total"),
                all.params().addValue("day", day).addValue("slot", slot()).addValue("purchases", purchases));
    }

    /**
     * Which of the day's total rows this thread adds to. Every purchase of the store adds to the
     * day's total, so with one row per day each writer's transaction waited on the row lock of the
     * one before it until that one committed. On PostgreSQL each thread (a purchase writer, a
     * request thread) keeps one of {@link #DAY_TOTAL_SLOTS} slots, handed out in turn, so writers
     * running together add to rows of their own; readers add a day's slots together. SQLite has one
     * writer at a time anyway: one row per day there.
     */
    private int slot() {
        return database == Database.POSTGRESQL ? SLOT.get() : 0;
    }

    /** Slots per day on PostgreSQL: more than the writers (8 by default) that run at once. */
    static final int DAY_TOTAL_SLOTS = 16;

    private static final AtomicInteger NEXT_SLOT = new AtomicInteger();
    private static final ThreadLocal<Integer> SLOT =
            ThreadLocal.withInitial(() -> Math.floorMod(NEXT_SLOT.getAndIncrement(), DAY_TOTAL_SLOTS));

    private static String sums(String table) {
        return "units = " + table + ".units + excluded.units, revenue = " + table
                + ".revenue + excluded.revenue, cost = " + table + ".cost + excluded.cost, unknown_cost_units = "
                + table + ".unknown_cost_units + excluded.unknown_cost_units";
    }

    /**
     * Months are numbered year × 12 + month − 1, so consecutive months are consecutive numbers;
     * public because readers of {@code sales_monthly} must number them the same way.
     */
    public static long monthOf(LocalDate date) {
        return date.getYear() * 12L + date.getMonthValue() - 1;
    }

    private static final class Sums {
        long units;
        long revenue;
        long cost;
        long unknown;

        void add(Line line, int sign) {
            try {
                units = Math.addExact(units, sign * line.quantity());
                revenue = Math.addExact(revenue, sign * Math.multiplyExact(line.quantity(), line.unitPrice()));
                if (line.unitCost() == null) {
                    unknown = Math.addExact(unknown, sign * line.quantity());
                } else {
                    cost = Math.addExact(cost, sign * Math.multiplyExact(line.quantity(), line.unitCost()));
                }
            } catch (ArithmeticException e) {
                throw Money.tooLarge("The sales of " + line.sku() + " on one day", Money.MAX_STORED_SUM);
            }
        }

        MapSqlParameterSource params() {
            return new MapSqlParameterSource()
                    .addValue("units", units)
                    .addValue("revenue", revenue)
                    .addValue("cost", cost)
                    .addValue("unknown", unknown);
        }
    }

    @Override
    public void afterPropertiesSet() {
        rebuildIfZoneChanged();
    }

    /**
     * Rebuilds every rollup from the purchases when they were built for another time zone or never
     * built (the first start after the migration). Claiming the state row first means that of two
     * instances starting together only one rebuilds; the other waits for its commit.
     *
     * @return whether a rebuild ran
     */
    boolean rebuildIfZoneChanged() {
        String zone = calendar.zone().getId();
        return Boolean.TRUE.equals(transaction.execute(status -> {
            jdbc.sql(
                            "INSERT INTO sales_rollup_state (id, zone, built_at) VALUES (1, '', 0) ON CONFLICT (id) DO NOTHING")
                    .update();
            int claimed = jdbc.sql(
                            "UPDATE sales_rollup_state SET zone = :zone, built_at = :now WHERE id = 1 AND zone <> :zone")
                    .param("zone", zone)
                    .param("now", clock.millis())
                    .update();
            if (claimed == 0) {
                return false;
            }
            rebuild(calendar.zone());
            return true;
        }));
    }

    /**
     * Replaces every rollup row by the sums the live path would have recorded: each purchase line
     * added on the day of its purchase, each return line taken off the day of its return (at the
     * prices and costs on the line), by calendar days of {@code zone}; in the caller's transaction.
     * Public for whoever loads purchase history in bulk without the live path (benchmarks, tests).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rebuild(ZoneId zone) {
        if (database == Database.POSTGRESQL) {
            // The day ranges' row estimates are far too high, which would have PostgreSQL spend
            // seconds compiling the grouping (JIT) for this one run; until the transaction ends.
            jdbc.sql("SET LOCAL jit = off").update();
            rebuildRows(zone);
            return;
        }
        // SQLite's page cache (2 MB by default, per connection) is far smaller than the grouping of a
        // long history; a larger one for the rebuild's connection more than halves its time.
        long cacheSize = jdbc.sql("PRAGMA cache_size").query(Long.class).single();
        jdbc.sql("PRAGMA cache_size = " + REBUILD_CACHE_KIB).update();
        try {
            rebuildRows(zone);
        } finally {
            jdbc.sql("PRAGMA cache_size = " + cacheSize).update();
        }
    }

    private void rebuildRows(ZoneId zone) {
        for (String table :
                List.of("sales_daily", "sales_monthly", "sales_total", "sales_day_total", "sales_rollup_calendar")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        // One MIN or MAX per subquery: SQLite answers each from the index only when it is alone.
        List<Long> bounds = jdbc.sql(
                        "SELECT (SELECT MIN(created_at) FROM purchase), (SELECT MAX(created_at) FROM purchase), "
                                + "(SELECT MIN(created_at) FROM purchase_return), (SELECT MAX(created_at) FROM purchase_return)")
                .query((rs, n) -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 1; i <= 4; i++) {
                        long value = rs.getLong(i);
                        if (!rs.wasNull()) {
                            values.add(value);
                        }
                    }
                    return values;
                })
                .single();
        if (bounds.isEmpty()) {
            return;
        }
        fillCalendar(
                zone,
                bounds.stream().mapToLong(Long::longValue).min().orElseThrow(),
                bounds.stream().mapToLong(Long::longValue).max().orElseThrow());
        // CROSS JOIN keeps SQLite on the calendar first, each day a range of the created_at index. Rows
        // go in in key order, so that a range of days or months reads few pages, as it does when the
        // rows were added day after day by the sales themselves.
        jdbc.sql("INSERT INTO sales_daily (day, sku, units, revenue, cost, unknown_cost_units) "
                        + "SELECT c.day, l.sku, " + lineSums("l", "")
                        + " FROM sales_rollup_calendar c CROSS JOIN purchase pu "
                        + "JOIN purchase_line l ON l.purchase_id = pu.id WHERE pu.created_at >= c.starts_at AND pu.created_at < c.ends_at "
                        + "GROUP BY c.day, l.sku ORDER BY c.day, l.sku")
                .update();
        // The last sale day is taken before the returns are folded in: a return is not a sale.
        jdbc.sql(
                        "INSERT INTO sales_total (sku, units, revenue, cost, unknown_cost_units, last_sale_day) "
                                + "SELECT sku, SUM(units), SUM(revenue), SUM(cost), SUM(unknown_cost_units), MAX(day) FROM sales_daily GROUP BY sku ORDER BY sku")
                .update();
        String returnsByDay =
                "SELECT c.day AS day, l.sku AS sku, " + lineSums("l", "-") + " FROM sales_rollup_calendar c "
                        + "CROSS JOIN purchase_return r JOIN purchase_return_line l ON l.return_id = r.id "
                        + "WHERE r.created_at >= c.starts_at AND r.created_at < c.ends_at GROUP BY c.day, l.sku";
        jdbc.sql(upsert(
                        "sales_daily",
                        "day, sku",
                        "SELECT day, sku, units, revenue, cost, unknown_cost_units FROM (" + returnsByDay
                                + ") r WHERE TRUE"))
                .update();
        jdbc.sql(upsert(
                        "sales_total",
                        "sku",
                        "SELECT sku, SUM(units), SUM(revenue), SUM(cost), SUM(unknown_cost_units) FROM (" + returnsByDay
                                + ") r WHERE TRUE GROUP BY sku"))
                .update();
        jdbc.sql(
                        "INSERT INTO sales_monthly (month, sku, units, revenue, cost, unknown_cost_units) "
                                + "SELECT c.month, d.sku, SUM(d.units), SUM(d.revenue), SUM(d.cost), SUM(d.unknown_cost_units) "
                                + "FROM sales_daily d JOIN sales_rollup_calendar c ON c.day = d.day GROUP BY c.month, d.sku ORDER BY c.month, d.sku")
                .update();
        jdbc.sql(
                        "INSERT INTO sales_day_total (day, purchases, units, revenue, cost, unknown_cost_units) "
                                + "SELECT c.day, (SELECT COUNT(*) FROM purchase pu WHERE pu.created_at >= c.starts_at AND pu.created_at < c.ends_at), "
                                + "SUM(d.units), SUM(d.revenue), SUM(d.cost), SUM(d.unknown_cost_units) "
                                + "FROM sales_daily d JOIN sales_rollup_calendar c ON c.day = d.day GROUP BY c.day, c.starts_at, c.ends_at ORDER BY c.day")
                .update();
        jdbc.sql("DELETE FROM sales_rollup_calendar").update();
    }

    /** Units, revenue, known cost and units of unknown cost of purchase or return lines, summed as {@link Sums#add} does. */
    private static String lineSums(String alias, String sign) {
        return sign + "SUM(" + alias + ".quantity) AS units, " + sign + "SUM(" + alias + ".quantity * " + alias
                + ".unit_price) AS revenue, "
                + sign + "SUM(COALESCE(" + alias + ".quantity * " + alias + ".unit_cost, 0)) AS cost, "
                + sign + "SUM(CASE WHEN " + alias + ".unit_cost IS NULL THEN " + alias
                + ".quantity ELSE 0 END) AS unknown_cost_units";
    }

    /** Adds the rows of {@code select} (key columns, then the four sums) to {@code table}'s, as a live sale or return does. */
    private static String upsert(String table, String keyColumns, String select) {
        return "INSERT INTO " + table + " (" + keyColumns + ", units, revenue, cost, unknown_cost_units) " + select
                + " ON CONFLICT (" + keyColumns + ") DO UPDATE SET " + sums(table);
    }

    /** One row per calendar day from the first to the last sale: the day's bounds in the zone, for a set-based rebuild. */
    private void fillCalendar(ZoneId zone, long firstMillis, long lastMillis) {
        LocalDate day = Instant.ofEpochMilli(firstMillis).atZone(zone).toLocalDate();
        LocalDate end = Instant.ofEpochMilli(lastMillis).atZone(zone).toLocalDate();
        List<SqlParameterSource> rows = new ArrayList<>();
        for (; !day.isAfter(end); day = day.plusDays(1)) {
            rows.add(new MapSqlParameterSource()
                    .addValue("day", day.toEpochDay())
                    .addValue("month", monthOf(day))
                    .addValue("starts", day.atStartOfDay(zone).toInstant().toEpochMilli())
                    .addValue(
                            "ends",
                            day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()));
        }
        named.batchUpdate(
                "INSERT INTO sales_rollup_calendar (day, month, starts_at, ends_at) VALUES (:day, :month, :starts, :ends)",
                rows.toArray(SqlParameterSource[]::new));
    }
}

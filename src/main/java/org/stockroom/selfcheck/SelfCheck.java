package org.stockroom.selfcheck;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.stockroom.selfcheck.SelfCheckReport.Discrepancy;

/**
 * Recomputes, for every product, what its stored figures must be from the records that explain
 * them, and lists each disagreement:
 * <ul>
 * <li>{@code stock}: the stock equals the sum of its movements' deltas;</li>
 * <li>{@code movement-balance}: each movement's balance after equals the running sum of the deltas
 *     up to it (the first wrong one per product is reported);</li>
 * <li>{@code units-sold}: units sold equal the units of its purchase lines minus the units returned
 *     (a component's include its units in the bundles sold and returned);</li>
 * <li>{@code returned-quantity}: what a purchase line says was returned equals its return lines;</li>
 * <li>{@code reserved}: the units reserved equal the units of the active reservations' lines (a
 *     bundle's line holds its components' units);</li>
 * <li>{@code backordered}: the units backordered equal the units the open backorders still owe;</li>
 * <li>{@code open-alert}: an alert is open exactly while the product needs restocking and is not
 *     archived, at level OUT at zero available (stock less reserved) and LOW otherwise.</li>
 * </ul>
 * Each check is one SQL statement, so each sees one consistent state even while sales go on.
 */
@Service
public class SelfCheck {

    static final String NONE = "none";

    private final JdbcClient jdbc;

    SelfCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SelfCheckReport run() {
        List<Discrepancy> found = new ArrayList<>();
        long checked = checkProducts(found);
        checkBalances(found);
        checkReturnedQuantities(found);
        found.sort(java.util.Comparator.comparing(Discrepancy::sku).thenComparing(Discrepancy::check));
        return new SelfCheckReport(found.isEmpty(), checked, List.copyOf(found));
    }

    private long checkProducts(List<Discrepancy> found) {
        record Row(
                String sku,
                long stock,
                long reserved,
                long held,
                long backordered,
                long owed,
                long ledger,
                long unitsSold,
                long sold,
                long returned,
                boolean needsAlert,
                long open,
                String level) {}
        List<Row> rows = jdbc.sql("""
                        SELECT p.sku, p.stock, p.reserved, COALESCE(h.held, 0) AS held, p.backordered, COALESCE(b.owed, 0) AS owed, p.units_sold, p.reorder_threshold, p.archived, p.stock_tracked,
                               COALESCE(m.total, 0) AS ledger, COALESCE(s.sold, 0) AS sold, COALESCE(r.returned, 0) AS returned,
                               COALESCE(a.open_count, 0) AS open_count, a.level
                        FROM product p
                        LEFT JOIN (SELECT sku, SUM(delta) AS total FROM stock_movement GROUP BY sku) m ON m.sku = p.sku
                        LEFT JOIN (SELECT sku, SUM(q) AS sold FROM (
                                       SELECT sku, quantity AS q FROM purchase_line
                                       UNION ALL
                                       SELECT bc.component_sku AS sku, pl.quantity * bc.quantity AS q FROM purchase_line pl
                                       JOIN bundle_component bc ON bc.bundle_sku = pl.sku) sl
                                   GROUP BY sku) s ON s.sku = p.sku
                        LEFT JOIN (SELECT sku, SUM(q) AS returned FROM (
                                       SELECT sku, quantity AS q FROM purchase_return_line
                                       UNION ALL
                                       SELECT bc.component_sku AS sku, rl.quantity * bc.quantity AS q FROM purchase_return_line rl
                                       JOIN bundle_component bc ON bc.bundle_sku = rl.sku) rt
                                   GROUP BY sku) r ON r.sku = p.sku
                        LEFT JOIN (SELECT COALESCE(bc.component_sku, l.sku) AS sku, SUM(l.quantity * COALESCE(bc.quantity, 1)) AS held
                                   FROM reservation v
                                   JOIN reservation_line l ON l.reservation_id = v.id
                                   LEFT JOIN bundle_component bc ON bc.bundle_sku = l.sku
                                   WHERE v.status = 'ACTIVE'
                                   GROUP BY COALESCE(bc.component_sku, l.sku)) h ON h.sku = p.sku
                        LEFT JOIN (SELECT sku, SUM(quantity - filled) AS owed FROM backorder WHERE status = 'OPEN'
                                   GROUP BY sku) b ON b.sku = p.sku
                        LEFT JOIN (SELECT sku, COUNT(*) AS open_count, MAX(level) AS level FROM restock_alert
                                   WHERE resolved_at IS NULL GROUP BY sku) a ON a.sku = p.sku
                        ORDER BY p.sku""")
                .query((rs, n) -> new Row(
                        rs.getString("sku"),
                        rs.getLong("stock"),
                        rs.getLong("reserved"),
                        rs.getLong("held"),
                        rs.getLong("backordered"),
                        rs.getLong("owed"),
                        rs.getLong("ledger"),
                        rs.getLong("units_sold"),
                        rs.getLong("sold"),
                        rs.getLong("returned"),
                        !rs.getBoolean("archived")
                                && rs.getBoolean("stock_tracked")
                                && rs.getLong("stock") - rs.getLong("reserved") <= rs.getLong("reorder_threshold"),
                        rs.getLong("open_count"),
                        rs.getString("level")))
                .list();
        for (Row row : rows) {
            if (row.stock() != row.ledger()) {
                found.add(new Discrepancy(
                        row.sku(),
                        "stock",
                        String.valueOf(row.ledger()),
                        String.valueOf(row.stock()),
                        "the sum of the product's movements"));
            }
            if (row.unitsSold() != row.sold() - row.returned()) {
                found.add(new Discrepancy(
                        row.sku(),
                        "units-sold",
                        String.valueOf(row.sold() - row.returned()),
                        String.valueOf(row.unitsSold()),
                        row.sold() + " sold, " + row.returned() + " returned"));
            }
            if (row.reserved() != row.held()) {
                found.add(new Discrepancy(
                        row.sku(),
                        "reserved",
                        String.valueOf(row.held()),
                        String.valueOf(row.reserved()),
                        "the units of the active reservations"));
            }
            if (row.backordered() != row.owed()) {
                found.add(new Discrepancy(
                        row.sku(),
                        "backordered",
                        String.valueOf(row.owed()),
                        String.valueOf(row.backordered()),
                        "the units the open backorders owe"));
            }
            String expected = row.needsAlert() ? (row.stock() - row.reserved() == 0 ? "OUT" : "LOW") : NONE;
            String actual = row.open() == 0 ? NONE : row.open() > 1 ? row.open() + " open alerts" : row.level();
            if (!expected.equals(actual)) {
                found.add(new Discrepancy(row.sku(), "open-alert", expected, actual, null));
            }
        }
        return rows.size();
    }

    private void checkBalances(List<Discrepancy> found) {
        jdbc.sql("""
                        SELECT sku, id, balance_after, running FROM (
                            SELECT sku, id, balance_after, running, ROW_NUMBER() OVER (PARTITION BY sku ORDER BY id) AS nth FROM (
                                SELECT sku, id, balance_after,
                                       SUM(delta) OVER (PARTITION BY sku ORDER BY id ROWS UNBOUNDED PRECEDING) AS running
                                FROM stock_movement) x
                            WHERE balance_after <> running) y
                        WHERE nth = 1""")
                .query((rs, n) -> new Discrepancy(
                        rs.getString("sku"),
                        "movement-balance",
                        String.valueOf(rs.getLong("running")),
                        String.valueOf(rs.getLong("balance_after")),
                        "movement " + rs.getLong("id")))
                .list()
                .forEach(found::add);
    }

    private void checkReturnedQuantities(List<Discrepancy> found) {
        jdbc.sql("""
                        SELECT l.purchase_id, l.sku, l.returned_quantity, COALESCE(r.quantity, 0) AS recorded
                        FROM purchase_line l
                        LEFT JOIN (SELECT pr.purchase_id, rl.sku, SUM(rl.quantity) AS quantity
                                   FROM purchase_return_line rl JOIN purchase_return pr ON pr.id = rl.return_id
                                   GROUP BY pr.purchase_id, rl.sku) r ON r.purchase_id = l.purchase_id AND r.sku = l.sku
                        WHERE l.returned_quantity <> COALESCE(r.quantity, 0)""")
                .query((rs, n) -> new Discrepancy(
                        rs.getString("sku"),
                        "returned-quantity",
                        String.valueOf(rs.getLong("recorded")),
                        String.valueOf(rs.getLong("returned_quantity")),
                        "purchase " + rs.getString("purchase_id")))
                .list()
                .forEach(found::add);
    }
}

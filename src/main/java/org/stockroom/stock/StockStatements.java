package org.stockroom.stock;

import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductRows;
import org.stockroom.support.Database;
import org.stockroom.support.StockroomProperties;

/**
 * The stock statements: the only SQL that writes the product table's stock columns (stock,
 * units_sold, last_stock_delta). Package-private, so Java visibility keeps every other package from
 * changing stock except through {@link Stock#apply}. No stock value is ever read into Java and
 * written back; each statement is one conditional update that answers the row it changed.
 */
@Repository
class StockStatements {

    private final JdbcClient jdbc;
    private final RowMapper<Product> mapper;
    private final int currencyScale;
    /** The scalar minimum of two numbers: {@code LEAST} on PostgreSQL, {@code MIN} with two arguments on SQLite. */
    private final String least;

    StockStatements(JdbcClient jdbc, StockroomProperties properties, Database database) {
        this.jdbc = jdbc;
        this.currencyScale = properties.currencyScale();
        this.least = database == Database.POSTGRESQL ? "LEAST" : "MIN";
        this.mapper = (rs, n) -> ProductRows.map(rs, currencyScale);
    }

    /** The product after a change, and by how much its stock changed (computed by the database for a count). */
    record Changed(Product product, long delta) {}

    /**
     * Adds {@code delta} to the stock (and {@code soldDelta} to units sold) in one conditional
     * statement: it changes nothing and answers empty when the product is unknown, archived, or
     * the stock would go below what reservations hold (so a sale takes only from {@code available},
     * never from held units), or when the product is a bundle, whose stock is its components' (a
     * sale that did not know it for one is refused, not wrong). This is the take statement: the
     * one place its SQL is written.
     */
    Optional<Product> change(String sku, long delta, long soldDelta, long now) {
        return jdbc.sql(
                        "UPDATE product SET stock = stock + :delta, last_stock_delta = :delta, units_sold = units_sold + :sold, updated_at = :now, "
                                + "stock_tracked = (stock_tracked OR :delta > 0) "
                                + "WHERE sku = :sku AND components IS NULL AND archived = FALSE AND stock + :delta >= reserved "
                                + "AND units_sold + :sold >= 0 "
                                + "RETURNING " + ProductRows.COLUMNS)
                .param("sku", sku)
                .param("delta", delta)
                .param("sold", soldDelta)
                .param("now", now)
                .query(mapper)
                .optional();
    }

    /**
     * Sets the stock to {@code counted}; SQL evaluates every SET expression against the row as it
     * was, so {@code last_stock_delta} receives counted minus the stock it replaces, in the same
     * statement that holds the row's lock. Empty when the product is unknown or archived, or when
     * the count is below what reservations hold (those holds must be released first).
     */
    Optional<Changed> count(String sku, long counted, long now) {
        int scale = currencyScale;
        return jdbc.sql("UPDATE product SET stock = :counted, last_stock_delta = :counted - stock, updated_at = :now, "
                        + "stock_tracked = TRUE "
                        + "WHERE sku = :sku AND archived = FALSE AND :counted >= reserved RETURNING "
                        + ProductRows.COLUMNS
                        + ", last_stock_delta")
                .param("sku", sku)
                .param("counted", counted)
                .param("now", now)
                .query((rs, n) -> new Changed(ProductRows.map(rs, scale), rs.getLong("last_stock_delta")))
                .optional();
    }

    /**
     * Holds {@code quantity} more units for a reservation, only if that many are available (on hand
     * and not held); empty when they are not, or the product is unknown or archived.
     */
    Optional<Product> hold(String sku, long quantity, long now) {
        return jdbc.sql("UPDATE product SET reserved = reserved + :q, updated_at = :now "
                        + "WHERE sku = :sku AND archived = FALSE AND stock - reserved >= :q RETURNING "
                        + ProductRows.COLUMNS)
                .param("sku", sku)
                .param("q", quantity)
                .param("now", now)
                .query(mapper)
                .optional();
    }

    /** Gives back {@code quantity} held units (an archived product's too); empty when fewer are held. */
    Optional<Product> unhold(String sku, long quantity, long now) {
        return jdbc.sql("UPDATE product SET reserved = reserved - :q, updated_at = :now "
                        + "WHERE sku = :sku AND reserved >= :q RETURNING " + ProductRows.COLUMNS)
                .param("sku", sku)
                .param("q", quantity)
                .param("now", now)
                .query(mapper)
                .optional();
    }

    /**
     * The backorder take: takes what is available of {@code quantity} (at most {@code stock - reserved})
     * and owes the rest, in one statement. SQL evaluates every SET expression against the row as it
     * was, so each {@code least(...)} is the same number: the units taken, answered as
     * {@code -last_stock_delta}. Units sold count the whole quantity (the customer bought it), and
     * {@code backordered} the units owed. Empty when the product is unknown or archived.
     */
    Optional<Changed> takeUpTo(String sku, long quantity, long now) {
        int scale = currencyScale;
        String taken = least + "(stock - reserved, :q)";
        return jdbc.sql("UPDATE product SET stock = stock - " + taken + ", last_stock_delta = -" + taken
                        + ", units_sold = units_sold + :q, backordered = backordered + :q - " + taken
                        + ", updated_at = :now WHERE sku = :sku AND archived = FALSE RETURNING "
                        + ProductRows.COLUMNS
                        + ", last_stock_delta")
                .param("sku", sku)
                .param("q", quantity)
                .param("now", now)
                .query((rs, n) -> new Changed(ProductRows.map(rs, scale), rs.getLong("last_stock_delta")))
                .optional();
    }

    /**
     * Delivers {@code units} owed units from available stock: on hand and backordered both fall
     * (units sold counted them when they were bought). Empty, changing nothing, unless that many are
     * both available and owed.
     */
    Optional<Product> fill(String sku, long units, long now) {
        return jdbc.sql("UPDATE product SET stock = stock - :units, backordered = backordered - :units, "
                        + "last_stock_delta = -:units, updated_at = :now "
                        + "WHERE sku = :sku AND stock - reserved >= :units AND backordered >= :units RETURNING "
                        + ProductRows.COLUMNS)
                .param("sku", sku)
                .param("units", units)
                .param("now", now)
                .query(mapper)
                .optional();
    }

    /**
     * Owes {@code units} fewer: a cancelled backorder's units are neither owed nor sold any more.
     * Stock does not move (they never left). Empty when fewer are owed or sold.
     */
    Optional<Product> unowe(String sku, long units, long now) {
        return jdbc.sql("UPDATE product SET backordered = backordered - :units, units_sold = units_sold - :units, "
                        + "updated_at = :now WHERE sku = :sku AND backordered >= :units AND units_sold >= :units RETURNING "
                        + ProductRows.COLUMNS)
                .param("sku", sku)
                .param("units", units)
                .param("now", now)
                .query(mapper)
                .optional();
    }

    /**
     * Locks the product's row for the rest of the transaction without changing a figure, so a
     * cancellation takes the product's lock before its backorder's, in the order a receipt's fill
     * takes them, and the two cannot deadlock.
     */
    boolean lock(String sku) {
        return jdbc.sql("UPDATE product SET backordered = backordered WHERE sku = :sku")
                        .param("sku", sku)
                        .update()
                == 1;
    }

    /**
     * Counts {@code sold} more units sold (fewer for a return) of a bundle, whose stock is its
     * components' and does not move; empty when the bundle is archived (it can no longer be sold) or
     * more would come back than were sold.
     */
    Optional<Product> sellBundle(String sku, long sold, long now) {
        return jdbc.sql("UPDATE product SET units_sold = units_sold + :sold, updated_at = :now "
                        + "WHERE sku = :sku AND components IS NOT NULL AND archived = FALSE AND units_sold + :sold >= 0 "
                        + "RETURNING " + ProductRows.COLUMNS)
                .param("sku", sku)
                .param("sold", sold)
                .param("now", now)
                .query(mapper)
                .optional();
    }
}

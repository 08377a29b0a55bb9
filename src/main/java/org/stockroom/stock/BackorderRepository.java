package org.stockroom.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The backorder table. Rows of one SKU change only while its product row is locked by the same
 * transaction (a take, a fill or a cancellation updates the product first), so the open rows a
 * receipt reads are the ones it fills. Every status change is conditional on OPEN.
 */
@Repository
class BackorderRepository {

    private static final String COLUMNS =
            "id, sku, quantity, filled, purchase_id, channel, status, created_at, filled_at, cancelled_at";

    private final JdbcClient jdbc;

    BackorderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Backorder insert(String sku, long quantity, String purchaseId, String channel, long now) {
        long id = jdbc.sql("INSERT INTO backorder (sku, quantity, filled, purchase_id, channel, status, created_at) "
                        + "VALUES (:sku, :quantity, 0, :purchaseId, :channel, 'OPEN', :now) RETURNING id")
                .param("sku", sku)
                .param("quantity", quantity)
                .param("purchaseId", purchaseId)
                .param("channel", channel)
                .param("now", now)
                .query(Long.class)
                .single();
        return new Backorder(
                id,
                sku,
                quantity,
                0,
                purchaseId,
                channel,
                Backorder.Status.OPEN,
                Instant.ofEpochMilli(now),
                null,
                null);
    }

    /** The open backorders of one SKU, oldest first: the order receipts fill them in. */
    List<Backorder> open(String sku) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM backorder WHERE sku = :sku AND status = 'OPEN' "
                        + "ORDER BY created_at, id")
                .param("sku", sku)
                .query(BackorderRepository::map)
                .list();
    }

    /** Delivers {@code units} more to an open backorder; FILLED when nothing is owed after. */
    boolean fill(long id, long units, long now) {
        return jdbc.sql("UPDATE backorder SET filled = filled + :units, "
                                + "status = CASE WHEN filled + :units = quantity THEN 'FILLED' ELSE status END, "
                                + "filled_at = CASE WHEN filled + :units = quantity THEN :now ELSE filled_at END "
                                + "WHERE id = :id AND status = 'OPEN' AND filled + :units <= quantity")
                        .param("id", id)
                        .param("units", units)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** Ends an open backorder; empty when it is not open (any more). */
    Optional<Backorder> cancel(long id, long now) {
        return jdbc.sql("UPDATE backorder SET status = 'CANCELLED', cancelled_at = :now "
                        + "WHERE id = :id AND status = 'OPEN' RETURNING " + COLUMNS)
                .param("id", id)
                .param("now", now)
                .query(BackorderRepository::map)
                .optional();
    }

    Optional<Backorder> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM backorder WHERE id = :id")
                .param("id", id)
                .query(BackorderRepository::map)
                .optional();
    }

    /** Newest first; {@code status} null for every status. */
    List<Backorder> list(Backorder.Status status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM backorder"
                        + (status == null ? "" : " WHERE status = :status")
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("status", status == null ? "" : status.name())
                .param("limit", limit)
                .query(BackorderRepository::map)
                .list();
    }

    List<Backorder> ofPurchase(String purchaseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM backorder WHERE purchase_id = :purchaseId ORDER BY id")
                .param("purchaseId", purchaseId)
                .query(BackorderRepository::map)
                .list();
    }

    private static Backorder map(ResultSet rs, int n) throws SQLException {
        return new Backorder(
                rs.getLong("id"),
                rs.getString("sku"),
                rs.getLong("quantity"),
                rs.getLong("filled"),
                rs.getString("purchase_id"),
                rs.getString("channel"),
                Backorder.Status.valueOf(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "filled_at"),
                instant(rs, "cancelled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}

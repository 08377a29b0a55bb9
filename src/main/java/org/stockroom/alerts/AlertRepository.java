package org.stockroom.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

    record OpenAlert(long id, AlertLevel level) {}

    private static final String SELECT = "SELECT a.id, a.sku, p.name, a.level, "
            + "CASE WHEN a.resolved_at IS NULL THEN p.stock ELSE a.stock END AS stock, "
            + "CASE WHEN a.resolved_at IS NULL THEN p.reorder_threshold ELSE a.reorder_threshold END AS reorder_threshold, "
            + "a.raised_at, a.acknowledged_at, a.resolved_at FROM restock_alert a JOIN product p ON p.sku = a.sku";

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OpenAlert> findOpen(String sku) {
        return jdbc.sql("SELECT id, level FROM restock_alert WHERE sku = :sku AND resolved_at IS NULL")
                .param("sku", sku)
                .query((rs, n) -> new OpenAlert(rs.getLong("id"), AlertLevel.valueOf(rs.getString("level"))))
                .optional();
    }

    /**
     * Opens an alert; empty when the product has an open one already. The partial unique index
     * decides, so a race between transactions can never open two nor fail with a unique violation.
     */
    Optional<Long> raise(String sku, AlertLevel level, long stock, long threshold, long now) {
        return jdbc.sql("INSERT INTO restock_alert (sku, level, stock, reorder_threshold, raised_at) "
                        + "VALUES (:sku, :level, :stock, :threshold, :now) "
                        + "ON CONFLICT (sku) WHERE resolved_at IS NULL DO NOTHING RETURNING id")
                .param("sku", sku)
                .param("level", level.name())
                .param("stock", stock)
                .param("threshold", threshold)
                .param("now", now)
                .query(Long.class)
                .optional();
    }

    void changeLevel(long id, AlertLevel level, long stock, long threshold, long now) {
        jdbc.sql("UPDATE restock_alert SET level = :level, stock = :stock, reorder_threshold = :threshold, "
                        + "escalated_at = CASE WHEN :level = 'OUT' THEN :now ELSE escalated_at END WHERE id = :id")
                .param("id", id)
                .param("level", level.name())
                .param("stock", stock)
                .param("threshold", threshold)
                .param("now", now)
                .update();
    }

    Optional<Long> resolve(String sku, long stock, long threshold, long now) {
        return jdbc.sql("UPDATE restock_alert SET resolved_at = :now, stock = :stock, reorder_threshold = :threshold "
                        + "WHERE sku = :sku AND resolved_at IS NULL RETURNING id")
                .param("sku", sku)
                .param("stock", stock)
                .param("threshold", threshold)
                .param("now", now)
                .query(Long.class)
                .optional();
    }

    boolean acknowledge(long id, String actor, long now) {
        return jdbc.sql(
                                "UPDATE restock_alert SET acknowledged_at = :now, acknowledged_by = :actor WHERE id = :id AND acknowledged_at IS NULL")
                        .param("id", id)
                        .param("actor", actor)
                        .param("now", now)
                        .update()
                == 1;
    }

    Optional<Alert> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id")
                .param("id", id)
                .query(AlertRepository::map)
                .optional();
    }

    long countOpen() {
        return jdbc.sql("SELECT COUNT(*) FROM restock_alert WHERE resolved_at IS NULL")
                .query(Long.class)
                .single();
    }

    List<Alert> list(AlertStatus status) {
        String where = switch (status) {
            case OPEN -> " WHERE a.resolved_at IS NULL";
            case RESOLVED -> " WHERE a.resolved_at IS NOT NULL";
            case ALL -> "";
        };
        return jdbc.sql(SELECT + where + " ORDER BY a.raised_at DESC, a.id DESC")
                .query(AlertRepository::map)
                .list();
    }

    private static Alert map(ResultSet rs, int n) throws SQLException {
        return new Alert(
                rs.getLong("id"),
                rs.getString("sku"),
                rs.getString("name"),
                AlertLevel.valueOf(rs.getString("level")),
                rs.getLong("stock"),
                rs.getLong("reorder_threshold"),
                Instant.ofEpochMilli(rs.getLong("raised_at")),
                instant(rs, "acknowledged_at"),
                instant(rs, "resolved_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}

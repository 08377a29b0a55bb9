package org.stockroom.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger table. Append-only: there is no update or delete here, or anywhere. */
@Repository
class MovementRepository {

    private static final String COLUMNS = "id, sku, type, reason, delta, balance_after, actor, note, purchase_id, at";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batchJdbc;

    MovementRepository(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
    }

    Movement append(StockChange change, long balanceAfter, String actor, long now) {
        long id = jdbc.sql("INSERT INTO stock_movement (sku, type, reason, delta, balance_after, actor, note, purchase_id, at) "
                        + "VALUES (:sku, :type, :reason, :delta, :balance, :actor, :note, :purchaseId, :at) RETURNING id")
                .param("sku", change.sku())
                .param("type", change.type().name())
                .param("reason", change.reason())
                .param("delta", change.delta())
                .param("balance", balanceAfter)
                .param("actor", actor)
                .param("note", change.note())
                .param("purchaseId", change.purchaseId())
                .param("at", now)
                .query(Long.class).single();
        return new Movement(id, change.sku(), change.type(), change.reason(), change.delta(), balanceAfter, actor,
                change.note(), change.purchaseId(), Instant.ofEpochMilli(now));
    }

    /** Opening balances of new products, in batches: the balance after each is its delta. */
    void appendOpenings(List<StockChange> openings, String actor, long now) {
        for (int from = 0; from < openings.size(); from += 1000) {
            var rows = openings.subList(from, Math.min(openings.size(), from + 1000)).stream()
                    .map(c -> new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                            .addValue("sku", c.sku()).addValue("type", c.type().name()).addValue("reason", c.reason())
                            .addValue("delta", c.delta()).addValue("balance", c.delta()).addValue("actor", actor)
                            .addValue("note", c.note()).addValue("purchaseId", c.purchaseId()).addValue("at", now))
                    .toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new);
            batchJdbc.batchUpdate("INSERT INTO stock_movement (sku, type, reason, delta, balance_after, actor, note, purchase_id, at) "
                    + "VALUES (:sku, :type, :reason, :delta, :balance, :actor, :note, :purchaseId, :at)", rows);
        }
    }

    List<Movement> page(String sku, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stock_movement WHERE sku = :sku ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("sku", sku).param("limit", size).param("offset", (long) page * size)
                .query(MovementRepository::map).list();
    }

    long count(String sku) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE sku = :sku").param("sku", sku).query(Long.class).single();
    }

    private static Movement map(ResultSet rs, int n) throws SQLException {
        return new Movement(rs.getLong("id"), rs.getString("sku"), MovementType.valueOf(rs.getString("type")),
                rs.getString("reason"), rs.getLong("delta"), rs.getLong("balance_after"), rs.getString("actor"),
                rs.getString("note"), rs.getString("purchase_id"), Instant.ofEpochMilli(rs.getLong("at")));
    }
}

package org.stockroom.stock;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stockroom.support.Money;
import org.stockroom.support.StockroomProperties;

/**
 * The ledger table. Append-only: there is no update or delete here, or anywhere, and the database's
 * triggers refuse both (db/sqlite/V11, db/postgresql/V11).
 */
@Repository
class MovementRepository {

    private static final String COLUMNS =
            "id, sku, type, reason, delta, balance_after, actor, note, purchase_id, at, unit_cost";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final org.stockroom.support.BulkInsert bulk;

    private final RowMapper<Movement> mapper;

    MovementRepository(
            JdbcClient jdbc,
            JdbcTemplate batches,
            org.stockroom.support.BulkInsert bulk,
            StockroomProperties properties) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.bulk = bulk;
        int scale = properties.currencyScale();
        this.mapper = (rs, n) -> map(rs, scale);
    }

    /** Appends the movement of {@code change}; {@code delta} is what the change did (computed by the database for a count). */
    Movement append(StockChange change, long delta, long balanceAfter, String actor, long now) {
        long id = jdbc.sql(
                        "INSERT INTO stock_movement (sku, type, reason, delta, balance_after, actor, note, purchase_id, at, unit_cost) "
                                + "VALUES (:sku, :type, :reason, :delta, :balance, :actor, :note, :purchaseId, :at, :unitCost) RETURNING id")
                .param("sku", change.sku())
                .param("type", change.type().name())
                .param("reason", change.reason())
                .param("delta", delta)
                .param("balance", balanceAfter)
                .param("actor", actor)
                .param("note", change.note())
                .param("purchaseId", change.purchaseId())
                .param("at", now)
                .param("unitCost", Money.toColumnOrNull(change.unitCost()), Types.BIGINT)
                .query(Long.class)
                .single();
        return new Movement(
                id,
                change.sku(),
                change.type(),
                change.reason(),
                delta,
                balanceAfter,
                actor,
                change.note(),
                change.purchaseId(),
                Instant.ofEpochMilli(now),
                change.unitCost());
    }

    /**
     * Appends sales' ledger rows in one batched statement, in the order given (the order their
     * changes were made in).
     */
    void appendAll(List<Stock.LedgerRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batches.batchUpdate(
                "INSERT INTO stock_movement (sku, type, reason, delta, balance_after, actor, note, purchase_id, at, unit_cost) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
                rows.size(),
                (ps, row) -> {
                    StockChange change = row.change();
                    ps.setString(1, change.sku());
                    ps.setString(2, change.type().name());
                    ps.setString(3, change.reason());
                    ps.setLong(4, row.delta());
                    ps.setLong(5, row.balanceAfter());
                    ps.setString(6, row.actor());
                    ps.setString(7, change.note());
                    ps.setString(8, change.purchaseId());
                    ps.setLong(9, row.at());
                    ps.setObject(10, Money.toColumnOrNull(change.unitCost()), Types.BIGINT);
                });
    }

    /** Opening balances of new products, in batches: the balance after each is its delta. */
    void appendOpenings(List<StockChange> openings, String actor, long now) {
        bulk.append(
                "stock_movement",
                List.of("sku", "type", "reason", "delta", "balance_after", "actor", "note", "purchase_id", "at"),
                openings.stream()
                        .map(c -> new Object[] {
                            c.sku(),
                            c.type().name(),
                            c.reason(),
                            c.delta(),
                            c.delta(),
                            actor,
                            c.note(),
                            c.purchaseId(),
                            now
                        })
                        .toList());
    }

    /**
     * Newest first by id: a product's movements are appended while its row is locked, so their ids
     * follow the order in which they changed the stock, even across instances whose clocks differ.
     */
    List<Movement> page(String sku, MovementType type, Long from, Long to, int page, int size) {
        Filter filter = new Filter(sku, type, from, to);
        return jdbc.sql("SELECT " + COLUMNS + " FROM stock_movement" + filter.where()
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(filter.params())
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(mapper)
                .list();
    }

    long count(String sku, MovementType type, Long from, Long to) {
        Filter filter = new Filter(sku, type, from, to);
        return jdbc.sql("SELECT COUNT(*) FROM stock_movement" + filter.where())
                .params(filter.params())
                .query(Long.class)
                .single();
    }

    /** Every matching movement, oldest first, streamed from the database. */
    void forEach(Long from, Long to, String sku, Consumer<Movement> sink) {
        Filter filter = new Filter(sku, null, from, to);
        try (Stream<Movement> rows = jdbc
                .sql("SELECT " + COLUMNS + " FROM stock_movement" + filter.where() + " ORDER BY id")
                .params(filter.params())
                .query(mapper)
                .stream()) {
            rows.forEach(sink);
        }
    }

    private record Filter(String sku, MovementType type, Long from, Long to) {

        String where() {
            List<String> conditions = new ArrayList<>();
            if (sku != null) {
                conditions.add("sku = :sku");
            }
            if (type != null) {
                conditions.add("type = :type");
            }
            if (from != null) {
                conditions.add("at >= :from");
            }
            if (to != null) {
                conditions.add("at < :to");
            }
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            if (sku != null) {
                params.put("sku", sku);
            }
            if (type != null) {
                params.put("type", type.name());
            }
            if (from != null) {
                params.put("from", from);
            }
            if (to != null) {
                params.put("to", to);
            }
            return params;
        }
    }

    private static Movement map(ResultSet rs, int scale) throws SQLException {
        long unitCost = rs.getLong("unit_cost");
        BigDecimal cost = rs.wasNull() ? null : Money.fromColumn(unitCost, scale);
        return new Movement(
                rs.getLong("id"),
                rs.getString("sku"),
                MovementType.valueOf(rs.getString("type")),
                rs.getString("reason"),
                rs.getLong("delta"),
                rs.getLong("balance_after"),
                rs.getString("actor"),
                rs.getString("note"),
                rs.getString("purchase_id"),
                Instant.ofEpochMilli(rs.getLong("at")),
                cost);
    }
}

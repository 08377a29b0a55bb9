package org.stockroom.sales;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stockroom.support.Money;

@Repository
class PurchaseRepository {

    record Row(String id, String reference, long total, long createdAt) {}

    record LineRow(
            String purchaseId, String sku, String name, long quantity, long unitPrice, Long unitCost, long lineTotal) {}

    record StoredKey(String requestHash, String response) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    PurchaseRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A purchase to store: its row, who made it, its lines in their order. */
    record NewPurchase(Row row, String actor, List<LineRow> lines) {}

    /** An answer to keep under the idempotency key its purchase claimed. */
    record Answer(String key, String response) {}

    /**
     * Stores purchases and their lines: one batched statement for the purchases and one for all
     * their lines, not a round trip per purchase or per line.
     */
    void insert(List<NewPurchase> purchases) {
        if (purchases.isEmpty()) {
            return;
        }
        JdbcOperations batches = named.getJdbcOperations();
        batches.batchUpdate(
                "INSERT INTO purchase (id, reference, total, actor, created_at) VALUES (?, ?, ?, ?, ?)",
                purchases,
                purchases.size(),
                (ps, p) -> {
                    ps.setString(1, p.row().id());
                    ps.setString(2, p.row().reference());
                    ps.setLong(3, p.row().total());
                    ps.setString(4, p.actor());
                    ps.setLong(5, p.row().createdAt());
                });
        List<Object[]> lines = new ArrayList<>();
        for (NewPurchase p : purchases) {
            for (int i = 0; i < p.lines().size(); i++) {
                LineRow line = p.lines().get(i);
                lines.add(new Object[] {
                    p.row().id(),
                    i + 1,
                    line.sku(),
                    line.name(),
                    line.quantity(),
                    line.unitPrice(),
                    line.unitCost(),
                    line.lineTotal()
                });
            }
        }
        batches.batchUpdate(
                "INSERT INTO purchase_line (purchase_id, line_no, sku, name, quantity, unit_price, unit_cost, line_total) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                lines,
                new int[] {
                    Types.VARCHAR,
                    Types.INTEGER,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.BIGINT,
                    Types.BIGINT,
                    Types.BIGINT,
                    Types.BIGINT
                });
    }

    Optional<StoredKey> findKey(String key) {
        return jdbc.sql("SELECT request_hash, response FROM idempotency_key WHERE idem_key = :key")
                .param("key", key)
                .query((rs, n) -> new StoredKey(rs.getString("request_hash"), rs.getString("response")))
                .optional();
    }

    /**
     * Claims the key for a purchase about to be made; false when another request holds it. A
     * concurrent claim of the same key waits on the unique key until this transaction ends.
     */
    boolean claimKey(String key, String requestHash, String purchaseId, long now) {
        return jdbc.sql("INSERT INTO idempotency_key (idem_key, request_hash, purchase_id, response, created_at) "
                                + "VALUES (:key, :hash, :purchaseId, '', :now) ON CONFLICT (idem_key) DO NOTHING")
                        .param("key", key)
                        .param("hash", requestHash)
                        .param("purchaseId", purchaseId)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** Stores answers under keys claimed in the same transaction, in one batched statement. */
    void recordAnswers(List<Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        named.getJdbcOperations()
                .batchUpdate(
                        "UPDATE idempotency_key SET response = ? WHERE idem_key = ?",
                        answers,
                        answers.size(),
                        (ps, a) -> {
                            ps.setString(1, a.response());
                            ps.setString(2, a.key());
                        });
    }

    int deleteKeysBefore(long cutoff) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                .param("cutoff", cutoff)
                .update();
    }

    Optional<Row> find(String id) {
        return jdbc.sql("SELECT id, reference, total, created_at FROM purchase WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Row(
                        rs.getString("id"), rs.getString("reference"), rs.getLong("total"), rs.getLong("created_at")))
                .optional();
    }

    List<Row> page(Long fromMillis, Long toMillis, String sku, String reference, int limit, long offset) {
        return jdbc.sql("SELECT id, reference, total, created_at FROM purchase"
                        + where(fromMillis, toMillis, sku, reference)
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params(fromMillis, toMillis, sku, reference))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new Row(
                        rs.getString("id"), rs.getString("reference"), rs.getLong("total"), rs.getLong("created_at")))
                .list();
    }

    long count(Long fromMillis, Long toMillis, String sku, String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM purchase" + where(fromMillis, toMillis, sku, reference))
                .params(params(fromMillis, toMillis, sku, reference))
                .query(Long.class)
                .single();
    }

    private static String where(Long from, Long to, String sku, String reference) {
        List<String> conditions = new ArrayList<>();
        if (reference != null) {
            conditions.add("reference = :reference");
        }
        if (from != null) {
            conditions.add("created_at >= :from");
        }
        if (to != null) {
            conditions.add("created_at < :to");
        }
        if (sku != null) {
            conditions.add("id IN (SELECT purchase_id FROM purchase_line WHERE sku = :sku)");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Map<String, Object> params(Long from, Long to, String sku, String reference) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (reference != null) {
            params.put("reference", reference);
        }
        if (from != null) {
            params.put("from", from);
        }
        if (to != null) {
            params.put("to", to);
        }
        if (sku != null) {
            params.put("sku", sku);
        }
        return params;
    }

    Map<String, List<LineRow>> lines(List<String> purchaseIds) {
        Map<String, List<LineRow>> byPurchase = new LinkedHashMap<>();
        if (purchaseIds.isEmpty()) {
            return byPurchase;
        }
        jdbc.sql("SELECT purchase_id, sku, name, quantity, unit_price, unit_cost, line_total FROM purchase_line "
                        + "WHERE purchase_id IN (:ids) ORDER BY purchase_id, line_no")
                .param("ids", purchaseIds)
                .query((rs, n) -> {
                    long cost = rs.getLong("unit_cost");
                    return new LineRow(
                            rs.getString("purchase_id"),
                            rs.getString("sku"),
                            rs.getString("name"),
                            rs.getLong("quantity"),
                            rs.getLong("unit_price"),
                            rs.wasNull() ? null : cost,
                            rs.getLong("line_total"));
                })
                .list()
                .forEach(l -> byPurchase
                        .computeIfAbsent(l.purchaseId(), k -> new ArrayList<>())
                        .add(l));
        return byPurchase;
    }

    static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    static long money(java.math.BigDecimal amount) {
        return Money.toColumn(amount);
    }
}

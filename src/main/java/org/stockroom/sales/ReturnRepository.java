package org.stockroom.sales;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Returns of purchases, and the returned count on each purchase line. */
@Repository
class ReturnRepository {

    /** What the purchase line says about the units taken back: its name and prices at the time of sale. */
    record TakenBack(String name, long unitPrice, Long unitCost) {}

    record Row(String id, String purchaseId, String note, long total, long createdAt) {}

    record LineRow(String sku, String name, long quantity, long unitPrice, Long unitCost, long lineTotal) {}

    private final JdbcClient jdbc;

    ReturnRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts {@code quantity} more units of the purchase's line as returned, in one conditional
     * statement: empty, changing nothing, when that would exceed the units the line sold (or the
     * purchase has no such line). Two returns of the same line are serialized by the row's lock,
     * and the second sees what the first returned.
     */
    Optional<TakenBack> takeBack(String purchaseId, String sku, long quantity) {
        return jdbc.sql("UPDATE purchase_line SET returned_quantity = returned_quantity + :quantity "
                        + "WHERE purchase_id = :purchaseId AND sku = :sku AND returned_quantity + :quantity <= quantity "
                        + "RETURNING name, unit_price, unit_cost")
                .param("purchaseId", purchaseId)
                .param("sku", sku)
                .param("quantity", quantity)
                .query((rs, n) -> {
                    long cost = rs.getLong("unit_cost");
                    Long unitCost = rs.wasNull() ? null : cost;
                    return new TakenBack(rs.getString("name"), rs.getLong("unit_price"), unitCost);
                })
                .optional();
    }

    /**
     * Locks the purchase's line for the rest of the transaction without changing it, so a
     * backorder's cancellation takes the locks in the order a return does (line, then product).
     */
    boolean lockLine(String purchaseId, String sku) {
        return jdbc.sql("UPDATE purchase_line SET returned_quantity = returned_quantity "
                                + "WHERE purchase_id = :purchaseId AND sku = :sku")
                        .param("purchaseId", purchaseId)
                        .param("sku", sku)
                        .update()
                == 1;
    }

    /** Units of the line that may still come back; 0 when the purchase has no line for the SKU. */
    long returnable(String purchaseId, String sku) {
        return jdbc.sql(
                        "SELECT quantity - returned_quantity FROM purchase_line WHERE purchase_id = :purchaseId AND sku = :sku")
                .param("purchaseId", purchaseId)
                .param("sku", sku)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    void insert(Row row, String actor, List<LineRow> lines) {
        jdbc.sql("INSERT INTO purchase_return (id, purchase_id, note, total, actor, created_at) "
                        + "VALUES (:id, :purchaseId, :note, :total, :actor, :at)")
                .param("id", row.id())
                .param("purchaseId", row.purchaseId())
                .param("note", row.note())
                .param("total", row.total())
                .param("actor", actor)
                .param("at", row.createdAt())
                .update();
        for (LineRow line : lines) {
            jdbc.sql(
                            "INSERT INTO purchase_return_line (return_id, sku, name, quantity, unit_price, unit_cost, line_total) "
                                    + "VALUES (:returnId, :sku, :name, :quantity, :unitPrice, :unitCost, :lineTotal)")
                    .param("returnId", row.id())
                    .param("sku", line.sku())
                    .param("name", line.name())
                    .param("quantity", line.quantity())
                    .param("unitPrice", line.unitPrice())
                    .param("unitCost", line.unitCost())
                    .param("lineTotal", line.lineTotal())
                    .update();
        }
    }

    List<Row> ofPurchase(String purchaseId) {
        return jdbc.sql(
                        "SELECT id, purchase_id, note, total, created_at FROM purchase_return WHERE purchase_id = :purchaseId "
                                + "ORDER BY created_at, id")
                .param("purchaseId", purchaseId)
                .query((rs, n) -> new Row(
                        rs.getString("id"),
                        rs.getString("purchase_id"),
                        rs.getString("note"),
                        rs.getLong("total"),
                        rs.getLong("created_at")))
                .list();
    }

    Map<String, List<LineRow>> lines(List<String> returnIds) {
        Map<String, List<LineRow>> byReturn = new LinkedHashMap<>();
        if (returnIds.isEmpty()) {
            return byReturn;
        }
        jdbc.sql("SELECT return_id, sku, name, quantity, unit_price, unit_cost, line_total FROM purchase_return_line "
                        + "WHERE return_id IN (:ids) ORDER BY return_id, sku")
                .param("ids", returnIds)
                .query(rs -> {
                    long cost = rs.getLong("unit_cost");
                    Long unitCost = rs.wasNull() ? null : cost;
                    byReturn.computeIfAbsent(rs.getString("return_id"), k -> new ArrayList<>())
                            .add(new LineRow(
                                    rs.getString("sku"),
                                    rs.getString("name"),
                                    rs.getLong("quantity"),
                                    rs.getLong("unit_price"),
                                    unitCost,
                                    rs.getLong("line_total")));
                });
        return byReturn;
    }
}

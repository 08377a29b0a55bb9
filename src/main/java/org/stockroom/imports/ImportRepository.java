package org.stockroom.imports;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stockroom.support.BulkInsert;

@Repository
class ImportRepository {

    record StoredImport(String id, String report, long movementMark, long createdAt, Long undoneAt) {}

    record Effect(String sku, boolean created, String previous, long stockDelta) {}

    private final JdbcClient jdbc;
    private final BulkInsert bulk;

    ImportRepository(JdbcClient jdbc, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    long highestMovementId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM stock_movement")
                .query(Long.class)
                .single();
    }

    void insert(
            String id,
            ImportFormat format,
            String actor,
            String report,
            long movementMark,
            long now,
            List<Effect> effects) {
        jdbc.sql("INSERT INTO catalog_import (id, format, actor, report, movement_mark, created_at) "
                        + "VALUES (:id, :format, :actor, :report, :mark, :now)")
                .param("id", id)
                .param("format", format.name())
                .param("actor", actor)
                .param("report", report)
                .param("mark", movementMark)
                .param("now", now)
                .update();
        bulk.append(
                "catalog_import_effect",
                List.of("import_id", "sku", "created", "previous", "stock_delta"),
                effects.stream()
                        .map(e -> new Object[] {id, e.sku(), e.created(), e.previous(), e.stockDelta()})
                        .toList());
    }

    Optional<StoredImport> find(String id) {
        return jdbc.sql("SELECT id, report, movement_mark, created_at, undone_at FROM catalog_import WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    long undone = rs.getLong("undone_at");
                    Long undoneAt = rs.wasNull() ? null : undone;
                    return new StoredImport(
                            rs.getString("id"),
                            rs.getString("report"),
                            rs.getLong("movement_mark"),
                            rs.getLong("created_at"),
                            undoneAt);
                })
                .optional();
    }

    List<Effect> effects(String id) {
        return jdbc.sql(
                        "SELECT sku, created, previous, stock_delta FROM catalog_import_effect WHERE import_id = :id ORDER BY sku")
                .param("id", id)
                .query((rs, n) -> new Effect(
                        rs.getString("sku"),
                        rs.getBoolean("created"),
                        rs.getString("previous"),
                        rs.getLong("stock_delta")))
                .list();
    }

    /** SKUs of the import that a later movement or product change touched. */
    List<String> touchedSince(String id, long movementMark, long importedAt) {
        return jdbc.sql(
                        "SELECT e.sku FROM catalog_import_effect e JOIN product p ON p.sku = e.sku WHERE e.import_id = :id AND "
                                + "(p.updated_at > :at OR EXISTS (SELECT 1 FROM stock_movement m WHERE m.sku = e.sku AND m.id > :mark)) ORDER BY e.sku")
                .param("id", id)
                .param("mark", movementMark)
                .param("at", importedAt)
                .query(String.class)
                .list();
    }

    /** Marks the import undone; false when it already was, so two undos cannot both run. */
    boolean markUndone(String id, long now) {
        return jdbc.sql("UPDATE catalog_import SET undone_at = :now WHERE id = :id AND undone_at IS NULL")
                        .param("id", id)
                        .param("now", now)
                        .update()
                == 1;
    }
}

package org.stockroom.reservations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reservation tables. Every change of status is one conditional update from ACTIVE: of two
 * transactions racing to commit, release or expire a reservation, the database lets one match.
 */
@Repository
class ReservationRepository {

    record Row(
            String id,
            String reference,
            ReservationStatus status,
            long createdAt,
            long expiresAt,
            String purchaseId,
            String requestHash) {}

    private static final String COLUMNS = "id, reference, status, created_at, expires_at, purchase_id, request_hash";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    ReservationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /**
     * Inserts an active reservation; answers false, inserting nothing, when {@code key} is already
     * taken (the unique index decides between two requests racing with one key).
     */
    boolean insert(Row row, String key) {
        int inserted = jdbc.sql("INSERT INTO reservation (id, reference, status, created_at, expires_at, idem_key, "
                        + "request_hash) VALUES (:id, :reference, 'ACTIVE', :createdAt, :expiresAt, :key, :hash) "
                        + "ON CONFLICT DO NOTHING")
                .param("id", row.id())
                .param("reference", row.reference())
                .param("createdAt", row.createdAt())
                .param("expiresAt", row.expiresAt())
                .param("key", key)
                .param("hash", row.requestHash())
                .update();
        return inserted == 1;
    }

    void insertLines(String id, List<Reservation.Line> lines) {
        List<SqlParameterSource> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            rows.add(new MapSqlParameterSource()
                    .addValue("id", id)
                    .addValue("lineNo", i + 1)
                    .addValue("sku", lines.get(i).sku())
                    .addValue("quantity", lines.get(i).quantity()));
        }
        named.batchUpdate(
                "INSERT INTO reservation_line (reservation_id, line_no, sku, quantity) VALUES (:id, :lineNo, :sku, :quantity)",
                rows.toArray(SqlParameterSource[]::new));
    }

    Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservation WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    Optional<Row> findByKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservation WHERE idem_key = :key")
                .param("key", key)
                .query((rs, n) -> row(rs))
                .optional();
    }

    List<Row> list(ReservationStatus status, String sku, int limit) {
        List<String> where = new ArrayList<>();
        if (status != null) {
            where.add("status = :status");
        }
        if (sku != null) {
            // A hold of a bundle holds its components' units under the bundle's SKU: it holds this product too.
            where.add("id IN (SELECT reservation_id FROM reservation_line WHERE sku = :sku OR sku IN "
                    + "(SELECT bundle_sku FROM bundle_component WHERE component_sku = :sku))");
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservation"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("status", status == null ? null : status.name())
                .param("sku", sku)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    Map<String, List<Reservation.Line>> lines(Collection<String> ids) {
        Map<String, List<Reservation.Line>> byId = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        jdbc.sql("SELECT reservation_id, sku, quantity FROM reservation_line WHERE reservation_id IN (:ids) "
                        + "ORDER BY reservation_id, line_no")
                .param("ids", ids)
                .query(rs -> {
                    byId.computeIfAbsent(rs.getString("reservation_id"), k -> new ArrayList<>())
                            .add(new Reservation.Line(rs.getString("sku"), rs.getLong("quantity")));
                });
        return byId;
    }

    /** ACTIVE and not yet due becomes COMMITTED; false when it was not (another status, or due). */
    boolean markCommitted(String id, long now) {
        return jdbc.sql("UPDATE reservation SET status = 'COMMITTED', ended_at = :now "
                                + "WHERE id = :id AND status = 'ACTIVE' AND expires_at > :now")
                        .param("id", id)
                        .param("now", now)
                        .update()
                == 1;
    }

    void setPurchase(String id, String purchaseId) {
        jdbc.sql("UPDATE reservation SET purchase_id = :purchaseId WHERE id = :id")
                .param("id", id)
                .param("purchaseId", purchaseId)
                .update();
    }

    /** ACTIVE becomes RELEASED; false when it was not active. */
    boolean markReleased(String id, long now) {
        return jdbc.sql(
                                "UPDATE reservation SET status = 'RELEASED', ended_at = :now WHERE id = :id AND status = 'ACTIVE'")
                        .param("id", id)
                        .param("now", now)
                        .update()
                == 1;
    }

    /**
     * Expires up to {@code limit} active reservations due at {@code now}, oldest expiry first; the
     * ids it expired. The status is checked again by the update itself, so of several sweepers
     * (instances) only one expires each reservation.
     */
    List<String> expireDue(long now, int limit) {
        return jdbc.sql("UPDATE reservation SET status = 'EXPIRED', ended_at = :now WHERE status = 'ACTIVE' "
                        + "AND expires_at <= :now AND id IN (SELECT id FROM reservation WHERE status = 'ACTIVE' "
                        + "AND expires_at <= :now ORDER BY expires_at LIMIT :limit) RETURNING id")
                .param("now", now)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** Expires the active reservations due at {@code now} that hold any of {@code skus}; the ids it expired. */
    List<String> expireDueHolding(Collection<String> skus, long now) {
        return jdbc.sql("UPDATE reservation SET status = 'EXPIRED', ended_at = :now WHERE status = 'ACTIVE' "
                        + "AND expires_at <= :now AND id IN (SELECT reservation_id FROM reservation_line WHERE sku IN (:skus)) "
                        + "RETURNING id")
                .param("now", now)
                .param("skus", skus)
                .query(String.class)
                .list();
    }

    /** Units held by active reservations, per SKU: what product.reserved must equal (the self-check). */
    Map<String, Long> activeHoldsBySku() {
        Map<String, Long> held = new LinkedHashMap<>();
        jdbc.sql("SELECT l.sku, SUM(l.quantity) AS held FROM reservation r JOIN reservation_line l "
                        + "ON l.reservation_id = r.id WHERE r.status = 'ACTIVE' GROUP BY l.sku ORDER BY l.sku")
                .query(rs -> {
                    held.put(rs.getString("sku"), rs.getLong("held"));
                });
        return held;
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(
                rs.getString("id"),
                rs.getString("reference"),
                ReservationStatus.valueOf(rs.getString("status")),
                rs.getLong("created_at"),
                rs.getLong("expires_at"),
                rs.getString("purchase_id"),
                rs.getString("request_hash"));
    }
}

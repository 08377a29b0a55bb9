package org.stockroom.purchasing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stockroom.support.Money;
import org.stockroom.support.StockroomProperties;

/**
 * Purchase orders and their lines. Every change of status is one conditional update naming the
 * statuses it may leave, and a line's received count rises only while it stays within the ordered
 * quantity, so concurrent senders, cancellers and receivers cannot break an order's rules.
 */
@Repository
class PurchaseOrderRepository {

    private static final String OPEN = "('SENT', 'PARTIALLY_RECEIVED')";
    private static final String ORDER_COLUMNS = "o.id, o.number, o.status, o.reference, o.expected_on, o.actor, "
            + "o.created_at, o.updated_at, o.sent_at, o.emailed_to, o.emailed_at, o.email_error, "
            + "s.id AS s_id, s.name AS s_name, s.email AS s_email, s.phone AS s_phone, s.lead_time_days AS s_lead, "
            + "s.notes AS s_notes, s.archived AS s_archived, s.created_at AS s_created, s.updated_at AS s_updated";

    private final JdbcClient jdbc;
    private final int scale;

    PurchaseOrderRepository(JdbcClient jdbc, StockroomProperties properties) {
        this.jdbc = jdbc;
        this.scale = properties.currencyScale();
    }

    /**
     * The next order number, taken by one atomic upsert in the caller's transaction: the counter
     * row stays locked until that transaction ends, so numbers are handed out one at a time, and a
     * transaction that rolls back takes its increment with it (no gap).
     */
    long nextNumber() {
        return jdbc.sql("INSERT INTO purchase_order_counter (id, last_number) VALUES (1, 1) "
                        + "ON CONFLICT (id) DO UPDATE SET last_number = purchase_order_counter.last_number + 1 "
                        + "RETURNING last_number")
                .query(Long.class)
                .single();
    }

    void insert(
            String id, String number, long supplierId, String reference, LocalDate expectedOn, String actor, long now) {
        jdbc.sql(
                        "INSERT INTO purchase_order (id, number, supplier_id, status, reference, expected_on, actor, created_at, updated_at) "
                                + "VALUES (:id, :number, :supplier, 'DRAFT', :reference, :expected, :actor, :now, :now)")
                .param("id", id)
                .param("number", number)
                .param("supplier", supplierId)
                .param("reference", reference, Types.VARCHAR)
                .param("expected", expectedOn == null ? null : expectedOn.toString(), Types.VARCHAR)
                .param("actor", actor)
                .param("now", now)
                .update();
    }

    void insertLine(String orderId, String sku, long quantity, BigDecimal unitCost) {
        jdbc.sql("INSERT INTO purchase_order_line (order_id, sku, quantity, received, unit_cost) "
                        + "VALUES (:order, :sku, :quantity, 0, :cost)")
                .param("order", orderId)
                .param("sku", sku)
                .param("quantity", quantity)
                .param("cost", Money.toColumnOrNull(unitCost), Types.BIGINT)
                .update();
    }

    void deleteLines(String orderId) {
        jdbc.sql("DELETE FROM purchase_order_line WHERE order_id = :order")
                .param("order", orderId)
                .update();
    }

    /** Changes a draft's header; false when the order is no longer a draft (the caller's lock-holding check). */
    boolean updateDraft(String id, long supplierId, String reference, LocalDate expectedOn, long now) {
        return jdbc.sql(
                                "UPDATE purchase_order SET supplier_id = :supplier, reference = :reference, expected_on = :expected, "
                                        + "updated_at = :now WHERE id = :id AND status = 'DRAFT'")
                        .param("id", id)
                        .param("supplier", supplierId)
                        .param("reference", reference, Types.VARCHAR)
                        .param("expected", expectedOn == null ? null : expectedOn.toString(), Types.VARCHAR)
                        .param("now", now)
                        .update()
                == 1;
    }

    Optional<PurchaseOrder> find(String idOrNumber) {
        List<PurchaseOrder> found = orders(" WHERE o.id = :key OR o.number = :key", Map.of("key", idOrNumber));
        return found.stream().findFirst();
    }

    /** Orders, newest number first, of one status and supplier when given. */
    List<PurchaseOrder> list(PurchaseOrder.Status status, Long supplierId, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" AND o.status = :status");
            params.put("status", status.name());
        }
        if (supplierId != null) {
            where.append(" AND o.supplier_id = :supplier");
            params.put("supplier", supplierId);
        }
        where.append(" ORDER BY o.number DESC LIMIT ").append(limit);
        return orders(where.toString(), params);
    }

    /** Open orders expected on or before {@code day}, soonest first. */
    List<PurchaseOrder> openExpectedBy(LocalDate day) {
        return orders(
                " WHERE o.status IN " + OPEN + " AND o.expected_on IS NOT NULL AND o.expected_on <= :day "
                        + "ORDER BY o.expected_on, o.number",
                Map.of("day", day.toString()));
    }

    private List<PurchaseOrder> orders(String where, Map<String, ?> params) {
        List<PurchaseOrder> heads = jdbc.sql("SELECT " + ORDER_COLUMNS
                        + " FROM purchase_order o JOIN supplier s ON s.id = o.supplier_id" + where)
                .params(params)
                .query((rs, n) -> mapOrder(rs))
                .list();
        if (heads.isEmpty()) {
            return heads;
        }
        Map<String, List<PurchaseOrder.Line>> lines = new HashMap<>();
        jdbc.sql("SELECT l.order_id, l.sku, p.name, l.quantity, l.received, l.unit_cost FROM purchase_order_line l "
                        + "JOIN product p ON p.sku = l.sku WHERE l.order_id IN (:ids) ORDER BY l.order_id, l.sku")
                .param("ids", heads.stream().map(PurchaseOrder::id).toList())
                .query(rs -> {
                    long cost = rs.getLong("unit_cost");
                    BigDecimal unitCost = rs.wasNull() ? null : Money.fromColumn(cost, scale);
                    lines.computeIfAbsent(rs.getString("order_id"), k -> new ArrayList<>())
                            .add(new PurchaseOrder.Line(
                                    rs.getString("sku"),
                                    rs.getString("name"),
                                    rs.getLong("quantity"),
                                    rs.getLong("received"),
                                    unitCost));
                });
        List<PurchaseOrder> orders = new ArrayList<>(heads.size());
        for (PurchaseOrder o : heads) {
            orders.add(new PurchaseOrder(
                    o.id(),
                    o.number(),
                    o.supplier(),
                    o.status(),
                    o.reference(),
                    o.expectedOn(),
                    List.copyOf(lines.getOrDefault(o.id(), List.of())),
                    o.actor(),
                    o.createdAt(),
                    o.updatedAt(),
                    o.sentAt(),
                    o.emailedTo(),
                    o.emailedAt(),
                    o.emailError()));
        }
        return orders;
    }

    /** Moves the order from one of {@code from} to {@code to}; false when it was in none of them. */
    boolean transition(String id, List<PurchaseOrder.Status> from, PurchaseOrder.Status to, long now) {
        return jdbc.sql(
                                "UPDATE purchase_order SET status = :to, updated_at = :now WHERE id = :id AND status IN (:from)")
                        .param("id", id)
                        .param("to", to.name())
                        .param("now", now)
                        .param("from", from.stream().map(Enum::name).toList())
                        .update()
                == 1;
    }

    /** Marks a draft sent, giving it an expected date when it had none; false when it was no draft. */
    boolean markSent(String id, LocalDate expectedIfNone, long now) {
        return jdbc.sql("UPDATE purchase_order SET status = 'SENT', sent_at = :now, updated_at = :now, "
                                + "expected_on = COALESCE(expected_on, :expected) WHERE id = :id AND status = 'DRAFT'")
                        .param("id", id)
                        .param("now", now)
                        .param("expected", expectedIfNone == null ? null : expectedIfNone.toString(), Types.VARCHAR)
                        .update()
                == 1;
    }

    void recordEmail(String id, String to, Long emailedAt, String error) {
        jdbc.sql("UPDATE purchase_order SET emailed_to = :to, emailed_at = :at, email_error = :error WHERE id = :id")
                .param("id", id)
                .param("to", to, Types.VARCHAR)
                .param("at", emailedAt, Types.BIGINT)
                .param("error", error, Types.VARCHAR)
                .update();
    }

    /**
     * Takes the order's row lock for a receipt and answers its status, when it is one that may be
     * received against (a fully received order is let through so that its lines answer over-receipt).
     * Receivers of one order queue here, so each sees the lines as the one before left them.
     */
    Optional<PurchaseOrder.Status> lockForReceipt(String id, long now) {
        return jdbc.sql("UPDATE purchase_order SET updated_at = :now WHERE id = :id "
                        + "AND status IN ('SENT', 'PARTIALLY_RECEIVED', 'RECEIVED') RETURNING status")
                .param("id", id)
                .param("now", now)
                .query(String.class)
                .optional()
                .map(PurchaseOrder.Status::valueOf);
    }

    /** Adds {@code quantity} to the line's received units unless that would exceed what was ordered; the unit cost, or empty when refused. */
    Optional<Optional<BigDecimal>> receive(String id, String sku, long quantity) {
        return jdbc.sql("UPDATE purchase_order_line SET received = received + :q "
                        + "WHERE order_id = :id AND sku = :sku AND received + :q <= quantity RETURNING unit_cost")
                .param("id", id)
                .param("sku", sku)
                .param("q", quantity)
                .query((rs, n) -> {
                    long cost = rs.getLong("unit_cost");
                    return rs.wasNull()
                            ? Optional.<BigDecimal>empty()
                            : Optional.of(BigDecimal.valueOf(cost, Money.STORAGE_SCALE));
                })
                .optional();
    }

    /** RECEIVED when every line is, else PARTIALLY_RECEIVED. */
    PurchaseOrder.Status settleAfterReceipt(String id) {
        return PurchaseOrder.Status.valueOf(
                jdbc.sql("UPDATE purchase_order SET status = CASE WHEN EXISTS (SELECT 1 FROM purchase_order_line l "
                                + "WHERE l.order_id = :id AND l.received < l.quantity) THEN 'PARTIALLY_RECEIVED' ELSE 'RECEIVED' END "
                                + "WHERE id = :id RETURNING status")
                        .param("id", id)
                        .query(String.class)
                        .single());
    }

    /** Open units per SKU on sent, not fully received orders. */
    Map<String, Long> incoming(List<String> skus) {
        Map<String, Long> incoming = new LinkedHashMap<>();
        if (skus.isEmpty()) {
            return incoming;
        }
        jdbc.sql("SELECT l.sku, SUM(l.quantity - l.received) AS open FROM purchase_order_line l "
                        + "JOIN purchase_order o ON o.id = l.order_id WHERE o.status IN " + OPEN
                        + " AND l.sku IN (:skus) GROUP BY l.sku")
                .param("skus", skus)
                .query(rs -> {
                    incoming.put(rs.getString("sku"), rs.getLong("open"));
                });
        return incoming;
    }

    private static PurchaseOrder mapOrder(ResultSet rs) throws SQLException {
        int lead = rs.getInt("s_lead");
        Integer leadTime = rs.wasNull() ? null : lead;
        Supplier supplier = new Supplier(
                rs.getLong("s_id"),
                rs.getString("s_name"),
                rs.getString("s_email"),
                rs.getString("s_phone"),
                leadTime,
                rs.getString("s_notes"),
                rs.getBoolean("s_archived"),
                Instant.ofEpochMilli(rs.getLong("s_created")),
                Instant.ofEpochMilli(rs.getLong("s_updated")));
        String expected = rs.getString("expected_on");
        return new PurchaseOrder(
                rs.getString("id"),
                rs.getString("number"),
                supplier,
                PurchaseOrder.Status.valueOf(rs.getString("status")),
                rs.getString("reference"),
                expected == null ? null : LocalDate.parse(expected),
                List.of(),
                rs.getString("actor"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                instant(rs, "sent_at"),
                rs.getString("emailed_to"),
                instant(rs, "emailed_at"),
                rs.getString("email_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}

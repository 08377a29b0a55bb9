package org.stockroom.channels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stockroom.support.Database;

/** Every statement on the channels' tables. */
@Repository
class ChannelRepository {

    record Row(
            String id,
            ChannelType type,
            String name,
            String baseUrl,
            String locationId,
            String secrets,
            ChannelStatus status,
            String statusReason,
            long createdAt,
            Long syncRequestedAt,
            Long lastSyncAt,
            String lastSyncError) {}

    record Delivery(long id, String channelId, String topic, String body, int attempts, String claimToken) {}

    record Push(
            String channelId,
            String sku,
            String remoteId,
            String remoteParentId,
            long version,
            int attempts,
            String claimToken) {}

    record Listing(String sku, String remoteId, String remoteParentId, Long remoteQuantity) {}

    record SyncClaim(String channelId, long requestedAt) {}

    record OrderRow(
            String channelId,
            String orderId,
            String orderName,
            String purchaseId,
            String status,
            String detail,
            long createdAt,
            Long cancelledAt) {}

    record LineRow(int lineNo, String sku, String title, long quantity, boolean matched) {}

    private final JdbcClient jdbc;
    private final String skipLocked;

    ChannelRepository(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        // PostgreSQL instances skip rows another instance is claiming instead of queueing behind
        // them; SQLite has one writer at a time, so its claims never overlap.
        this.skipLocked = database == Database.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }

    // --- channels

    void insert(Row row) {
        jdbc.sql("INSERT INTO sales_channel (id, type, name, base_url, location_id, secrets, status, created_at, "
                        + "sync_requested_at) VALUES (:id, :type, :name, :baseUrl, :locationId, :secrets, 'CONNECTED', "
                        + ":createdAt, :createdAt)")
                .param("id", row.id())
                .param("type", row.type().name())
                .param("name", row.name())
                .param("baseUrl", row.baseUrl())
                .param("locationId", row.locationId())
                .param("secrets", row.secrets())
                .param("createdAt", row.createdAt())
                .update();
    }

    private static final String CHANNEL_COLUMNS = "id, type, name, base_url, location_id, secrets, status, "
            + "status_reason, created_at, sync_requested_at, last_sync_at, last_sync_error";

    Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + CHANNEL_COLUMNS + " FROM sales_channel WHERE id = :id")
                .param("id", id)
                .query(ChannelRepository::channel)
                .optional();
    }

    List<Row> list() {
        return jdbc.sql("SELECT " + CHANNEL_COLUMNS + " FROM sales_channel WHERE status <> 'DISCONNECTED' "
                        + "ORDER BY created_at, id")
                .query(ChannelRepository::channel)
                .list();
    }

    /** Moves a channel from one status to another; false when it was not in {@code from} (someone got there first). */
    boolean changeStatus(String id, ChannelStatus from, ChannelStatus to, String reason) {
        return jdbc.sql(
                                "UPDATE sales_channel SET status = :to, status_reason = :reason WHERE id = :id AND status = :from")
                        .param("to", to.name())
                        .param("reason", reason)
                        .param("id", id)
                        .param("from", from.name())
                        .update()
                == 1;
    }

    void requestSync(String id, long now) {
        jdbc.sql("UPDATE sales_channel SET sync_requested_at = :now WHERE id = :id")
                .param("now", now)
                .param("id", id)
                .update();
    }

    int requestSyncOfAll(long now) {
        return jdbc.sql("UPDATE sales_channel SET sync_requested_at = :now WHERE status = 'CONNECTED'")
                .param("now", now)
                .update();
    }

    /** Claims one connected channel whose sync is wanted and not being run by anyone whose lease still holds. */
    Optional<SyncClaim> claimSync(long now, long leaseUntil) {
        String due = "status = 'CONNECTED' AND sync_requested_at IS NOT NULL "
                + "AND (sync_lease_until IS NULL OR sync_lease_until <= :now)";
        return jdbc.sql("UPDATE sales_channel SET sync_lease_until = :leaseUntil WHERE id IN (SELECT id FROM "
                        + "sales_channel WHERE " + due + " ORDER BY sync_requested_at LIMIT 1" + skipLocked + ") AND "
                        + due + " RETURNING id, sync_requested_at")
                .param("now", now)
                .param("leaseUntil", leaseUntil)
                .query((rs, n) -> new SyncClaim(rs.getString("id"), rs.getLong("sync_requested_at")))
                .optional();
    }

    /** Records a finished sync; a request made while it ran stays, so it runs again. */
    void finishSync(String id, long requestedAt, long now, String error) {
        jdbc.sql("UPDATE sales_channel SET last_sync_at = :now, last_sync_error = :error, sync_lease_until = NULL, "
                        + "sync_requested_at = CASE WHEN sync_requested_at <= :requestedAt THEN NULL "
                        + "ELSE sync_requested_at END WHERE id = :id")
                .param("now", now)
                .param("error", error)
                .param("requestedAt", requestedAt)
                .param("id", id)
                .update();
    }

    long listedSkus(String channelId) {
        return jdbc.sql("SELECT COUNT(*) FROM channel_listing WHERE channel_id = :id")
                .param("id", channelId)
                .query(Long.class)
                .single();
    }

    long pendingPushes(String channelId) {
        return jdbc.sql("SELECT COUNT(*) FROM channel_listing WHERE channel_id = :id AND version > pushed_version")
                .param("id", channelId)
                .query(Long.class)
                .single();
    }

    // --- inbox

    long receive(String channelId, String topic, String body, long now) {
        return jdbc.sql("INSERT INTO channel_inbox (channel_id, topic, body, received_at, status, next_attempt_at) "
                        + "VALUES (:channelId, :topic, :body, :now, 'PENDING', :now) RETURNING id")
                .param("channelId", channelId)
                .param("topic", topic)
                .param("body", body)
                .param("now", now)
                .query(Long.class)
                .single();
    }

    List<Delivery> claimDeliveries(int limit, String token, long now, long leaseUntil) {
        String due = "status = 'PENDING' AND next_attempt_at <= :now";
        return jdbc.sql("UPDATE channel_inbox SET claim_token = :token, next_attempt_at = :leaseUntil "
                        + "WHERE id IN (SELECT id FROM channel_inbox WHERE " + due
                        + " ORDER BY next_attempt_at, id LIMIT :limit" + skipLocked + ") AND " + due
                        + " RETURNING id, channel_id, topic, body, attempts")
                .param("token", token)
                .param("now", now)
                .param("leaseUntil", leaseUntil)
                .param("limit", limit)
                .query((rs, n) -> new Delivery(
                        rs.getLong("id"),
                        rs.getString("channel_id"),
                        rs.getString("topic"),
                        rs.getString("body"),
                        rs.getInt("attempts"),
                        token))
                .list();
    }

    boolean finishDelivery(Delivery d, String status, String error, long next, Long processedAt) {
        return jdbc.sql("UPDATE channel_inbox SET status = :status, attempts = attempts + 1, last_error = :error, "
                                + "next_attempt_at = :next, processed_at = :processedAt, claim_token = NULL "
                                + "WHERE id = :id AND claim_token = :token AND status = 'PENDING'")
                        .param("status", status)
                        .param("error", error)
                        .param("next", next)
                        .param("processedAt", processedAt)
                        .param("id", d.id())
                        .param("token", d.claimToken())
                        .update()
                == 1;
    }

    long pendingDeliveries(String channelId) {
        return jdbc.sql("SELECT COUNT(*) FROM channel_inbox WHERE channel_id = :id AND status = 'PENDING'")
                .param("id", channelId)
                .query(Long.class)
                .single();
    }

    int forgetProcessedBefore(long before) {
        return jdbc.sql("DELETE FROM channel_inbox WHERE status <> 'PENDING' AND received_at < :before")
                .param("before", before)
                .update();
    }

    // --- orders

    /** Records the order; false when it was recorded before (by this delivery's twin, on any instance). */
    boolean insertOrder(String channelId, String orderId, String name, String status, String detail, long now) {
        return jdbc.sql("INSERT INTO channel_order (channel_id, order_id, order_name, status, detail, created_at"
                                + (status.equals("CANCELLED") ? ", cancelled_at" : "")
                                + ") VALUES (:channelId, :orderId, :name, :status, :detail, :now"
                                + (status.equals("CANCELLED") ? ", :now" : "")
                                + ") ON CONFLICT (channel_id, order_id) DO NOTHING")
                        .param("channelId", channelId)
                        .param("orderId", orderId)
                        .param("name", name)
                        .param("status", status)
                        .param("detail", detail)
                        .param("now", now)
                        .update()
                == 1;
    }

    void insertLines(String channelId, String orderId, List<LineRow> lines) {
        for (LineRow line : lines) {
            jdbc.sql("INSERT INTO channel_order_line (channel_id, order_id, line_no, sku, title, quantity, matched) "
                            + "VALUES (:channelId, :orderId, :lineNo, :sku, :title, :quantity, :matched)")
                    .param("channelId", channelId)
                    .param("orderId", orderId)
                    .param("lineNo", line.lineNo())
                    .param("sku", line.sku())
                    .param("title", line.title())
                    .param("quantity", line.quantity())
                    .param("matched", line.matched())
                    .update();
        }
    }

    void orderTaken(String channelId, String orderId, String purchaseId, String status, String detail) {
        jdbc.sql("UPDATE channel_order SET purchase_id = :purchaseId, status = :status, detail = :detail "
                        + "WHERE channel_id = :channelId AND order_id = :orderId")
                .param("purchaseId", purchaseId)
                .param("status", status)
                .param("detail", detail)
                .param("channelId", channelId)
                .param("orderId", orderId)
                .update();
    }

    /**
     * Marks the order cancelled; answers it as it was, or empty when it was already cancelled. The
     * conditional update decides between two deliveries of the same cancellation.
     */
    Optional<OrderRow> cancel(String channelId, String orderId, long now) {
        return jdbc.sql(
                        "UPDATE channel_order SET status = 'CANCELLED', cancelled_at = :now "
                                + "WHERE channel_id = :channelId AND order_id = :orderId AND status <> 'CANCELLED' "
                                + "RETURNING channel_id, order_id, order_name, purchase_id, status, detail, created_at, cancelled_at")
                .param("now", now)
                .param("channelId", channelId)
                .param("orderId", orderId)
                .query(ChannelRepository::order)
                .optional();
    }

    Optional<OrderRow> findOrder(String channelId, String orderId) {
        return jdbc.sql(
                        "SELECT channel_id, order_id, order_name, purchase_id, status, detail, created_at, cancelled_at "
                                + "FROM channel_order WHERE channel_id = :channelId AND order_id = :orderId")
                .param("channelId", channelId)
                .param("orderId", orderId)
                .query(ChannelRepository::order)
                .optional();
    }

    Optional<OrderRow> orderOfPurchase(String purchaseId) {
        return jdbc.sql(
                        "SELECT channel_id, order_id, order_name, purchase_id, status, detail, created_at, cancelled_at "
                                + "FROM channel_order WHERE purchase_id = :purchaseId")
                .param("purchaseId", purchaseId)
                .query(ChannelRepository::order)
                .optional();
    }

    List<OrderRow> orders(String channelId, int limit) {
        return jdbc.sql(
                        "SELECT channel_id, order_id, order_name, purchase_id, status, detail, created_at, cancelled_at "
                                + "FROM channel_order WHERE channel_id = :channelId ORDER BY created_at DESC, order_id LIMIT :limit")
                .param("channelId", channelId)
                .param("limit", limit)
                .query(ChannelRepository::order)
                .list();
    }

    Map<String, List<LineRow>> lines(String channelId, List<String> orderIds) {
        Map<String, List<LineRow>> byOrder = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return byOrder;
        }
        jdbc.sql("SELECT order_id, line_no, sku, title, quantity, matched FROM channel_order_line "
                        + "WHERE channel_id = :channelId AND order_id IN (:orderIds) ORDER BY order_id, line_no")
                .param("channelId", channelId)
                .param("orderIds", orderIds)
                .query(rs -> {
                    byOrder.computeIfAbsent(rs.getString("order_id"), k -> new ArrayList<>())
                            .add(new LineRow(
                                    rs.getInt("line_no"),
                                    rs.getString("sku"),
                                    rs.getString("title"),
                                    rs.getLong("quantity"),
                                    rs.getBoolean("matched")));
                });
        return byOrder;
    }

    /** Records a refund as handled; false when it was handled before. */
    boolean insertRefund(String channelId, String refundId, String orderId, long now) {
        return jdbc.sql(
                                "INSERT INTO channel_refund (channel_id, refund_id, order_id, created_at) VALUES "
                                        + "(:channelId, :refundId, :orderId, :now) ON CONFLICT (channel_id, refund_id) DO NOTHING")
                        .param("channelId", channelId)
                        .param("refundId", refundId)
                        .param("orderId", orderId)
                        .param("now", now)
                        .update()
                == 1;
    }

    // --- listings and pushes

    List<Listing> listings(String channelId) {
        return jdbc.sql("SELECT sku, remote_id, remote_parent_id, remote_quantity FROM channel_listing "
                        + "WHERE channel_id = :channelId ORDER BY sku")
                .param("channelId", channelId)
                .query((rs, n) -> {
                    long q = rs.getLong("remote_quantity");
                    return new Listing(
                            rs.getString("sku"),
                            rs.getString("remote_id"),
                            rs.getString("remote_parent_id"),
                            rs.wasNull() ? null : q);
                })
                .list();
    }

    /** Maps a SKU to the channel's item and asks for its available stock to be pushed. */
    void map(String channelId, Listing listing, long now) {
        jdbc.sql("INSERT INTO channel_listing (channel_id, sku, remote_id, remote_parent_id, remote_quantity, "
                        + "next_attempt_at) VALUES (:channelId, :sku, :remoteId, :parentId, :quantity, :now) "
                        + "ON CONFLICT (channel_id, sku) DO UPDATE SET remote_id = excluded.remote_id, "
                        + "remote_parent_id = excluded.remote_parent_id, remote_quantity = excluded.remote_quantity, "
                        + "version = channel_listing.version + 1")
                .param("channelId", channelId)
                .param("sku", listing.sku())
                .param("remoteId", listing.remoteId())
                .param("parentId", listing.remoteParentId())
                .param("quantity", listing.remoteQuantity())
                .param("now", now)
                .update();
    }

    void unmap(String channelId, String sku) {
        jdbc.sql("DELETE FROM channel_listing WHERE channel_id = :channelId AND sku = :sku")
                .param("channelId", channelId)
                .param("sku", sku)
                .update();
    }

    /**
     * These SKUs' available stock changed: every listing of them needs a push. Only the version moves: an
     * idle row's next_attempt_at is already past, so it is due at once; a row being sent keeps its
     * lease (its sender sees the newer version when it finishes); a row waiting out a backoff or a
     * platform's Retry-After keeps waiting. A bundle's available is computed from its components'
     * (catalog's recipe table, only read here), so the listings of every bundle the SKU goes into
     * move with it, in the same statement (a semi-join both engines answer from the SKU indexes;
     * an {@code OR} would make PostgreSQL scan every listing; the SKUs themselves come through the
     * product table so that one list serves both halves). Answers how many listings there are.
     */
    int changed(java.util.Collection<String> skus) {
        int listings = 0;
        List<String> all = List.copyOf(skus);
        // Chunks keep the statement's parameters well inside both engines' limits (an import moves thousands).
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            listings += jdbc.sql(
                            "UPDATE channel_listing SET version = version + 1 WHERE sku IN (SELECT sku FROM product "
                                    + "WHERE sku IN (:skus) UNION ALL SELECT bundle_sku FROM bundle_component "
                                    + "WHERE component_sku IN (:skus))")
                    .param("skus", chunk)
                    .update();
        }
        return listings;
    }

    List<Push> claimPushes(int limit, String token, long now, long leaseUntil) {
        String due = "version > pushed_version AND next_attempt_at <= :now";
        String pick = "SELECT l.channel_id, l.sku FROM channel_listing l JOIN sales_channel c ON c.id = l.channel_id "
                + "WHERE c.status = 'CONNECTED' AND l.version > l.pushed_version AND l.next_attempt_at <= :now "
                + "ORDER BY l.next_attempt_at LIMIT :limit"
                + (skipLocked.isEmpty() ? "" : " FOR UPDATE OF l SKIP LOCKED");
        return jdbc.sql("UPDATE channel_listing SET claim_token = :token, next_attempt_at = :leaseUntil "
                        + "WHERE (channel_id, sku) IN (" + pick + ") AND " + due
                        + " RETURNING channel_id, sku, remote_id, remote_parent_id, version, attempts")
                .param("token", token)
                .param("now", now)
                .param("leaseUntil", leaseUntil)
                .param("limit", limit)
                .query((rs, n) -> new Push(
                        rs.getString("channel_id"),
                        rs.getString("sku"),
                        rs.getString("remote_id"),
                        rs.getString("remote_parent_id"),
                        rs.getLong("version"),
                        rs.getInt("attempts"),
                        token))
                .list();
    }

    /**
     * Records what was sent as of the claimed version. If the SKU changed meanwhile, version is
     * above it and the row is due again at once, for the newer value.
     */
    boolean pushed(Push push, long quantity, long now) {
        return jdbc.sql("UPDATE channel_listing SET pushed_version = :version, pushed_quantity = :quantity, "
                                + "remote_quantity = :quantity, pushed_at = :now, attempts = 0, last_error = NULL, "
                                + "claim_token = NULL, next_attempt_at = :now "
                                + "WHERE channel_id = :channelId AND sku = :sku AND claim_token = :token")
                        .param("version", push.version())
                        .param("quantity", quantity)
                        .param("now", now)
                        .param("channelId", push.channelId())
                        .param("sku", push.sku())
                        .param("token", push.claimToken())
                        .update()
                == 1;
    }

    void pushFailed(Push push, String error, long next, boolean countAttempt) {
        jdbc.sql(
                        "UPDATE channel_listing SET attempts = attempts + :count, last_error = :error, claim_token = NULL, "
                                + "next_attempt_at = :next WHERE channel_id = :channelId AND sku = :sku AND claim_token = :token")
                .param("count", countAttempt ? 1 : 0)
                .param("error", error)
                .param("next", next)
                .param("channelId", push.channelId())
                .param("sku", push.sku())
                .param("token", push.claimToken())
                .update();
    }

    /** Holds every waiting push of a channel until {@code until}: a platform's rate limit is per shop, not per SKU. */
    void holdChannel(String channelId, long until) {
        jdbc.sql("UPDATE channel_listing SET next_attempt_at = :until WHERE channel_id = :channelId "
                        + "AND claim_token IS NULL AND next_attempt_at < :until")
                .param("until", until)
                .param("channelId", channelId)
                .update();
    }

    /** A sync that failed for a reason that may pass: it stays requested, and is tried again at {@code retryAt}. */
    void syncFailed(String id, long now, String error, long retryAt) {
        jdbc.sql("UPDATE sales_channel SET last_sync_error = :error, sync_lease_until = :retryAt WHERE id = :id")
                .param("error", error)
                .param("retryAt", retryAt)
                .param("id", id)
                .update();
    }

    // --- sync log

    void log(String channelId, String kind, String sku, Long channelQuantity, Long available, String detail, long now) {
        jdbc.sql("INSERT INTO channel_sync_log (channel_id, at, kind, sku, channel_quantity, available, detail) "
                        + "VALUES (:channelId, :now, :kind, :sku, :channelQuantity, :available, :detail)")
                .param("channelId", channelId)
                .param("now", now)
                .param("kind", kind)
                .param("sku", sku)
                .param("channelQuantity", channelQuantity)
                .param("available", available)
                .param("detail", detail)
                .update();
    }

    List<SyncLogEntry> syncLog(String channelId, int limit, long offset) {
        return jdbc.sql("SELECT id, at, kind, sku, channel_quantity, available, detail FROM channel_sync_log "
                        + "WHERE channel_id = :channelId ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("channelId", channelId)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new SyncLogEntry(
                        rs.getLong("id"),
                        java.time.Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("kind"),
                        rs.getString("sku"),
                        nullableLong(rs, "channel_quantity"),
                        nullableLong(rs, "available"),
                        rs.getString("detail")))
                .list();
    }

    long countSyncLog(String channelId) {
        return jdbc.sql("SELECT COUNT(*) FROM channel_sync_log WHERE channel_id = :channelId")
                .param("channelId", channelId)
                .query(Long.class)
                .single();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Row channel(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("id"),
                ChannelType.valueOf(rs.getString("type")),
                rs.getString("name"),
                rs.getString("base_url"),
                rs.getString("location_id"),
                rs.getString("secrets"),
                ChannelStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getLong("created_at"),
                nullableLong(rs, "sync_requested_at"),
                nullableLong(rs, "last_sync_at"),
                rs.getString("last_sync_error"));
    }

    private static OrderRow order(ResultSet rs, int n) throws SQLException {
        return new OrderRow(
                rs.getString("channel_id"),
                rs.getString("order_id"),
                rs.getString("order_name"),
                rs.getString("purchase_id"),
                rs.getString("status"),
                rs.getString("detail"),
                rs.getLong("created_at"),
                nullableLong(rs, "cancelled_at"));
    }
}

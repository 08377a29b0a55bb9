package org.stockroom.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stockroom.support.Database;

/** The outbox table: notifications waiting to be delivered, and the record of those that were. */
@Repository
class Outbox {

    enum Channel {
        WEBHOOK,
        EMAIL
    }

    enum Status {
        PENDING,
        DELIVERED,
        FAILED,
        CANCELLED
    }

    /** A notification a dispatcher has claimed; {@code claimToken} proves the claim when the result is recorded. */
    record Claimed(
            long id,
            String messageId,
            Channel channel,
            String endpointId,
            String eventType,
            String payload,
            int attempts,
            String claimToken) {}

    /** One row as the delivery log shows it. */
    record Row(
            long id,
            String messageId,
            String endpointId,
            String eventType,
            Status status,
            int attempts,
            long nextAttemptAt,
            Integer lastStatus,
            String lastError,
            long createdAt,
            Long deliveredAt) {}

    private final JdbcClient jdbc;
    private final String skipLocked;

    Outbox(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        // PostgreSQL instances skip rows another instance is claiming instead of queueing behind it.
        // SQLite has one writer at a time, so its claims never overlap.
        this.skipLocked = database == Database.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /** Queues {@code payload} for every enabled endpoint subscribed to {@code eventType}; answers how many. */
    int queueForSubscribers(String messageId, String eventType, String payload, long now) {
        return jdbc.sql(
                        "INSERT INTO notification_outbox (message_id, channel, endpoint_id, event_type, payload, status, "
                                + "next_attempt_at, created_at) "
                                + "SELECT :messageId, 'WEBHOOK', id, :eventType, :payload, 'PENDING', :now, :now FROM webhook_endpoint "
                                + "WHERE disabled_at IS NULL AND events LIKE :pattern")
                .param("messageId", messageId)
                .param("eventType", eventType)
                .param("payload", payload)
                .param("now", now)
                .param("pattern", "%," + eventType + ",%")
                .update();
    }

    long queueWebhook(String messageId, String endpointId, String eventType, String payload, long now) {
        return queue(messageId, Channel.WEBHOOK, endpointId, eventType, payload, now);
    }

    void queueEmail(String messageId, String eventType, String payload, long now) {
        queue(messageId, Channel.EMAIL, null, eventType, payload, now);
    }

    private long queue(
            String messageId, Channel channel, String endpointId, String eventType, String payload, long now) {
        return jdbc.sql(
                        "INSERT INTO notification_outbox (message_id, channel, endpoint_id, event_type, payload, status, "
                                + "next_attempt_at, created_at) "
                                + "VALUES (:messageId, :channel, :endpointId, :eventType, :payload, 'PENDING', :now, :now) RETURNING id")
                .param("messageId", messageId)
                .param("channel", channel.name())
                .param("endpointId", endpointId)
                .param("eventType", eventType)
                .param("payload", payload)
                .param("now", now)
                .query(Long.class)
                .single();
    }

    /**
     * Claims up to {@code limit} due notifications for {@code leaseUntil}. One conditional update
     * decides: a row another dispatcher claimed first no longer matches, so no row is ever sent
     * by two dispatchers under the same lease.
     */
    List<Claimed> claim(int limit, String token, long now, long leaseUntil) {
        String due = "status = 'PENDING' AND next_attempt_at <= :now";
        return jdbc.sql("UPDATE notification_outbox SET claim_token = :token, next_attempt_at = :leaseUntil "
                        + "WHERE id IN (SELECT id FROM notification_outbox WHERE " + due
                        + " ORDER BY next_attempt_at, id LIMIT :limit" + skipLocked + ") AND " + due
                        + " RETURNING id, message_id, channel, endpoint_id, event_type, payload, attempts")
                .param("token", token)
                .param("now", now)
                .param("leaseUntil", leaseUntil)
                .param("limit", limit)
                .query((rs, n) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("message_id"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("endpoint_id"),
                        rs.getString("event_type"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        token))
                .list();
    }

    boolean delivered(Claimed row, Integer statusCode, long now) {
        return finish(row, Status.DELIVERED, statusCode, null, now, now);
    }

    boolean retryAt(Claimed row, Integer statusCode, String error, long next) {
        return finish(row, Status.PENDING, statusCode, error, next, null);
    }

    boolean failed(Claimed row, Integer statusCode, String error, long now) {
        return finish(row, Status.FAILED, statusCode, error, now, null);
    }

    private boolean finish(Claimed row, Status status, Integer statusCode, String error, long next, Long deliveredAt) {
        return jdbc.sql(
                                "UPDATE notification_outbox SET status = :status, attempts = attempts + 1, next_attempt_at = :next, "
                                        + "claim_token = NULL, last_status = :code, last_error = :error, delivered_at = :deliveredAt "
                                        + "WHERE id = :id AND claim_token = :token AND status = 'PENDING'")
                        .param("status", status.name())
                        .param("next", next)
                        .param("code", statusCode)
                        .param("error", error)
                        .param("deliveredAt", deliveredAt)
                        .param("id", row.id())
                        .param("token", row.claimToken())
                        .update()
                == 1;
    }

    /** Stops every pending delivery to an endpoint that was disabled. */
    void cancelPending(String endpointId, String reason, long now) {
        jdbc.sql("UPDATE notification_outbox SET status = 'CANCELLED', last_error = :reason, next_attempt_at = :now "
                        + "WHERE endpoint_id = :endpointId AND status = 'PENDING'")
                .param("reason", reason)
                .param("now", now)
                .param("endpointId", endpointId)
                .update();
    }

    List<Row> forEndpoint(String endpointId, int limit, long offset) {
        return jdbc.sql(
                        "SELECT id, message_id, endpoint_id, event_type, status, attempts, next_attempt_at, last_status, "
                                + "last_error, created_at, delivered_at FROM notification_outbox WHERE endpoint_id = :endpointId "
                                + "ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("endpointId", endpointId)
                .param("limit", limit)
                .param("offset", offset)
                .query(Outbox::row)
                .list();
    }

    /** Notifications not yet delivered nor given up, and when the oldest of them was queued (null: none). */
    record Backlog(long pending, Long oldestCreatedAt) {}

    Backlog backlog() {
        return jdbc.sql("SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM notification_outbox"
                        + " WHERE status = 'PENDING'")
                .query((rs, n) -> {
                    long oldest = rs.getLong("oldest");
                    return new Backlog(rs.getLong("pending"), rs.wasNull() ? null : oldest);
                })
                .single();
    }

    long countForEndpoint(String endpointId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE endpoint_id = :endpointId")
                .param("endpointId", endpointId)
                .query(Long.class)
                .single();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(
                        "SELECT id, message_id, endpoint_id, event_type, status, attempts, next_attempt_at, last_status, "
                                + "last_error, created_at, delivered_at FROM notification_outbox WHERE id = :id")
                .param("id", id)
                .query(Outbox::row)
                .optional();
    }

    /** Forgets finished notifications (and digest days) older than {@code before}. */
    int forgetFinishedBefore(long before) {
        jdbc.sql("DELETE FROM notification_digest WHERE sent_at < :before")
                .param("before", before)
                .update();
        return jdbc.sql("DELETE FROM notification_outbox WHERE status <> 'PENDING' AND created_at < :before")
                .param("before", before)
                .update();
    }

    /** Marks the store day's digest as sent; false when another instance already sent it. */
    boolean claimDigest(String day, long now) {
        return jdbc.sql(
                                "INSERT INTO notification_digest (day, sent_at) VALUES (:day, :now) ON CONFLICT (day) DO NOTHING")
                        .param("day", day)
                        .param("now", now)
                        .update()
                == 1;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        int lastStatus = rs.getInt("last_status");
        Integer code = rs.wasNull() ? null : lastStatus;
        long deliveredAt = rs.getLong("delivered_at");
        Long delivered = rs.wasNull() ? null : deliveredAt;
        return new Row(
                rs.getLong("id"),
                rs.getString("message_id"),
                rs.getString("endpoint_id"),
                rs.getString("event_type"),
                Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getLong("next_attempt_at"),
                code,
                rs.getString("last_error"),
                rs.getLong("created_at"),
                delivered);
    }
}

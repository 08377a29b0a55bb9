package org.stockroom.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook_endpoint table. */
@Repository
class WebhookEndpoints {

    /** An endpoint with its secret, as the dispatcher needs it. */
    record Endpoint(
            String id,
            String url,
            List<String> events,
            String description,
            String secret,
            Instant createdAt,
            Instant disabledAt,
            String disabledReason) {

        Webhook view() {
            return new Webhook(id, url, events, description, createdAt, disabledAt != null, disabledAt, disabledReason);
        }
    }

    private static final String COLUMNS =
            "id, url, events, description, secret, created_at, disabled_at, disabled_reason";

    private final JdbcClient jdbc;

    WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String url, List<String> events, String description, String secret, long now) {
        jdbc.sql("INSERT INTO webhook_endpoint (id, url, events, description, secret, created_at) "
                        + "VALUES (:id, :url, :events, :description, :secret, :now)")
                .param("id", id)
                .param("url", url)
                .param("events", "," + String.join(",", events) + ",")
                .param("description", description)
                .param("secret", secret)
                .param("now", now)
                .update();
    }

    Optional<Endpoint> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = :id")
                .param("id", id)
                .query(WebhookEndpoints::map)
                .optional();
    }

    List<Endpoint> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint ORDER BY created_at, id")
                .query(WebhookEndpoints::map)
                .list();
    }

    boolean delete(String id) {
        return jdbc.sql("DELETE FROM webhook_endpoint WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Disables the endpoint; false when it already was, so only one caller acts on the disabling. */
    boolean disable(String id, String reason, long now) {
        return jdbc.sql("UPDATE webhook_endpoint SET disabled_at = :now, disabled_reason = :reason "
                                + "WHERE id = :id AND disabled_at IS NULL")
                        .param("now", now)
                        .param("reason", reason)
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean enable(String id) {
        return jdbc.sql("UPDATE webhook_endpoint SET disabled_at = NULL, disabled_reason = NULL WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    private static Endpoint map(ResultSet rs, int n) throws SQLException {
        List<String> events = Arrays.stream(rs.getString("events").split(","))
                .filter(s -> !s.isEmpty())
                .toList();
        long disabled = rs.getLong("disabled_at");
        Instant disabledAt = rs.wasNull() ? null : Instant.ofEpochMilli(disabled);
        return new Endpoint(
                rs.getString("id"),
                rs.getString("url"),
                events,
                rs.getString("description"),
                rs.getString("secret"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                disabledAt,
                rs.getString("disabled_reason"));
    }
}

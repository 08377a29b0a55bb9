package org.stockroom.notifications;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.stockroom.alerts.AlertChange;
import org.stockroom.support.Database;
import tools.jackson.databind.json.JsonMapper;

/**
 * On PostgreSQL, announces each alert change to the other instances with {@code pg_notify} in the
 * changing transaction: PostgreSQL delivers it at commit and drops it on rollback, so no instance
 * hears of a change that did not happen. Command-line runs announce too, so servers show them.
 */
@Component
class AlertFeedNotifier {

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final InstanceId instance;
    private final JsonMapper json;

    AlertFeedNotifier(JdbcClient jdbc, Database database, InstanceId instance, JsonMapper json) {
        this.jdbc = jdbc;
        this.postgres = database == Database.POSTGRESQL;
        this.instance = instance;
        this.json = json;
    }

    @EventListener
    void on(AlertChange change) {
        if (postgres) {
            jdbc.sql("SELECT pg_notify(:channel, :payload)")
                    .param("channel", AlertFeed.CHANNEL)
                    .param("payload", json.writeValueAsString(new AlertFeed.Note(instance.value(), change)))
                    .query((rs, n) -> 1)
                    .list();
        }
    }
}

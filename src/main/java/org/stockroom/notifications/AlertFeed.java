package org.stockroom.notifications;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.stockroom.alerts.AlertChange;
import org.stockroom.alerts.RemoteAlertChange;
import org.stockroom.support.Database;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells every server sharing a PostgreSQL database about alert changes made by the others:
 * {@link AlertFeedNotifier} sends a {@code NOTIFY} in the changing transaction (PostgreSQL delivers
 * it only on commit), and this listener, on its own connection, republishes each change from
 * another instance as a {@link RemoteAlertChange}. On SQLite there is only one server, so nothing
 * runs. A notification missed while the connection is down is not replayed: the feed is for live
 * views, and the alert list stays the truth.
 */
@Component
@ConditionalOnWebApplication
class AlertFeed implements SmartLifecycle {

    static final String CHANNEL = "stockroom_alerts";
    private static final Logger log = LoggerFactory.getLogger(AlertFeed.class);
    private static final Duration RECONNECT = Duration.ofSeconds(5);

    /** What travels in a notification; {@code origin} tells an instance its own changes from the others'. */
    record Note(String origin, AlertChange change) {}

    private final DataSource dataSource;
    private final boolean postgres;
    private final InstanceId instance;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private volatile boolean running;
    private volatile Connection connection;
    private volatile boolean listening;
    private Thread thread;

    AlertFeed(
            DataSource dataSource,
            Database database,
            InstanceId instance,
            JsonMapper json,
            ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.postgres = database == Database.POSTGRESQL;
        this.instance = instance;
        this.json = json;
        this.events = events;
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!postgres) {
            return;
        }
        thread = new Thread(this::listen, "alert-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            closeQuietly();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether changes of other instances are being heard right now. */
    boolean listening() {
        return listening;
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                connection = c;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes =
                            pg.getNotifications((int) Duration.ofSeconds(10).toMillis());
                    if (notes != null) {
                        for (PGNotification note : notes) {
                            receive(note.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Alert feed from other instances interrupted, reconnecting: {}", e.toString());
                    pause();
                }
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    private void receive(String payload) {
        Note note = json.readValue(payload, Note.class);
        if (!note.origin().equals(instance.value())) {
            events.publishEvent(new RemoteAlertChange(note.change()));
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("Closing the alert feed connection: {}", e.toString());
            }
        }
    }
}

package org.stockroom.notifications;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.stockroom.alerts.AlertChange;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.Product;
import org.stockroom.stock.BackorderCreated;
import org.stockroom.stock.StockReceived;

/**
 * Queues notifications in the transaction that changed stock: one outbox row per subscribed
 * webhook endpoint, and one email when alert mail is on. It runs only when an alert changes or
 * a receipt is booked, so a purchase that changes no alert costs nothing here.
 */
@Component
class NotificationQueue {

    private final Outbox outbox;
    private final Messages messages;
    private final Catalog catalog;
    private final AlertEmailSettings emailSettings;
    private final Wakeup wakeup;
    private final Clock clock;

    NotificationQueue(
            Outbox outbox,
            Messages messages,
            Catalog catalog,
            AlertEmailSettings emailSettings,
            Wakeup wakeup,
            Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.catalog = catalog;
        this.emailSettings = emailSettings;
        this.wakeup = wakeup;
        this.clock = clock;
    }

    @EventListener
    void on(AlertChange change) {
        long now = clock.millis();
        String id = messages.newId();
        Product product = catalog.get(change.sku());
        Messages.Message message = messages.alert(id, change, product);
        int queued = outbox.queueForSubscribers(id, message.type(), message.body(), now);
        AlertEmailProperties email = emailSettings.current();
        if (email.immediate() && change.notifiesPeople()) {
            outbox.queueEmail(id, message.type(), messages.alertEmail(change, product, email), now);
            queued++;
        }
        if (queued > 0) {
            wakeup.afterCommit();
        }
    }

    @EventListener
    void on(StockReceived received) {
        String id = messages.newId();
        Messages.Message message = messages.received(id, received.product(), received.movement());
        if (outbox.queueForSubscribers(id, message.type(), message.body(), clock.millis()) > 0) {
            wakeup.afterCommit();
        }
    }

    /** Units owed to an order the stock could not cover: the owner hears of it through webhooks. */
    @EventListener
    void on(BackorderCreated created) {
        String id = messages.newId();
        Messages.Message message = messages.backorder(id, created.backorder(), created.product());
        if (outbox.queueForSubscribers(id, message.type(), message.body(), clock.millis()) > 0) {
            wakeup.afterCommit();
        }
    }
}

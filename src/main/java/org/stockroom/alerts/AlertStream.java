package org.stockroom.alerts;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Committed restock alert changes, for whoever follows them live (the faces turn them into
 * server-sent events). A change is queued after its transaction commits, so a rolled-back purchase
 * is never announced, and handed to subscribers by one thread of its own, so a slow subscriber
 * never slows a purchase down. The queue is bounded; when it is full the oldest news is dropped,
 * and every event carries the current number of open alerts so a follower that missed one is
 * right again at the next.
 */
@Component
public class AlertStream implements SmartLifecycle {

    /** One committed change, with the number of alerts open after it. */
    public record Event(
            String type,
            long alertId,
            String sku,
            String name,
            AlertLevel level,
            long stock,
            long reorderThreshold,
            long openAlerts,

            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Long quantity) {

        /** An alert's transition: no quantity. */
        public Event(
                String type,
                long alertId,
                String sku,
                String name,
                AlertLevel level,
                long stock,
                long reorderThreshold,
                long openAlerts) {
            this(type, alertId, sku, name, level, stock, reorderThreshold, openAlerts, null);
        }
    }

    /** Ends a subscription. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private static final int QUEUE_CAPACITY = 1000;
    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

    private final Alerts alerts;
    private final Set<Consumer<Event>> subscribers = ConcurrentHashMap.newKeySet();
    /** Committed alert changes ({@link AlertChange}) and other notices for the owner ({@link Notice}). */
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);

    /**
     * A committed event that is not an alert's transition but that the owner follows in the same
     * feed: {@code type} names it (e.g. {@code backorder.created}), {@code id} is its subject's id,
     * {@code quantity} what it is about (units owed) and {@code stock} the product's available units.
     */
    public record Notice(
            String type, long id, String sku, String name, long quantity, long stock, long reorderThreshold) {}

    private volatile Thread sender;

    AlertStream(Alerts alerts) {
        this.alerts = alerts;
    }

    /**
     * Calls {@code subscriber} with every change committed from now on, on the stream's own
     * thread; it must not block for long, since the next subscriber waits.
     */
    public Subscription subscribe(Consumer<Event> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** How many alerts are open now: what a new follower starts from. */
    public long openAlerts() {
        return alerts.countOpen();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AlertChange change) {
        publish(change);
    }

    /** Changes committed by another instance sharing the database; they arrive outside any transaction. */
    @EventListener
    void on(RemoteAlertChange remote) {
        publish(remote.change());
    }

    /** Queues a committed change for every subscriber. */
    public void publish(AlertChange change) {
        offer(change);
    }

    /** Queues a committed notice (such as a backorder) for every subscriber. */
    public void publish(Notice notice) {
        offer(notice);
    }

    private void offer(Object item) {
        while (!queue.offer(item)) {
            queue.poll();
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            Object item;
            try {
                item = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (item == null || subscribers.isEmpty()) {
                continue;
            }
            Event event;
            try {
                event = item instanceof AlertChange change
                        ? new Event(
                                change.type().event(),
                                change.alertId(),
                                change.sku(),
                                change.name(),
                                change.level(),
                                change.stock(),
                                change.reorderThreshold(),
                                alerts.countOpen())
                        : notice((Notice) item);
            } catch (RuntimeException e) {
                log.warn("Could not describe {} for its followers", item, e);
                continue;
            }
            for (Consumer<Event> subscriber : List.copyOf(subscribers)) {
                try {
                    subscriber.accept(event);
                } catch (RuntimeException e) {
                    log.warn("A follower of alerts failed on {} {}", event.type(), event.alertId(), e);
                }
            }
        }
    }

    private Event notice(Notice n) {
        return new Event(
                n.type(),
                n.id(),
                n.sku(),
                n.name(),
                null,
                n.stock(),
                n.reorderThreshold(),
                alerts.countOpen(),
                n.quantity());
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "alert-stream");
        thread.setDaemon(true);
        sender = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = sender;
        sender = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }
}

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
            long openAlerts) {}

    /** Ends a subscription. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private static final int QUEUE_CAPACITY = 1000;
    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

    private final Alerts alerts;
    private final Set<Consumer<Event>> subscribers = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<AlertChange> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
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
        while (!queue.offer(change)) {
            queue.poll();
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            AlertChange change;
            try {
                change = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (change == null || subscribers.isEmpty()) {
                continue;
            }
            Event event;
            try {
                event = new Event(
                        change.type().event(),
                        change.alertId(),
                        change.sku(),
                        change.name(),
                        change.level(),
                        change.stock(),
                        change.reorderThreshold(),
                        alerts.countOpen());
            } catch (RuntimeException e) {
                log.warn("Could not describe alert {} for its followers", change.alertId(), e);
                continue;
            }
            for (Consumer<Event> subscriber : List.copyOf(subscribers)) {
                try {
                    subscriber.accept(event);
                } catch (RuntimeException e) {
                    log.warn("A follower of alerts failed on alert {}", change.alertId(), e);
                }
            }
        }
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

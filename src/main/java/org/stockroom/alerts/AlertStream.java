package org.stockroom.alerts;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes restock alert changes to connected browsers as server-sent events. A change is queued
 * after its transaction commits, so a rolled-back purchase is never announced, and sent by one
 * thread of its own, so a slow browser never slows a purchase down. Both the queue and the number
 * of connections are bounded; when the queue is full the oldest news is dropped, and every event
 * carries the current number of open alerts so a browser that missed one is right again at the next.
 */
@Component
public class AlertStream implements SmartLifecycle {

    /** One event as browsers receive it ({@code event: alert}, JSON data). */
    public record Event(
            String type,
            long alertId,
            String sku,
            String name,
            AlertLevel level,
            long stock,
            long reorderThreshold,
            long openAlerts) {}

    static final int MAX_CONNECTIONS = 1000;
    static final Duration CONNECTION_LIFETIME = Duration.ofMinutes(30);
    private static final int QUEUE_CAPACITY = 1000;
    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

    private final Alerts alerts;
    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<AlertChange> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile Thread sender;

    AlertStream(Alerts alerts) {
        this.alerts = alerts;
    }

    /**
     * A new connection, or empty when too many are open already. The first event, {@code hello},
     * tells the browser how many alerts are open now.
     */
    public java.util.Optional<SseEmitter> connect() {
        if (emitters.size() >= MAX_CONNECTIONS) {
            return java.util.Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(CONNECTION_LIFETIME.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        emitters.add(emitter);
        send(
                emitter,
                SseEmitter.event()
                        .name("hello")
                        .data(Map.of("openAlerts", alerts.countOpen()), MediaType.APPLICATION_JSON));
        return java.util.Optional.of(emitter);
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

    /** Queues a committed change for every connected browser. */
    public void publish(AlertChange change) {
        while (!queue.offer(change)) {
            queue.poll();
        }
    }

    int connections() {
        return emitters.size();
    }

    /** Comments keep idle connections open through proxies and reveal browsers that have gone. */
    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
    void heartbeat() {
        for (SseEmitter emitter : List.copyOf(emitters)) {
            send(emitter, SseEmitter.event().comment("keep-alive"));
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
            if (change == null || emitters.isEmpty()) {
                continue;
            }
            try {
                Event event = new Event(
                        change.type().event(),
                        change.alertId(),
                        change.sku(),
                        change.name(),
                        change.level(),
                        change.stock(),
                        change.reorderThreshold(),
                        alerts.countOpen());
                for (SseEmitter emitter : List.copyOf(emitters)) {
                    send(
                            emitter,
                            SseEmitter.event()
                                    .name("alert")
                                    .id(String.valueOf(change.alertId()))
                                    .data(event, MediaType.APPLICATION_JSON));
                }
            } catch (RuntimeException e) {
                log.warn("Could not push alert {} to browsers", change.alertId(), e);
            }
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter);
            emitter.completeWithError(e);
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "alert-stream");
        thread.setDaemon(true);
        sender = thread;
        thread.start();
    }

    /** Ends every connection so that shutting down does not wait for browsers. */
    @Override
    public void stop() {
        Thread thread = sender;
        sender = null;
        if (thread != null) {
            thread.interrupt();
        }
        for (SseEmitter emitter : List.copyOf(emitters)) {
            emitters.remove(emitter);
            emitter.complete();
        }
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }
}

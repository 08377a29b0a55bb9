package org.stockroom.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.stockroom.Store;
import org.stockroom.alerts.AlertStream;

/**
 * The browsers following alerts as server-sent events. The core's {@link AlertStream} hands over
 * each committed change once; this sends it to every open connection. The number of connections
 * is bounded, and each lives at most {@link #CONNECTION_LIFETIME} (browsers reconnect by themselves).
 */
@Component
class AlertStreamConnections implements SmartLifecycle {

    static final int MAX_CONNECTIONS = 1000;
    static final Duration CONNECTION_LIFETIME = Duration.ofMinutes(30);

    private final AlertStream stream;
    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
    private volatile AlertStream.Subscription subscription;

    AlertStreamConnections(Store store) {
        this.stream = store.alertStream();
    }

    /**
     * A new connection, or empty when too many are open already. The first event, {@code hello},
     * tells the browser how many alerts are open now.
     */
    Optional<SseEmitter> connect() {
        if (emitters.size() >= MAX_CONNECTIONS) {
            return Optional.empty();
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
                        .data(Map.of("openAlerts", stream.openAlerts()), MediaType.APPLICATION_JSON));
        return Optional.of(emitter);
    }

    private void broadcast(AlertStream.Event event) {
        for (SseEmitter emitter : List.copyOf(emitters)) {
            send(
                    emitter,
                    SseEmitter.event()
                            // Backorders share the owner's feed under their own name, so a page that
                            // follows alerts is not handed something that is not one.
                            .name(event.quantity() == null ? "alert" : "backorder")
                            .id(String.valueOf(event.alertId()))
                            .data(event, MediaType.APPLICATION_JSON));
        }
    }

    /** Comments keep idle connections open through proxies and reveal browsers that have gone. */
    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
    void heartbeat() {
        for (SseEmitter emitter : List.copyOf(emitters)) {
            send(emitter, SseEmitter.event().comment("keep-alive"));
        }
    }

    int connections() {
        return emitters.size();
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter);
            try {
                emitter.completeWithError(e);
            } catch (IllegalStateException alreadyFailed) {
                // The container already ended this connection after an error of its own; ending it
                // again is refused, and must not keep the event from the other connections.
            }
        }
    }

    @Override
    public void start() {
        subscription = stream.subscribe(this::broadcast);
    }

    /** Ends every connection so that shutting down does not wait for browsers. */
    @Override
    public void stop() {
        AlertStream.Subscription current = subscription;
        subscription = null;
        if (current != null) {
            current.close();
        }
        for (SseEmitter emitter : List.copyOf(emitters)) {
            emitters.remove(emitter);
            emitter.complete();
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}

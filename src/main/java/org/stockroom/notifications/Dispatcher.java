package org.stockroom.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox in the background of a running server (command-line runs leave their
 * notifications to the server). Each round claims due rows with a conditional update, so on a
 * shared database no row is sent by two instances under the same lease; sends them on a few worker
 * threads; and records the result: delivered on a 2xx, another attempt after the next wait of the
 * retry schedule (with jitter), or failed when the schedule is used up. Everything is in the
 * database, so a restart picks up where the last process stopped; a row whose sender died is
 * tried again when its lease runs out, which is why delivery is at least once.
 */
@Component
@ConditionalOnWebApplication
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Outbox outbox;
    private final WebhookEndpoints endpoints;
    private final WebhookUrls urls;
    private final WebhookSender webhooks;
    private final Mailer mailer;
    private final Messages messages;
    private final AlertEmailSettings emailSettings;
    private final NotificationProperties settings;
    private final Wakeup wakeup;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Semaphore idleWorkers;
    private final NotificationMeters meters;

    private volatile boolean running;
    private Thread loop;
    private ExecutorService workers;

    Dispatcher(
            Outbox outbox,
            WebhookEndpoints endpoints,
            WebhookUrls urls,
            WebhookSender webhooks,
            Mailer mailer,
            Messages messages,
            AlertEmailSettings emailSettings,
            NotificationProperties settings,
            Wakeup wakeup,
            TransactionTemplate transaction,
            Clock clock,
            NotificationMeters meters) {
        this.outbox = outbox;
        this.meters = meters;
        this.endpoints = endpoints;
        this.urls = urls;
        this.webhooks = webhooks;
        this.mailer = mailer;
        this.messages = messages;
        this.emailSettings = emailSettings;
        this.settings = settings;
        this.wakeup = wakeup;
        this.transaction = transaction;
        this.clock = clock;
        this.idleWorkers = new Semaphore(settings.workers());
    }

    @Override
    public synchronized void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "notification-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        loop = new Thread(this::run, "notification-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeup.wake();
        workers.shutdown();
        try {
            loop.join(Duration.ofSeconds(5).toMillis());
            // Sends still running are abandoned; their leases run out and they are tried again.
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                int free = idleWorkers.availablePermits();
                List<Outbox.Claimed> claimed = List.of();
                if (free > 0) {
                    long now = clock.millis();
                    claimed = outbox.claim(
                            free,
                            UUID.randomUUID().toString(),
                            now,
                            now + settings.lease().toMillis());
                }
                for (Outbox.Claimed row : claimed) {
                    idleWorkers.acquire();
                    workers.execute(() -> {
                        try {
                            deliver(row);
                        } catch (RuntimeException e) {
                            log.error(
                                    "Delivering notification {} failed unexpectedly; it is tried again after its lease",
                                    row.messageId(),
                                    e);
                        } finally {
                            idleWorkers.release();
                            wakeup.wake();
                        }
                    });
                }
                if (claimed.isEmpty() || claimed.size() == free) {
                    wakeup.await(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Cannot read the notification outbox: {}", e.toString());
                    sleepQuietly();
                }
            }
        }
    }

    private void deliver(Outbox.Claimed row) {
        switch (row.channel()) {
            case WEBHOOK -> deliverWebhook(row);
            case EMAIL -> deliverEmail(row);
        }
    }

    private void deliverWebhook(Outbox.Claimed row) {
        Optional<WebhookEndpoints.Endpoint> found = endpoints.find(row.endpointId());
        if (found.isEmpty()) {
            return;
        }
        WebhookEndpoints.Endpoint endpoint = found.get();
        Optional<String> refused = urls.problem(endpoint.url());
        WebhookSender.Outcome outcome = refused.isPresent()
                ? new WebhookSender.Outcome(null, "refused: the URL " + refused.get())
                : webhooks.send(endpoint.url(), endpoint.secret(), row.messageId(), row.payload());
        long now = clock.millis();
        if (outcome.delivered()) {
            outbox.delivered(row, outcome.status(), now);
            meters.delivered(row.channel());
            return;
        }
        if (outcome.gone()) {
            meters.failed(row.channel());
            if (outbox.failed(row, outcome.status(), "the receiver answered 410 Gone", now)) {
                disable(endpoint, "the receiver answered 410 Gone to " + row.messageId());
            }
            return;
        }
        if (!retryLater(row, outcome.status(), outcome.describe(), now)) {
            disable(
                    endpoint,
                    "every attempt to deliver " + row.messageId() + " failed over the whole retry schedule (last: "
                            + outcome.describe() + ")");
        }
    }

    private void deliverEmail(Outbox.Claimed row) {
        long now;
        try {
            mailer.send(row.messageId(), messages.readEmail(row.payload()));
            now = clock.millis();
        } catch (RuntimeException e) {
            if (!retryLater(row, null, e.toString(), clock.millis())) {
                log.error(
                        "Email notification {} ({}) could not be sent over the whole retry schedule: {}",
                        row.messageId(),
                        row.eventType(),
                        e.toString());
            }
            return;
        }
        outbox.delivered(row, null, now);
        meters.delivered(row.channel());
    }

    /** Schedules the next attempt; false (and the row failed) when the retry schedule is used up. */
    private boolean retryLater(Outbox.Claimed row, Integer status, String error, long now) {
        int failures = row.attempts() + 1;
        if (failures > settings.retrySchedule().size()) {
            outbox.failed(row, status, error, now);
            meters.failed(row.channel());
            return false;
        }
        meters.retry(row.channel());
        Duration wait = settings.retrySchedule().get(failures - 1);
        double factor = 1 + settings.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        long next = now + Math.max(1, Math.round(wait.toMillis() * factor));
        outbox.retryAt(row, status, error, next);
        log.info(
                "Notification {} ({}) attempt {} failed ({}); next attempt in {} ms",
                row.messageId(),
                row.eventType(),
                failures,
                error,
                next - now);
        return true;
    }

    /** Disables the endpoint, cancels what is queued for it, and tells the owner, once whoever gets here first. */
    private void disable(WebhookEndpoints.Endpoint endpoint, String reason) {
        boolean disabled = Boolean.TRUE.equals(transaction.execute(status -> {
            long now = clock.millis();
            if (!endpoints.disable(endpoint.id(), reason, now)) {
                return false;
            }
            outbox.cancelPending(endpoint.id(), "cancelled: the endpoint was disabled", now);
            AlertEmailProperties email = emailSettings.current();
            if (email.enabled()) {
                outbox.queueEmail(
                        messages.newId(),
                        "webhook.disabled",
                        messages.endpointDisabledEmail(endpoint, reason, email),
                        now);
            }
            return true;
        }));
        if (disabled) {
            // Only the host: a webhook address may carry a token in its path or query.
            log.warn("Webhook {} (to {}) disabled: {}", endpoint.id(), hostOf(endpoint.url()), reason);
            wakeup.wake();
        }
    }

    private void sleepQuietly() {
        try {
            wakeup.await(settings.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostOf(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "an address without a host" : host;
        } catch (IllegalArgumentException e) {
            return "an address that is not a URI";
        }
    }
}

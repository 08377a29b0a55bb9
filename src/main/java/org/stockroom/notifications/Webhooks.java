package org.stockroom.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.support.AuditTrail;
import org.stockroom.support.Ids;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.NotFoundException;
import org.stockroom.support.Page;
import org.stockroom.support.Text;

/** Webhook endpoints: registration, the delivery log, test events, and turning an endpoint back on. */
@Service
public class Webhooks {

    private final WebhookEndpoints endpoints;
    private final Outbox outbox;
    private final WebhookUrls urls;
    private final Messages messages;
    private final Wakeup wakeup;
    private final Clock clock;
    private final AuditTrail audit;

    Webhooks(
            WebhookEndpoints endpoints,
            Outbox outbox,
            WebhookUrls urls,
            Messages messages,
            Wakeup wakeup,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.urls = urls;
        this.messages = messages;
        this.wakeup = wakeup;
        this.clock = clock;
    }

    /**
     * Registers an endpoint. The answer carries the signing secret; it is never shown again. Not
     * one transaction: the URL check may wait on DNS, which must not hold SQLite's write lock.
     */
    public RegisteredWebhook register(String url, List<String> events, String description) {
        List<FieldError> errors = new ArrayList<>();
        String cleanUrl = Text.clean("url", url, 2000, true, errors);
        if (cleanUrl != null) {
            urls.problem(cleanUrl).ifPresent(p -> errors.add(new FieldError("url", p)));
        }
        List<String> types = eventTypes(events, errors);
        String cleanDescription = Text.clean("description", description, 500, false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String id = Ids.newId(clock);
        String secret = WebhookSignature.newSecret();
        endpoints.insert(id, cleanUrl, types, cleanDescription, secret, clock.millis());
        audit.record("webhook.created", id, cleanUrl + " " + types);
        return new RegisteredWebhook(get(id), secret);
    }

    /** The event types an endpoint can subscribe to. */
    public List<String> eventTypes() {
        return Arrays.stream(WebhookEvent.values()).map(WebhookEvent::type).toList();
    }

    public List<Webhook> list() {
        return endpoints.all().stream().map(WebhookEndpoints.Endpoint::view).toList();
    }

    public Webhook get(String id) {
        return endpoint(id).view();
    }

    /** Removes the endpoint with its delivery log; nothing more is sent to it. */
    @Transactional
    public void delete(String id) {
        if (!endpoints.delete(id)) {
            throw unknown(id);
        }
        audit.record("webhook.deleted", id, null);
    }

    /** Turns a disabled endpoint back on; notifications cancelled while it was off are not resent. */
    @Transactional
    public Webhook enable(String id) {
        if (!endpoints.enable(id)) {
            throw unknown(id);
        }
        audit.record("webhook.enabled", id, null);
        return get(id);
    }

    public Page<Delivery> deliveries(String id, int page, int size) {
        Page.check(page, size);
        endpoint(id);
        List<Delivery> items = outbox.forEndpoint(id, size, (long) page * size).stream()
                .map(Webhooks::delivery)
                .toList();
        return new Page<>(items, page, size, outbox.countForEndpoint(id));
    }

    /** Queues a {@code webhook.test} event to this endpoint, whatever it subscribes to and even while it is disabled. */
    @Transactional
    public Delivery sendTest(String id) {
        WebhookEndpoints.Endpoint endpoint = endpoint(id);
        Messages.Message message = messages.test(endpoint.id());
        long row = outbox.queueWebhook(message.id(), endpoint.id(), message.type(), message.body(), clock.millis());
        wakeup.afterCommit();
        return outbox.find(row).map(Webhooks::delivery).orElseThrow();
    }

    private WebhookEndpoints.Endpoint endpoint(String id) {
        return endpoints.find(id).orElseThrow(() -> unknown(id));
    }

    private static NotFoundException unknown(String id) {
        return new NotFoundException("unknown-webhook", "No webhook with id " + id);
    }

    private static List<String> eventTypes(List<String> events, List<FieldError> errors) {
        String known = String.join(
                ", ",
                Arrays.stream(WebhookEvent.values()).map(WebhookEvent::type).toList());
        if (events == null || events.isEmpty()) {
            errors.add(new FieldError("events", "must list at least one of " + known));
            return List.of();
        }
        Map<WebhookEvent, Boolean> chosen = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            String type = events.get(i);
            var event = type == null ? java.util.Optional.<WebhookEvent>empty() : WebhookEvent.of(type);
            if (event.isEmpty()) {
                errors.add(new FieldError("events[" + i + "]", "must be one of " + known));
            } else {
                chosen.put(event.get(), true);
            }
        }
        return Arrays.stream(WebhookEvent.values())
                .filter(chosen::containsKey)
                .map(WebhookEvent::type)
                .toList();
    }

    private static Delivery delivery(Outbox.Row row) {
        return new Delivery(
                row.id(),
                row.messageId(),
                row.eventType(),
                row.status().name(),
                row.attempts(),
                row.lastStatus(),
                row.lastError(),
                Instant.ofEpochMilli(row.createdAt()),
                row.deliveredAt() == null ? null : Instant.ofEpochMilli(row.deliveredAt()),
                row.status() == Outbox.Status.PENDING ? Instant.ofEpochMilli(row.nextAttemptAt()) : null);
    }
}

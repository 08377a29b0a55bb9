package org.stockroom.api;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.stockroom.Store;
import org.stockroom.notifications.Delivery;
import org.stockroom.notifications.RegisteredWebhook;
import org.stockroom.notifications.Webhook;
import org.stockroom.notifications.Webhooks;
import org.stockroom.support.Page;

@RestController
@RequestMapping("/api/webhooks")
class WebhookApi {

    record WebhookRequest(String url, List<String> events, String description) {}

    private final Webhooks webhooks;

    WebhookApi(Store store) {
        this.webhooks = store.webhooks();
    }

    @PostMapping
    ResponseEntity<RegisteredWebhook> register(@RequestBody WebhookRequest request) {
        RegisteredWebhook registered = webhooks.register(request.url(), request.events(), request.description());
        return ResponseEntity.created(
                        URI.create("/api/webhooks/" + registered.webhook().id()))
                .body(registered);
    }

    @GetMapping
    List<Webhook> list() {
        return webhooks.list();
    }

    @GetMapping("/{id}")
    Webhook get(@PathVariable String id) {
        return webhooks.get(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        webhooks.delete(id);
    }

    @GetMapping("/{id}/deliveries")
    Page<Delivery> deliveries(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return webhooks.deliveries(id, page, size);
    }

    /** Queues a {@code webhook.test} event; the answer is the queued delivery, whose progress the delivery log shows. */
    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Delivery test(@PathVariable String id) {
        return webhooks.sendTest(id);
    }

    /** Turns a disabled endpoint back on. */
    @PostMapping("/{id}/enable")
    Webhook enable(@PathVariable String id) {
        return webhooks.enable(id);
    }
}

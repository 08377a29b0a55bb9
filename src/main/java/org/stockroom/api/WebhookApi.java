package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Webhooks")
@RequestMapping("/api/webhooks")
class WebhookApi {

    record WebhookRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    format = "uri",
                    example = "https://shop.example.com/hooks/stockroom")
            String url,

            @ArraySchema(
                    arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                    schema =
                            @Schema(
                                    allowableValues = {
                                        "alert.raised",
                                        "alert.escalated",
                                        "alert.resolved",
                                        "stock.received",
                                        "backorder.created"
                                    }))
            List<String> events,

            @Schema(example = "Shop front restock banner") String description) {}

    private final Webhooks webhooks;

    WebhookApi(Store store) {
        this.webhooks = store.webhooks();
    }

    @Operation(
            summary = "Register a webhook",
            description = "Registers an HTTPS endpoint for alert and stock events. The answer carries the signing "
                    + "secret, shown only here.")
    @ApiResponse(responseCode = "201", description = "The webhook was registered")
    @PostMapping
    ResponseEntity<RegisteredWebhook> register(@RequestBody WebhookRequest request) {
        RegisteredWebhook registered = webhooks.register(request.url(), request.events(), request.description());
        return ResponseEntity.created(
                        URI.create("/api/webhooks/" + registered.webhook().id()))
                .body(registered);
    }

    @Operation(summary = "List webhooks", description = "Every registered endpoint, without secrets.")
    @GetMapping
    List<Webhook> list() {
        return webhooks.list();
    }

    @Operation(summary = "Read a webhook", description = "One endpoint, without its secret.")
    @GetMapping("/{id}")
    Webhook get(@PathVariable String id) {
        return webhooks.get(id);
    }

    @Operation(summary = "Delete a webhook", description = "The endpoint hears nothing more; its log goes too.")
    @ApiResponse(responseCode = "204", description = "The webhook is deleted")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        webhooks.delete(id);
    }

    @Operation(
            summary = "Webhook delivery log",
            description = "Deliveries to one endpoint, newest first, with attempts, status and the last error.")
    @GetMapping("/{id}/deliveries")
    Page<Delivery> deliveries(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return webhooks.deliveries(id, page, size);
    }

    @Operation(
            summary = "Send a test event",
            description =
                    "Queues a `webhook.test` event; the answer is the queued delivery, whose progress the log shows.")
    @ApiResponse(responseCode = "202", description = "The test event is queued")
    /** Queues a {@code webhook.test} event; the answer is the queued delivery, whose progress the delivery log shows. */
    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Delivery test(@PathVariable String id) {
        return webhooks.sendTest(id);
    }

    @Operation(
            summary = "Enable a webhook",
            description = "Turns an endpoint back on after it was disabled for failing deliveries.")
    /** Turns a disabled endpoint back on. */
    @PostMapping("/{id}/enable")
    Webhook enable(@PathVariable String id) {
        return webhooks.enable(id);
    }
}

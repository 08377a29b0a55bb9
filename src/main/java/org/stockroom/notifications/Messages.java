package org.stockroom.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.stockroom.alerts.Alert;
import org.stockroom.alerts.AlertChange;
import org.stockroom.alerts.AlertLevel;
import org.stockroom.catalog.Product;
import org.stockroom.stock.Backorder;
import org.stockroom.stock.Movement;
import org.stockroom.support.Ids;
import tools.jackson.databind.json.JsonMapper;

/**
 * What notifications say. Each is written once, when it is queued, so every attempt sends the
 * same bytes and the snapshot is the product as it was when the alert changed.
 */
@Component
class Messages {

    /** A webhook message: its stable id, event type and JSON body. */
    record Message(String id, String type, String body) {}

    /** An email as queued: everything needed to send it later, however the settings change meanwhile. */
    record Email(String from, List<String> to, String subject, String text) {}

    private final JsonMapper json;
    private final Clock clock;

    Messages(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    String newId() {
        return "msg_" + Ids.newId(clock).replace("-", "");
    }

    Message alert(String id, AlertChange change, Product product) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("id", change.alertId());
        alert.put("sku", change.sku());
        alert.put(
                "level",
                change.type() == AlertChange.Type.RESOLVED
                        ? null
                        : change.level().name());
        alert.put("status", change.type() == AlertChange.Type.RESOLVED ? "resolved" : "open");
        alert.put("stock", change.stock());
        alert.put("reorderThreshold", change.reorderThreshold());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alert", alert);
        data.put("product", product(product));
        return envelope(id, change.type().event(), data);
    }

    Message received(String id, Product product, Movement movement) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("movementId", movement.id());
        receipt.put("sku", movement.sku());
        receipt.put("quantity", movement.delta());
        receipt.put("balanceAfter", movement.balanceAfter());
        receipt.put("note", movement.note());
        receipt.put("actor", movement.actor());
        receipt.put("at", movement.at().toString());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receipt", receipt);
        data.put("product", product(product));
        return envelope(id, WebhookEvent.STOCK_RECEIVED.type(), data);
    }

    Message backorder(String id, Backorder backorder, Product product) {
        Map<String, Object> owed = new LinkedHashMap<>();
        owed.put("id", backorder.id());
        owed.put("sku", backorder.sku());
        owed.put("quantity", backorder.quantity());
        owed.put("filled", backorder.filled());
        owed.put("purchaseId", backorder.purchaseId());
        owed.put("channel", backorder.channel());
        owed.put("createdAt", backorder.createdAt().toString());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("backorder", owed);
        data.put("product", product(product));
        return envelope(id, WebhookEvent.BACKORDER_CREATED.type(), data);
    }

    Message test(String endpointId) {
        return envelope(
                newId(),
                WebhookEvent.TEST,
                Map.of(
                        "webhookId",
                        endpointId,
                        "message",
                        "A test event from Stockroom: this endpoint receives and verifies deliveries."));
    }

    String alertEmail(AlertChange change, Product product, AlertEmailProperties settings) {
        boolean out = change.level() == AlertLevel.OUT;
        String subject = "[Stockroom] " + (out ? "Out of stock: " : "Low stock: ") + change.sku() + " " + change.name()
                + " (" + change.stock() + " left)";
        String text = change.sku() + " " + change.name() + (out ? " is out of stock." : " is running low.") + "\n\n"
                + "Stock:                      " + change.stock() + "\n"
                + "Reorder threshold:          " + change.reorderThreshold() + "\n"
                + "Suggested reorder quantity: " + suggestedReorder(product) + "\n"
                + (product.supplier() == null ? "" : "Supplier:                   " + product.supplier() + "\n")
                + "\nAlert " + change.alertId()
                + (change.type() == AlertChange.Type.ESCALATED ? " escalated" : " raised")
                + " at " + Instant.ofEpochMilli(clock.millis()) + ".\n";
        return email(settings, subject, text);
    }

    String digestEmail(LocalDate day, List<Alert> open, Map<String, Product> products, AlertEmailProperties settings) {
        StringBuilder text = new StringBuilder("Open restock alerts on " + day + ": " + open.size() + "\n\n");
        text.append(String.format(
                "%-20s %-5s %8s %10s %10s  %s%n", "SKU", "LEVEL", "STOCK", "THRESHOLD", "REORDER", "NAME"));
        for (Alert a : open) {
            Product p = products.get(a.sku());
            text.append(String.format(
                    "%-20s %-5s %8d %10d %10s  %s%n",
                    a.sku(),
                    a.level(),
                    a.stock(),
                    a.reorderThreshold(),
                    p == null ? "" : String.valueOf(suggestedReorder(p)),
                    a.name()));
        }
        return email(
                settings,
                "[Stockroom] Daily restock digest: " + open.size() + " open alert" + (open.size() == 1 ? "" : "s"),
                text.toString());
    }

    String endpointDisabledEmail(WebhookEndpoints.Endpoint endpoint, String reason, AlertEmailProperties settings) {
        String text = "Stockroom stopped sending to the webhook " + endpoint.url() + " (id " + endpoint.id() + ").\n\n"
                + "Reason: " + reason + "\n\n"
                + "Notifications queued for it were cancelled. Fix the receiver, then turn it back on with\n"
                + "POST /api/webhooks/" + endpoint.id() + "/enable.\n";
        return email(settings, "[Stockroom] Webhook disabled: " + endpoint.url(), text);
    }

    String ownerEmail(AlertEmailProperties settings, String subject, String text) {
        return email(settings, "[Stockroom] " + subject, text);
    }

    Email readEmail(String payload) {
        return json.readValue(payload, Email.class);
    }

    /**
     * The quantity to reorder: the product's own reorder quantity, or else enough to bring stock
     * back to twice the threshold (at least one), a simple rule that clears the alert with margin.
     */
    static long suggestedReorder(Product product) {
        if (product.reorderQuantity() != null) {
            return product.reorderQuantity();
        }
        return Math.max(1, 2 * product.reorderThreshold() - product.stock());
    }

    private String email(AlertEmailProperties settings, String subject, String text) {
        return json.writeValueAsString(new Email(settings.from(), settings.to(), subject, text));
    }

    private Message envelope(String id, String type, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("id", id);
        body.put("timestamp", Instant.ofEpochMilli(clock.millis()).toString());
        body.put("data", data);
        return new Message(id, type, json.writeValueAsString(body));
    }

    private static Map<String, Object> product(Product p) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", p.sku().value());
        product.put("name", p.name());
        product.put("stock", p.stock());
        product.put("reserved", p.reserved());
        product.put("available", p.available());
        product.put("backordered", p.backordered());
        product.put("reorderThreshold", p.reorderThreshold());
        product.put("needsRestock", p.needsRestock());
        product.put("reorderQuantity", p.reorderQuantity());
        product.put("suggestedReorderQuantity", suggestedReorder(p));
        product.put("supplier", p.supplier());
        product.put("archived", p.archived());
        return product;
    }
}

package org.stockroom.notifications;

import java.util.Arrays;
import java.util.Optional;

/** The events a webhook endpoint can subscribe to. */
enum WebhookEvent {
    ALERT_RAISED("alert.raised"),
    ALERT_ESCALATED("alert.escalated"),
    ALERT_RESOLVED("alert.resolved"),
    STOCK_RECEIVED("stock.received"),
    BACKORDER_CREATED("backorder.created");

    /** Sent only by the "send test event" action, whatever the endpoint subscribes to. */
    static final String TEST = "webhook.test";

    private final String type;

    WebhookEvent(String type) {
        this.type = type;
    }

    String type() {
        return type;
    }

    static Optional<WebhookEvent> of(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
    }
}

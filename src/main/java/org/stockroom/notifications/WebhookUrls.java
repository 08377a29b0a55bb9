package org.stockroom.notifications;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which URLs the server may call as webhooks: the rules of {@link OutboundUrls}, with private
 * addresses allowed only when {@code stockroom.webhooks.allow-private=true}.
 */
@Component
class WebhookUrls {

    private final boolean allowPrivate;

    WebhookUrls(WebhookProperties properties) {
        this.allowPrivate = properties.allowPrivate();
    }

    /** Why {@code url} may not be called, or empty when it may. */
    Optional<String> problem(String url) {
        return OutboundUrls.problem(url, allowPrivate, "stockroom.webhooks.allow-private=true");
    }
}

package org.stockroom.notifications;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a registration: the endpoint and its signing secret, the only time the secret is shown. */
public record RegisteredWebhook(@JsonUnwrapped Webhook webhook, String secret) {}

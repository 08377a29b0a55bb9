package org.stockroom.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings ({@code stockroom.webhooks.*}).
 *
 * @param allowPrivate accept endpoints on loopback, private and link-local addresses (for tests and
 *     single-machine set-ups); off by default so the server cannot be aimed at its own network
 * @param connectTimeout how long to wait for a receiver to accept the connection
 * @param timeout how long to wait for a receiver's whole answer
 */
@ConfigurationProperties("stockroom.webhooks")
record WebhookProperties(
        @DefaultValue("false") boolean allowPrivate,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration timeout) {}

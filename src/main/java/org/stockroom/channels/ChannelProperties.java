package org.stockroom.channels;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sales channel settings ({@code stockroom.channels.*}).
 *
 * @param secretKey the AES key (base64 of 16, 24 or 32 bytes) that seals channel secrets at rest;
 *     when absent, one is generated into {@code <data-dir>/channels.key} on first start and read from
 *     there afterwards (on PostgreSQL too, so every instance must be given the same key)
 * @param allowPrivateAddresses allow channel URLs on loopback, private and link-local addresses
 *     (a WooCommerce on the same network, tests)
 * @param shopifyApiVersion the Shopify Admin GraphQL API version every call is pinned to
 * @param pollInterval how often idle workers look for work another instance queued
 * @param lease how long a claimed delivery, push or sync belongs to the instance that claimed it
 * @param timeout the longest wait for one call to a platform
 * @param retrySchedule waits between failed attempts to push stock or process a delivery; the
 *     last one repeats, since a storefront must eventually hold the right number
 * @param reconcileCron when the nightly reconciliation of every connected channel runs
 * @param processInbox whether this instance processes received webhooks; {@code false}: it records and
 *     answers them and leaves processing to the other instances (read by {@link InboxWorker}'s condition)
 */
@ConfigurationProperties("stockroom.channels")
public record ChannelProperties(
        String secretKey,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("2025-01") String shopifyApiVersion,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue({"1s", "5s", "30s", "2m", "10m"}) List<Duration> retrySchedule,
        @DefaultValue("0 30 3 * * *") String reconcileCron,
        @DefaultValue("true") boolean processInbox) {

    public ChannelProperties {
        if (retrySchedule.isEmpty()) {
            throw new IllegalArgumentException("stockroom.channels.retry-schedule must name at least one wait");
        }
        if (timeout.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("stockroom.channels.timeout must be shorter than the lease");
        }
    }

    /** The wait after the {@code failures}-th failure in a row. */
    Duration retryAfter(int failures) {
        return retrySchedule.get(Math.min(Math.max(failures, 1), retrySchedule.size()) - 1);
    }
}

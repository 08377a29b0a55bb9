package org.stockroom.channels;

import java.time.Instant;

/**
 * One line of a channel's sync log. Kinds: SYNC_STARTED, SYNC_FINISHED, SYNC_FAILED, DRIFT (the
 * channel held {@code channelQuantity} where Stockroom has {@code available}), UNMAPPED_REMOTE (the
 * channel lists a SKU Stockroom does not know), UNMAPPED_LOCAL (a Stockroom SKU the channel does not
 * list), PUSH_FAILED, UNAUTHORIZED.
 */
public record SyncLogEntry(
        long id, Instant at, String kind, String sku, Long channelQuantity, Long available, String detail) {}

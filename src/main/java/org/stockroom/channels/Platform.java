package org.stockroom.channels;

import java.time.Duration;
import java.util.List;

/** What Stockroom asks of a storefront platform: its catalog, and setting one item's stock. */
interface Platform {

    /** An item the channel sells: its SKU, the platform's id for its stock, and the stock the channel shows. */
    record Item(String sku, String remoteId, String remoteParentId, Long quantity) {}

    /** A channel with its secrets opened, for the duration of one call. */
    record Connection(
            String channelId,
            String baseUrl,
            String locationId,
            String accessToken,
            String consumerKey,
            String consumerSecret) {}

    /** Every item of the channel's catalog, read page by page. */
    List<Item> catalog(Connection connection);

    /** Sets the stock the channel shows for one item. */
    void setAvailable(Connection connection, ChannelRepository.Push push, long quantity);

    /** A call that did not succeed, and what to do about it. */
    final class Failure extends RuntimeException {

        enum Kind {
            /** The platform refused the credentials (401/403): stop until the owner acts. */
            UNAUTHORIZED,
            /** The platform asked us to slow down: wait {@link #retryAfter} and try again. */
            RATE_LIMITED,
            /** The item is gone from the channel (deleted or re-created). */
            NOT_FOUND,
            /** Anything else (timeouts, 5xx, answers we cannot read): try again after a backoff. */
            TRANSIENT
        }

        private final Kind kind;
        private final Duration retryAfter;
        private final Integer status;

        Failure(Kind kind, Integer status, String message, Duration retryAfter) {
            super(message, null, false, false);
            this.kind = kind;
            this.status = status;
            this.retryAfter = retryAfter;
        }

        static Failure of(int status, String message, Duration retryAfter) {
            if (status == 401 || status == 403) {
                return new Failure(Kind.UNAUTHORIZED, status, message, null);
            }
            if (status == 429) {
                return new Failure(Kind.RATE_LIMITED, status, message, retryAfter);
            }
            if (status == 404) {
                return new Failure(Kind.NOT_FOUND, status, message, null);
            }
            return new Failure(Kind.TRANSIENT, status, message, null);
        }

        Kind kind() {
            return kind;
        }

        Duration retryAfter() {
            return retryAfter;
        }

        Integer status() {
            return status;
        }
    }
}

package org.stockroom.channels;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Sends available stock to the channels. Each round claims listings whose version is ahead of what
 * was pushed, reads the SKU's available stock after the claim (so the value is at least as new as
 * the version claimed), sends it, and records the version it claimed. A change during the send
 * leaves the row due again, so the channel ends with the latest value and an older one is never
 * sent after a newer one: a row is sent by one sender at a time (the lease), and every send reads
 * the value anew.
 */
@Component
@ConditionalOnWebApplication
class Pusher extends Worker {

    private static final Logger log = LoggerFactory.getLogger(Pusher.class);
    private static final int SENDERS = 4;

    private final ChannelRepository repository;
    private final Channels channels;
    private final StockFollower stock;
    private final ShopifyClient shopify;
    private final WooCommerceClient woo;
    private final Unauthorized unauthorized;
    private final ChannelProperties properties;
    private final Clock clock;
    private final ChannelMeters meters;
    private final ExecutorService senders;

    Pusher(
            ChannelRepository repository,
            Channels channels,
            StockFollower stock,
            ShopifyClient shopify,
            WooCommerceClient woo,
            Unauthorized unauthorized,
            ChannelProperties properties,
            Signals signals,
            Clock clock,
            ChannelMeters meters) {
        super("channel-pusher", signals.pushes, properties.pollInterval());
        this.repository = repository;
        this.channels = channels;
        this.stock = stock;
        this.shopify = shopify;
        this.woo = woo;
        this.unauthorized = unauthorized;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(SENDERS, r -> {
            Thread t = new Thread(r, "channel-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    boolean round() {
        long now = clock.millis();
        List<ChannelRepository.Push> claimed = repository.claimPushes(
                SENDERS * 4,
                UUID.randomUUID().toString(),
                now,
                now + properties.lease().toMillis());
        if (claimed.isEmpty()) {
            return false;
        }
        List<Callable<Void>> sends = new ArrayList<>();
        for (ChannelRepository.Push push : claimed) {
            sends.add(() -> {
                send(push);
                return null;
            });
        }
        try {
            senders.invokeAll(sends);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Override
    public synchronized void stop() {
        super.stop();
        senders.shutdownNow();
    }

    private void send(ChannelRepository.Push push) {
        var channel = repository.find(push.channelId());
        if (channel.isEmpty() || channel.get().status() != ChannelStatus.CONNECTED) {
            repository.pushFailed(push, "the channel is not connected", clock.millis(), false);
            channel.ifPresent(row -> meters.push(row.type(), ChannelMeters.Result.FAILED));
            return;
        }
        ChannelRepository.Row row = channel.get();
        long available = stock.available(push.sku());
        try {
            platform(row).setAvailable(channels.connection(row), push, available);
            repository.pushed(push, available, clock.millis());
            meters.push(row.type(), ChannelMeters.Result.DELIVERED);
        } catch (Platform.Failure failure) {
            failed(row, push, failure);
        } catch (RuntimeException e) {
            failed(row, push, new Platform.Failure(Platform.Failure.Kind.TRANSIENT, null, e.toString(), null));
        }
    }

    private void failed(ChannelRepository.Row row, ChannelRepository.Push push, Platform.Failure failure) {
        long now = clock.millis();
        switch (failure.kind()) {
            case UNAUTHORIZED -> {
                repository.pushFailed(push, failure.getMessage(), now, false);
                unauthorized.mark(row, failure);
                meters.push(row.type(), ChannelMeters.Result.FAILED);
            }
            case RATE_LIMITED -> {
                long until = now + failure.retryAfter().toMillis();
                repository.pushFailed(push, failure.getMessage(), until, false);
                repository.holdChannel(row.id(), until);
                meters.push(row.type(), ChannelMeters.Result.RETRY);
            }
            case NOT_FOUND -> relocate(row, push, failure);
            case TRANSIENT -> {
                int failures = push.attempts() + 1;
                if (failures == 1) {
                    repository.log(row.id(), "PUSH_FAILED", push.sku(), null, null, failure.getMessage(), now);
                }
                log.info(
                        "Pushing {} to channel {} failed ({}); attempt {}",
                        push.sku(),
                        row.name(),
                        failure.getMessage(),
                        failures);
                repository.pushFailed(
                        push,
                        failure.getMessage(),
                        now + properties.retryAfter(failures).toMillis(),
                        true);
                meters.push(row.type(), ChannelMeters.Result.RETRY);
            }
        }
    }

    /**
     * The channel no longer has the item under the id it was mapped to. WooCommerce finds it again
     * by SKU (the mapping moves and the push is due again); otherwise the SKU is unmapped and the
     * next sync maps it if the channel still lists it.
     */
    private void relocate(ChannelRepository.Row row, ChannelRepository.Push push, Platform.Failure failure) {
        long now = clock.millis();
        if (row.type() == ChannelType.WOOCOMMERCE) {
            try {
                Platform.Item item = woo.find(channels.connection(row), push.sku());
                repository.pushFailed(push, failure.getMessage(), now, false);
                repository.map(
                        row.id(),
                        new ChannelRepository.Listing(
                                push.sku(), item.remoteId(), item.remoteParentId(), item.quantity()),
                        now);
                meters.push(row.type(), ChannelMeters.Result.RETRY);
                return;
            } catch (Platform.Failure notThere) {
                if (notThere.kind() != Platform.Failure.Kind.NOT_FOUND) {
                    failed(row, push, notThere);
                    return;
                }
            }
        }
        repository.unmap(row.id(), push.sku());
        meters.push(row.type(), ChannelMeters.Result.FAILED);
        repository.log(row.id(), "UNMAPPED_REMOTE", push.sku(), null, null, "the channel no longer has this item", now);
    }

    private Platform platform(ChannelRepository.Row row) {
        return row.type() == ChannelType.SHOPIFY ? shopify : woo;
    }
}

package org.stockroom.channels;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.support.Page;

/**
 * Mapping and reconciliation: reads a channel's whole catalog, maps each SKU Stockroom sells to
 * the channel's item, lists what is unmapped on either side, records drift (the channel showing a
 * number other than available) and asks for a push of every mapped SKU. Runs when a channel is
 * connected, when the owner asks ({@code POST /api/channels/{id}/sync}), and every night. A sync
 * is claimed under a lease, so one instance runs it.
 */
@Component
@ConditionalOnWebApplication
class SyncRunner extends Worker {

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);
    /** Unmapped Stockroom SKUs listed one by one in the log; beyond that only their number. */
    static final int UNMAPPED_LOCAL_LISTED = 100;

    private final ChannelRepository repository;
    private final Channels channels;
    private final StockFollower stock;
    private final Catalog catalog;
    private final ShopifyClient shopify;
    private final WooCommerceClient woo;
    private final Unauthorized unauthorized;
    private final ChannelProperties properties;
    private final TransactionTemplate transaction;
    private final Signals signals;
    private final Clock clock;

    SyncRunner(
            ChannelRepository repository,
            Channels channels,
            StockFollower stock,
            Catalog catalog,
            ShopifyClient shopify,
            WooCommerceClient woo,
            Unauthorized unauthorized,
            ChannelProperties properties,
            TransactionTemplate transaction,
            Signals signals,
            Clock clock) {
        super("channel-sync", signals.syncs, properties.pollInterval());
        this.repository = repository;
        this.channels = channels;
        this.stock = stock;
        this.catalog = catalog;
        this.shopify = shopify;
        this.woo = woo;
        this.unauthorized = unauthorized;
        this.properties = properties;
        this.transaction = transaction;
        this.signals = signals;
        this.clock = clock;
    }

    /** The nightly reconciliation: every connected channel is synced as if the owner had asked. */
    @Scheduled(cron = "${stockroom.channels.reconcile-cron:0 30 3 * * *}")
    void nightly() {
        int n = channels.requestSyncOfAll();
        log.info("Nightly reconciliation of {} sales channel(s) requested", n);
    }

    @Override
    boolean round() {
        long now = clock.millis();
        Optional<ChannelRepository.SyncClaim> claim =
                repository.claimSync(now, now + properties.lease().toMillis());
        if (claim.isEmpty()) {
            return false;
        }
        Optional<ChannelRepository.Row> row = repository.find(claim.get().channelId());
        if (row.isPresent()) {
            sync(row.get(), claim.get().requestedAt());
        }
        return true;
    }

    private void sync(ChannelRepository.Row row, long requestedAt) {
        List<Platform.Item> items;
        try {
            items = (row.type() == ChannelType.SHOPIFY ? shopify : (Platform) woo).catalog(channels.connection(row));
        } catch (Platform.Failure failure) {
            long now = clock.millis();
            repository.log(row.id(), "SYNC_FAILED", null, null, null, failure.getMessage(), now);
            if (failure.kind() == Platform.Failure.Kind.UNAUTHORIZED) {
                unauthorized.mark(row, failure);
                repository.finishSync(row.id(), requestedAt, now, failure.getMessage());
            } else {
                long wait = failure.kind() == Platform.Failure.Kind.RATE_LIMITED
                        ? failure.retryAfter().toMillis()
                        : properties.retryAfter(2).toMillis();
                repository.syncFailed(row.id(), now, failure.getMessage(), now + wait);
            }
            return;
        }
        String summary = transaction.execute(status -> map(row, items));
        repository.finishSync(row.id(), requestedAt, clock.millis(), null);
        log.info("Synced sales channel {}: {}", row.name(), summary);
        signals.pushes.wake();
    }

    private String map(ChannelRepository.Row row, List<Platform.Item> items) {
        long now = clock.millis();
        Map<String, Platform.Item> bySku = new LinkedHashMap<>();
        int withoutSku = 0;
        for (Platform.Item item : items) {
            if (item.sku() == null || item.remoteId() == null) {
                withoutSku++;
            } else if (bySku.putIfAbsent(item.sku(), item) != null) {
                repository.log(
                        row.id(),
                        "DUPLICATE_REMOTE",
                        item.sku(),
                        item.quantity(),
                        null,
                        "the channel lists this SKU more than once; the first item is kept",
                        now);
            }
        }
        Map<String, ChannelRepository.Listing> before = new HashMap<>();
        repository.listings(row.id()).forEach(l -> before.put(l.sku(), l));
        int mapped = 0;
        int unmappedRemote = 0;
        int drift = 0;
        for (Platform.Item item : bySku.values()) {
            Optional<Product> product = catalog.find(item.sku()).filter(p -> !p.archived());
            if (product.isEmpty()) {
                unmappedRemote++;
                repository.log(
                        row.id(),
                        "UNMAPPED_REMOTE",
                        item.sku(),
                        item.quantity(),
                        null,
                        "the channel lists a SKU Stockroom does not sell",
                        now);
                if (before.containsKey(item.sku())) {
                    repository.unmap(row.id(), item.sku());
                }
                continue;
            }
            long available = stock.available(item.sku());
            if (item.quantity() == null || item.quantity() != available) {
                drift++;
                repository.log(
                        row.id(),
                        "DRIFT",
                        item.sku(),
                        item.quantity(),
                        available,
                        item.quantity() == null
                                ? "the channel does not track this item's stock"
                                : "the channel shows another number",
                        now);
            }
            repository.map(
                    row.id(),
                    new ChannelRepository.Listing(item.sku(), item.remoteId(), item.remoteParentId(), item.quantity()),
                    now);
            mapped++;
        }
        for (String sku : before.keySet()) {
            if (!bySku.containsKey(sku)) {
                repository.unmap(row.id(), sku);
            }
        }
        Set<String> listed = new HashSet<>(bySku.keySet());
        int unmappedLocal = 0;
        for (int page = 0; ; page++) {
            Page<Product> products = catalog.list(new ProductQuery(null, false, false, "sku", page, 500));
            for (Product p : products.items()) {
                if (!listed.contains(p.sku().value())) {
                    if (unmappedLocal < UNMAPPED_LOCAL_LISTED) {
                        repository.log(
                                row.id(),
                                "UNMAPPED_LOCAL",
                                p.sku().value(),
                                null,
                                stock.available(p.sku().value()),
                                "Stockroom sells this SKU; the channel does not list it",
                                now);
                    }
                    unmappedLocal++;
                }
            }
            if ((long) (page + 1) * 500 >= products.total()) {
                break;
            }
        }
        String summary = mapped + " mapped, " + drift + " drifted, " + unmappedRemote + " unknown to Stockroom, "
                + unmappedLocal + " not listed on the channel, " + withoutSku + " channel items without a SKU";
        repository.log(row.id(), "SYNC_FINISHED", null, null, null, summary, now);
        return summary;
    }
}

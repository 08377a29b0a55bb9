package org.stockroom.channels;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductChanged;
import org.stockroom.stock.AvailableChanged;

/**
 * Follows every change of a product's available stock: in the transaction that made the change, it
 * marks each channel listing of the SKU as needing a push, so the mark commits with the change (a
 * crash loses neither) and {@link Pusher} sends the value current when it sends.
 */
@Component
class StockFollower {

    private final ChannelRepository repository;
    private final Catalog catalog;
    private final Signals signals;

    StockFollower(ChannelRepository repository, Catalog catalog, Signals signals) {
        this.repository = repository;
        this.catalog = catalog;
        this.signals = signals;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AvailableChanged change) {
        follow(change.sku());
    }

    /**
     * Archiving or restoring a product changes what a channel may sell of it (and of the bundles it
     * goes into) without moving its stock; any other edit only resends the same number.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ProductChanged change) {
        follow(change.product().sku().value());
    }

    private void follow(String sku) {
        if (repository.changed(sku) > 0) {
            signals.pushes.afterCommit();
        }
    }

    /**
     * What a channel should show for a SKU: what can be sold now. An unknown or archived product
     * cannot be sold, so its listings show 0.
     */
    long available(String sku) {
        return catalog.find(sku)
                .filter(p -> !p.archived())
                .map(Product::available)
                .orElse(0L);
    }
}

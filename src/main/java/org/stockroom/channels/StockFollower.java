package org.stockroom.channels;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductChanged;
import org.stockroom.stock.AvailableChanged;

/**
 * Follows every change of a product's available stock: in the transaction that made the change, it
 * marks each channel listing of the SKU as needing a push, so the mark commits with the change (a
 * crash loses neither) and {@link Pusher} sends the value current when it sends. The marks of a
 * transaction are written together just before it commits.
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

    /**
     * Marks the SKU's listings just before the transaction commits, once for every SKU whose stock
     * it changed: a purchase writer's batch moves dozens of products, and one statement for all of
     * them replaces a round trip per line. Each change registers a mark of its own, so a change
     * rolled back with its savepoint (a refused purchase of a shared commit, whose synchronizations
     * go with it) takes its mark along; the first mark to run writes the SKUs of all that remain.
     */
    private void follow(String sku) {
        TransactionSynchronizationManager.registerSynchronization(new Mark(sku));
    }

    private final class Mark implements TransactionSynchronization {
        private final String sku;
        private boolean written;

        Mark(String sku) {
            this.sku = sku;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (written) {
                return;
            }
            List<Mark> marks = TransactionSynchronizationManager.getSynchronizations().stream()
                    .filter(Mark.class::isInstance)
                    .map(Mark.class::cast)
                    .filter(m -> !m.written)
                    .toList();
            marks.forEach(m -> m.written = true);
            // In SKU order: writers marking listings of the same products lock them in one order.
            Set<String> skus = new TreeSet<>();
            marks.forEach(m -> skus.add(m.sku));
            if (repository.changed(skus) > 0) {
                signals.pushes.afterCommit();
            }
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

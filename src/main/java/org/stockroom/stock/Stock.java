package org.stockroom.stock;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.alerts.AlertChange;
import org.stockroom.alerts.Alerts;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductsAdded;
import org.stockroom.catalog.UnknownSkuException;
import org.stockroom.support.Actors;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Page;
import org.stockroom.support.Text;

/**
 * The one path by which on-hand stock changes: a conditional update of the product, a ledger row
 * with the balance after, and the alert transition, all in the caller's transaction.
 */
@Service
public class Stock {

    /** What one applied change did. */
    public record Applied(Product product, Movement movement, Optional<AlertChange> alert) {}

    /** The most one receipt may bring in; a larger number is a typing mistake, not a delivery. */
    public static final long MAX_RECEIPT = 1_000_000;

    private final Catalog catalog;
    private final MovementRepository movements;
    private final Alerts alerts;
    private final Actors actors;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Stock(Catalog catalog, MovementRepository movements, Alerts alerts, Actors actors, Clock clock, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.movements = movements;
        this.alerts = alerts;
        this.actors = actors;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Applies every change or none. Changes are applied in SKU order, so two multi-line orders lock
     * the same products in the same order and cannot deadlock. When any change is refused, the
     * refusal names every SKU at fault and the caller's transaction rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Applied> apply(List<StockChange> changes) {
        List<StockChange> ordered = changes.stream().sorted(Comparator.comparing(StockChange::sku)).toList();
        String actor = actors.current();
        List<Applied> applied = new ArrayList<>(ordered.size());
        List<Catalog.StockRequest> refused = new ArrayList<>();
        for (StockChange change : ordered) {
            Optional<Product> after = catalog.changeStock(change.sku(), change.delta(), change.soldDelta());
            if (after.isEmpty()) {
                refused.add(new Catalog.StockRequest(change.sku(), change.requested()));
                continue;
            }
            if (!refused.isEmpty()) {
                continue;
            }
            Product product = after.get();
            Movement movement = movements.append(change, product.stock(), actor, clock.millis());
            applied.add(new Applied(product, movement, alerts.afterStockChange(product, change.delta())));
            if (change.type() == MovementType.RECEIPT) {
                events.publishEvent(new StockReceived(product, movement));
            }
        }
        if (!refused.isEmpty()) {
            throw catalog.explainRefusal(refused);
        }
        return applied;
    }

    /** Receives units from a supplier: a RECEIPT in the ledger; may resolve the product's alert. */
    @Transactional
    public Applied receive(String sku, long quantity, String note) {
        if (quantity < 1 || quantity > MAX_RECEIPT) {
            throw new InvalidRequestException("quantity", "must be a whole number from 1 to " + MAX_RECEIPT);
        }
        String cleanNote = Text.clean("note", note, 500, false);
        try {
            return apply(List.of(StockChange.receipt(sku, quantity, cleanNote))).get(0);
        } catch (UnknownSkuException e) {
            throw new UnknownSkuException(sku);
        }
    }

    /**
     * A product's opening stock is the first line of its ledger, so that for every product the
     * ledger sums to the stock. The product row already holds it; only the movement is written.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ProductsAdded event) {
        List<StockChange> openings = event.products().stream()
                .filter(p -> p.stock() > 0)
                .map(p -> StockChange.opening(p.sku().value(), p.stock()))
                .toList();
        movements.appendOpenings(openings, actors.current(), clock.millis());
    }

    public Page<Movement> movements(String sku, int page, int size) {
        Page.check(page, size);
        catalog.get(sku);
        return new Page<>(movements.page(sku, page, size), page, size, movements.count(sku));
    }
}

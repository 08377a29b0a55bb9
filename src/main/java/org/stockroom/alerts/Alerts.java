package org.stockroom.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductChanged;
import org.stockroom.catalog.ProductsAdded;
import org.stockroom.support.Actors;
import org.stockroom.support.AfterCommit;
import org.stockroom.support.NotFoundException;

/**
 * Restock alerts: one open alert per product exactly while it needs restocking. Every change is
 * decided inside the transaction that changed the product, while the product's row is locked, so
 * concurrent changes cannot open two alerts (and the database refuses a second open one anyway).
 */
@Service
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final AlertRepository alerts;
    private final Clock clock;
    private final Actors actors;
    private final ApplicationEventPublisher events;
    private final Map<AlertLevel, Counter> raised;

    Alerts(
            AlertRepository alerts,
            Clock clock,
            Actors actors,
            ApplicationEventPublisher events,
            ObjectProvider<MeterRegistry> meterRegistry) {
        this.alerts = alerts;
        MeterRegistry registry = meterRegistry.getIfAvailable(() -> Metrics.globalRegistry);
        this.raised = new EnumMap<>(AlertLevel.class);
        for (AlertLevel level : AlertLevel.values()) {
            raised.put(
                    level,
                    Counter.builder("stockroom.alerts.raised")
                            .description("Restock alerts raised, and escalated to OUT, by level")
                            .tag("level", level.name())
                            .register(registry));
        }
        this.clock = clock;
        this.actors = actors;
        this.events = events;
    }

    /**
     * Follows a change of available units by {@code delta} (a stock change, or a hold taken or given
     * back) that left the product as {@code after}; alerts follow what can be sold. Skips the
     * alert table entirely when the product needed no restocking before or after, the common case
     * on the purchase path.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<AlertChange> afterStockChange(Product after, long delta) {
        long before = after.available() - delta;
        if (before > after.reorderThreshold() && !after.needsRestock()) {
            return Optional.empty();
        }
        return reconcile(after);
    }

    /** Brings the product's alert in line with the product as it now is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<AlertChange> reconcile(Product product) {
        long now = clock.millis();
        String sku = product.sku().value();
        // A bundle's restock alerts are its components': it holds nothing to restock itself.
        if (!product.needsRestock() || product.archived() || product.isBundle()) {
            return alerts.resolve(sku, product.available(), product.reorderThreshold(), now)
                    .map(id -> publish(change(AlertChange.Type.RESOLVED, id, product)));
        }
        AlertLevel level = AlertLevel.forStock(product.available());
        Optional<AlertRepository.OpenAlert> open = alerts.findOpen(sku);
        if (open.isEmpty()) {
            Optional<Long> raised = alerts.raise(sku, level, product.available(), product.reorderThreshold(), now);
            if (raised.isPresent()) {
                return Optional.of(announce(change(AlertChange.Type.RAISED, raised.get(), product)));
            }
            // Another transaction opened the alert between the look and the insert (the unique index
            // decided); follow that one. If it is gone again, the whole transaction is retried.
            open = alerts.findOpen(sku);
            if (open.isEmpty()) {
                throw new ConcurrencyFailureException(
                        "The open restock alert of " + sku + " changed while it was being raised");
            }
        }
        if (open.get().level() == level) {
            return Optional.empty();
        }
        alerts.changeLevel(open.get().id(), level, product.available(), product.reorderThreshold(), now);
        // Going back from OUT to LOW (a small receipt) is recorded but tells nobody.
        return level == AlertLevel.OUT
                ? Optional.of(
                        announce(change(AlertChange.Type.ESCALATED, open.get().id(), product)))
                : Optional.empty();
    }

    @EventListener
    void on(ProductChanged event) {
        reconcile(event.product());
    }

    /**
     * A new product has no alert yet; only those added at or below their threshold need one, raised
     * straight away (an import adds thousands: looking for an open alert first would cost a round
     * trip each for nothing). Should one be open all the same (a SKU an undone import left behind),
     * the unique index refuses the second and the product is reconciled as any other.
     */
    @EventListener
    void on(ProductsAdded event) {
        long now = clock.millis();
        for (Product product : event.products()) {
            if (!product.needsRestock() || product.archived() || product.isBundle()) {
                continue;
            }
            Optional<Long> raised = alerts.raise(
                    product.sku().value(),
                    AlertLevel.forStock(product.available()),
                    product.available(),
                    product.reorderThreshold(),
                    now);
            if (raised.isPresent()) {
                announce(change(AlertChange.Type.RAISED, raised.get(), product));
            } else {
                reconcile(product);
            }
        }
    }

    public List<Alert> list(AlertStatus status) {
        return alerts.list(status);
    }

    public long countOpen() {
        return alerts.countOpen();
    }

    public Alert get(long id) {
        return alerts.find(id).orElseThrow(() -> new NotFoundException("unknown-alert", "No alert with id " + id));
    }

    /** Records that a person has seen the alert. Acknowledging twice keeps the first acknowledgement. */
    @Transactional
    public Alert acknowledge(long id) {
        get(id);
        alerts.acknowledge(id, actors.current(), clock.millis());
        return get(id);
    }

    private static AlertChange change(AlertChange.Type type, long id, Product p) {
        return new AlertChange(
                type,
                id,
                p.sku().value(),
                p.name(),
                AlertLevel.forStock(p.available()),
                p.available(),
                p.reorderThreshold());
    }

    /**
     * Tells listeners in this process. The event is published inside the transaction; listeners
     * that act outside the database use {@code @TransactionalEventListener} so that a rolled-back
     * change is never announced.
     */
    private AlertChange publish(AlertChange change) {
        events.publishEvent(change);
        return change;
    }

    private AlertChange announce(AlertChange change) {
        publish(change);
        Counter counter = raised.get(change.level());
        // Counted and logged once committed: a purchase that rolls back raised nothing.
        AfterCommit.run(() -> {
            counter.increment();
            log.warn(
                    "restock alert {}: sku={} level={} stock={} threshold={} alert={}",
                    change.type().event(),
                    change.sku(),
                    change.level(),
                    change.stock(),
                    change.reorderThreshold(),
                    change.alertId());
        });
        return change;
    }
}

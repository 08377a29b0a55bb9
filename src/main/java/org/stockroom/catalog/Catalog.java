package org.stockroom.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Page;
import org.stockroom.support.StockroomProperties;

/** The catalog: products, their descriptive fields, archiving. Stock is the {@code stock} package's. */
@Service
public class Catalog {

    private final ProductRepository products;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int currencyScale;

    Catalog(ProductRepository products, ApplicationEventPublisher events, Clock clock, StockroomProperties properties) {
        this.products = products;
        this.events = events;
        this.clock = clock;
        this.currencyScale = properties.currencyScale();
    }

    @Transactional
    public Product add(NewProduct product) {
        checkCurrencyScale(product.price(), "price");
        checkCurrencyScale(product.cost(), "cost");
        if (!products.insert(product, clock.millis())) {
            throw new DuplicateSkuException(product.sku());
        }
        Product added = get(product.sku());
        events.publishEvent(new ProductsAdded(List.of(added)));
        return added;
    }

    /**
     * Adds many products with batched statements (an import of a whole catalog). All or none:
     * a SKU that exists already refuses the whole batch.
     */
    @Transactional
    public List<Product> addAll(List<NewProduct> newProducts) {
        for (NewProduct product : newProducts) {
            checkCurrencyScale(product.price(), "price");
            checkCurrencyScale(product.cost(), "cost");
        }
        long now = clock.millis();
        List<String> taken = products.insertAll(newProducts, now);
        if (!taken.isEmpty()) {
            throw new DuplicateSkuException(taken);
        }
        java.time.Instant at = java.time.Instant.ofEpochMilli(now);
        List<Product> added = newProducts.stream()
                .map(p -> new Product(
                        new Sku(p.sku()),
                        p.name(),
                        p.price().setScale(currencyScale),
                        p.stock(),
                        0,
                        0,
                        p.reorderThreshold(),
                        0,
                        p.cost() == null ? null : p.cost().setScale(currencyScale),
                        p.reorderQuantity(),
                        p.leadTimeDays(),
                        p.supplier(),
                        p.barcode(),
                        false,
                        at,
                        at))
                .toList();
        events.publishEvent(new ProductsAdded(added));
        return added;
    }

    public Product get(String sku) {
        return products.find(sku).orElseThrow(() -> new UnknownSkuException(sku));
    }

    public Optional<Product> find(String sku) {
        return products.find(sku);
    }

    public List<Product> findAll(List<String> skus) {
        return products.findAll(skus);
    }

    public Page<Product> list(ProductQuery query) {
        return new Page<>(products.page(query), query.page(), query.size(), products.count(query));
    }

    public StockCounts counts() {
        return products.counts();
    }

    @Transactional
    public Product update(String sku, ProductChanges changes) {
        checkCurrencyScale(changes.price(), "price");
        if (changes.cost() != null) {
            checkCurrencyScale(changes.cost().orElse(null), "cost");
        }
        get(sku);
        products.update(sku, changes, clock.millis());
        Product updated = get(sku);
        events.publishEvent(new ProductChanged(updated));
        return updated;
    }

    /**
     * Renames a supplier on every product that names it (the supplier records are purchasing's; a
     * product names its supplier by name). Answers how many products changed.
     */
    @Transactional
    public int renameSupplier(String from, String to) {
        return products.renameSupplier(from, to, clock.millis());
    }

    /** Archives the product: its history stays, it can no longer be sold or received. Archiving twice is harmless. */
    @Transactional
    public Product archive(String sku) {
        return setArchived(sku, true);
    }

    @Transactional
    public Product restore(String sku) {
        return setArchived(sku, false);
    }

    private Product setArchived(String sku, boolean archived) {
        get(sku);
        if (products.setArchived(sku, archived, clock.millis())) {
            Product changed = get(sku);
            events.publishEvent(new ProductChanged(changed));
            return changed;
        }
        return get(sku);
    }

    /**
     * Sets the cost of a product that has just received {@code quantity} units at {@code unitCost}
     * (its row, as {@code received}, already counts them) to the moving average. The receipt's
     * update holds the product's row lock until the transaction ends (PostgreSQL; SQLite holds the
     * whole database), so no other change of its stock or cost can come between that statement and
     * this one: the average is computed from exactly the stock and cost the receipt met.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Product averageCost(Product received, long quantity, java.math.BigDecimal unitCost) {
        java.math.BigDecimal cost = received.costAfterReceiving(quantity, unitCost, currencyScale);
        return products.setCost(received.sku().value(), cost, clock.millis());
    }

    private void checkCurrencyScale(java.math.BigDecimal amount, String field) {
        if (amount != null && amount.stripTrailingZeros().scale() > currencyScale) {
            throw new InvalidRequestException(field, "must have at most " + currencyScale + " decimal places");
        }
    }
}

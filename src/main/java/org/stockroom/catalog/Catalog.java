package org.stockroom.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.support.AuditTrail;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Money;
import org.stockroom.support.NotFoundException;
import org.stockroom.support.Page;
import org.stockroom.support.StockroomProperties;

/** The catalog: products, their descriptive fields, archiving. Stock is the {@code stock} package's. */
@Service
public class Catalog {

    private final ProductRepository products;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int currencyScale;

    private final AuditTrail audit;
    private volatile java.util.Set<String> knownBundles;

    Catalog(
            ProductRepository products,
            ApplicationEventPublisher events,
            Clock clock,
            StockroomProperties properties,
            AuditTrail audit) {
        this.audit = audit;
        this.products = products;
        this.events = events;
        this.clock = clock;
        this.currencyScale = properties.currencyScale();
    }

    @Transactional
    public Product add(NewProduct product) {
        checkCurrencyScale(product.price(), "price");
        checkCurrencyScale(product.cost(), "cost");
        if (!product.components().isEmpty() && product.stock() != 0) {
            throw new BundleHasNoStockException(List.of(product.sku()));
        }
        if (!products.insert(product, clock.millis())) {
            throw new DuplicateSkuException(product.sku());
        }
        addRecipes(List.of(product));
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
        List<String> stocked = newProducts.stream()
                .filter(p -> !p.components().isEmpty() && p.stock() != 0)
                .map(NewProduct::sku)
                .toList();
        if (!stocked.isEmpty()) {
            throw new BundleHasNoStockException(stocked);
        }
        long now = clock.millis();
        List<String> taken = products.insertAll(newProducts, now);
        if (!taken.isEmpty()) {
            throw new DuplicateSkuException(taken);
        }
        addRecipes(newProducts);
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
                        at,
                        p.group(),
                        p.options(),
                        p.stockTracked() && p.components().isEmpty(),
                        p.components(),
                        p.imageUrl()))
                .toList();
        events.publishEvent(new ProductsAdded(added));
        return added;
    }

    /**
     * Writes the recipes of the bundles among {@code added} (already inserted, with every other
     * product of their batch, so a file may list a bundle beside its components). A component must
     * exist, be for sale and hold stock itself: bundles do not nest, which with recipes that never
     * change once written means no bundle can contain itself, directly or not.
     */
    private void addRecipes(List<NewProduct> added) {
        List<NewProduct> bundles =
                added.stream().filter(p -> !p.components().isEmpty()).toList();
        if (bundles.isEmpty()) {
            return;
        }
        // Known before the commit: should it roll back, a SKU wrongly known costs a look-up, never a wrong sale.
        bundles.forEach(b -> knownBundles().add(b.sku()));
        java.util.Set<String> wanted = new java.util.TreeSet<>();
        for (NewProduct b : bundles) {
            for (BundleComponent c : b.components()) {
                if (c.sku().equals(b.sku())) {
                    throw BundleRecipeException.cycle(b.sku());
                }
                wanted.add(c.sku());
            }
        }
        Map<String, ProductRepository.ComponentState> found = new HashMap<>();
        List<String> chunked = List.copyOf(wanted);
        for (int from = 0; from < chunked.size(); from += 1000) {
            products.componentStates(chunked.subList(from, Math.min(chunked.size(), from + 1000)))
                    .forEach(c -> found.put(c.sku(), c));
        }
        List<String> unknown =
                chunked.stream().filter(s -> !found.containsKey(s)).toList();
        if (!unknown.isEmpty()) {
            throw BundleRecipeException.unknown(unknown);
        }
        List<String> nested =
                chunked.stream().filter(s -> found.get(s).bundle()).toList();
        if (!nested.isEmpty()) {
            throw BundleRecipeException.nested(nested);
        }
        List<String> archived =
                chunked.stream().filter(s -> found.get(s).archived()).toList();
        if (!archived.isEmpty()) {
            throw BundleRecipeException.archived(archived);
        }
        products.insertRecipes(bundles);
    }

    /**
     * The bundles among {@code skus} as stored, by SKU: what a sale, a hold or a return expands into
     * component units. Empty when none is a bundle (one indexed look-up, the common case).
     */
    public Map<String, Product> bundlesAmong(java.util.Collection<String> skus) {
        Map<String, Product> bundles = new java.util.TreeMap<>();
        if (!skus.isEmpty()) {
            products.bundlesAmong(skus).forEach(b -> bundles.put(b.sku().value(), b));
        }
        knownBundles().addAll(bundles.keySet());
        return bundles;
    }

    /**
     * {@link #bundlesAmong}, without asking the database when none of {@code skus} is a bundle this
     * instance knows of: for sales, which would otherwise pay a round trip each to learn that
     * ordinary products are not bundles. A product is a bundle from its creation on (recipes never
     * change), so what this instance learnt stays true; a bundle made by another instance since is
     * not known yet, and the take statement refuses to move a bundle's own stock, so such a sale is
     * refused and its caller learns the bundle ({@link #learnBundles}) and runs again.
     */
    public Map<String, Product> knownBundlesAmong(java.util.Collection<String> skus) {
        java.util.Set<String> known = knownBundles();
        return skus.stream().anyMatch(known::contains) ? bundlesAmong(skus) : new java.util.TreeMap<>();
    }

    /** Whether any of {@code skus} is a bundle; the ones that are become known to {@link #knownBundlesAmong}. */
    public boolean learnBundles(java.util.Collection<String> skus) {
        return !bundlesAmong(skus).isEmpty();
    }

    /** Forgets the bundles this instance knows of, as if another instance had made them all since; for tests. */
    void forgetKnownBundles() {
        knownBundles = java.util.concurrent.ConcurrentHashMap.newKeySet();
    }

    /** Bundles made on this instance or seen in the database; read once, on first need. */
    private java.util.Set<String> knownBundles() {
        java.util.Set<String> known = knownBundles;
        if (known == null) {
            known = java.util.concurrent.ConcurrentHashMap.newKeySet();
            known.addAll(products.bundleSkus());
            knownBundles = known;
        }
        return known;
    }

    /** The bundles that have any of {@code skus} among their components, in SKU order. */
    public List<String> bundlesContaining(java.util.Collection<String> skus) {
        return skus.isEmpty() ? List.of() : products.bundlesContaining(skus);
    }

    public Product get(String sku) {
        return products.find(sku).orElseThrow(() -> new UnknownSkuException(sku));
    }

    public Optional<Product> find(String sku) {
        return products.find(sku);
    }

    /** The product with this barcode (a product for sale before an archived one), or 404 {@code unknown-barcode}. */
    public Product byBarcode(String barcode) {
        return products.findByBarcode(barcode)
                .orElseThrow(() -> new NotFoundException("unknown-barcode", "No product with barcode " + barcode));
    }

    /**
     * Gives their words to products created before the search index existed (see {@link
     * SearchIndexBackfill}); every later write keeps them current.
     */
    @Transactional
    public void indexUnindexedProducts() {
        List<String> missing = products.unindexed();
        if (!missing.isEmpty()) {
            products.reindex(missing);
        }
    }

    /**
     * Applies one change to many products in one transaction: every product changes or none does.
     * Each changed product is announced (alerts follow a new threshold at once), and the edit is
     * audited once, naming how many products it touched.
     */
    @Transactional
    public BulkEdit.Result bulkEdit(BulkEdit edit) {
        List<String> skus;
        if (edit.skus() != null) {
            skus = edit.skus();
            List<String> known = new ArrayList<>();
            for (int from = 0; from < skus.size(); from += 1000) {
                products.findAll(skus.subList(from, Math.min(skus.size(), from + 1000))).stream()
                        .map(p -> p.sku().value())
                        .forEach(known::add);
            }
            if (known.size() != skus.size()) {
                var knownSet = new java.util.HashSet<>(known);
                throw new UnknownSkuException(
                        skus.stream().filter(s -> !knownSet.contains(s)).toList());
            }
        } else {
            skus = products.skusMatching(edit.filter(), BulkEdit.MAX_PRODUCTS + 1);
            if (skus.size() > BulkEdit.MAX_PRODUCTS) {
                throw new InvalidRequestException(
                        "filter", "matches more than " + BulkEdit.MAX_PRODUCTS + " products; narrow it down");
            }
        }
        long now = clock.millis();
        ProductChanges fields = edit.fieldChanges();
        if (!fields.isEmpty()) {
            products.updateAll(skus, fields, now);
        }
        if (edit.pricePercent() != null) {
            products.setPrices(newPrices(products.prices(skus), edit.pricePercent()), now);
        }
        if (edit.archive()) {
            products.archiveAll(skus, now);
        }
        for (int from = 0; from < skus.size(); from += 1000) {
            products.findAll(skus.subList(from, Math.min(skus.size(), from + 1000)))
                    .forEach(p -> events.publishEvent(new ProductChanged(p)));
        }
        audit.record("products.bulk-edited", skus.size() + " products", describe(edit, skus));
        return new BulkEdit.Result(skus.size(), skus.size(), skus);
    }

    private Map<String, Long> newPrices(Map<String, Long> stored, BigDecimal percent) {
        BigDecimal factor = BigDecimal.ONE.add(percent.movePointLeft(2));
        Map<String, Long> changed = new HashMap<>();
        List<String> tooHigh = new ArrayList<>();
        stored.forEach((sku, column) -> {
            BigDecimal price = Money.fromColumn(column, currencyScale)
                    .multiply(factor)
                    .setScale(currencyScale, RoundingMode.HALF_UP);
            if (price.compareTo(Money.MAX) >= 0) {
                tooHigh.add(sku);
            } else {
                changed.put(sku, Money.toColumn(price));
            }
        });
        if (!tooHigh.isEmpty()) {
            java.util.Collections.sort(tooHigh);
            throw new InvalidRequestException(
                    "pricePercent",
                    "would take the price of " + String.join(", ", tooHigh.subList(0, Math.min(10, tooHigh.size())))
                            + " to " + Money.MAX.toPlainString() + " or more");
        }
        return changed;
    }

    private static String describe(BulkEdit edit, List<String> skus) {
        List<String> parts = new ArrayList<>();
        if (edit.reorderThreshold() != null) {
            parts.add("reorderThreshold=" + edit.reorderThreshold());
        }
        if (edit.reorderQuantity() != null) {
            parts.add("reorderQuantity="
                    + edit.reorderQuantity().map(String::valueOf).orElse("none"));
        }
        if (edit.leadTimeDays() != null) {
            parts.add("leadTimeDays=" + edit.leadTimeDays().map(String::valueOf).orElse("none"));
        }
        if (edit.supplier() != null) {
            parts.add("supplier=" + edit.supplier().orElse("none"));
        }
        if (edit.pricePercent() != null) {
            parts.add("price " + (edit.pricePercent().signum() >= 0 ? "+" : "")
                    + edit.pricePercent().toPlainString() + "%");
        }
        if (edit.archive()) {
            parts.add("archived");
        }
        String listed = String.join(", ", skus.subList(0, Math.min(20, skus.size())));
        return String.join("; ", parts) + " on " + listed + (skus.size() > 20 ? ", ..." : "");
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

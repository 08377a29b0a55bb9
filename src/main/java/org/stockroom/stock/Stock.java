package org.stockroom.stock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.alerts.AlertChange;
import org.stockroom.alerts.Alerts;
import org.stockroom.catalog.BundleComponent;
import org.stockroom.catalog.BundleHasNoStockException;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductsAdded;
import org.stockroom.catalog.UnknownSkuException;
import org.stockroom.support.Actors;
import org.stockroom.support.Csv;
import org.stockroom.support.DomainException;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Page;
import org.stockroom.support.StoreCalendar;
import org.stockroom.support.Text;

/**
 * The one path by which on-hand stock changes: a conditional update of the product, a ledger row
 * with the balance after, and the alert transition, all in the caller's transaction.
 */
@Service
public class Stock {

    /**
     * What one applied change did. For a bundle sold (or returned) {@code movement} is null: its
     * stock does not move; the Applied of its components carry the ledger rows. A sale made through
     * {@link #sell} has no movement yet either: its ledger row is written with its batch's.
     */
    public record Applied(Product product, Movement movement, Optional<AlertChange> alert) {}

    /**
     * A sale's ledger row, not yet written: {@link #sell} leaves it to its caller, who appends the
     * rows of all the purchases committing together in one statement ({@link #appendLedger}) before
     * they commit. Each product's row stays locked until that commit, so the ledger's ids still
     * follow the order in which each product's stock changed.
     */
    public record LedgerRow(StockChange change, long delta, long balanceAfter, String actor, long at) {}

    /** The most one receipt may bring in; a larger number is a typing mistake, not a delivery. */
    public static final long MAX_RECEIPT = 1_000_000;

    private final Catalog catalog;
    private final ObjectProvider<ExpiredHolds> expiredHolds;
    private final StockStatements rows;
    private final BackorderRepository backorders;
    private final MovementRepository movements;
    private final Alerts alerts;
    private final Actors actors;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final StoreCalendar calendar;

    Stock(
            Catalog catalog,
            ObjectProvider<ExpiredHolds> expiredHolds,
            StockStatements rows,
            BackorderRepository backorders,
            MovementRepository movements,
            Alerts alerts,
            Actors actors,
            Clock clock,
            ApplicationEventPublisher events,
            StoreCalendar calendar) {
        this.calendar = calendar;
        this.catalog = catalog;
        this.rows = rows;
        this.backorders = backorders;
        this.expiredHolds = expiredHolds;
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
        return apply(changes, actors.current());
    }

    /**
     * {@link #apply(List)} on behalf of {@code actor}: for work done on another thread than the
     * request's, such as purchases committed together by a writer thread.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Applied> apply(List<StockChange> changes, String actor) {
        return apply(changes, actor, null);
    }

    /**
     * {@link #apply(List, String)} for sales, each one's ledger row given to {@code ledger} rather
     * than written (their Applied carry no movement): for purchases committed together, whose ledger
     * rows reach the database in one statement per batch. Only sales: a change that adds units may
     * fill backorders, whose ledger rows must follow its own. A sale refused for want of units may
     * still expire due holds, whose units fill backorders with rows written at once; that cannot put
     * a fill ahead of a batch's earlier, unwritten sale of the same product, because backorders are
     * filled the moment units become available: a product that owes units has none available, so
     * no earlier sale in the batch took it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Applied> sell(List<StockChange> sales, String actor, Consumer<LedgerRow> ledger) {
        if (sales.stream().anyMatch(c -> c.type() != MovementType.SALE || c.isCount() || c.delta() >= 0)) {
            throw new IllegalArgumentException("only sales leave their ledger rows to the caller");
        }
        return apply(sales, actor, java.util.Objects.requireNonNull(ledger));
    }

    /** Applies the changes; their ledger rows are written now, or given to {@code ledger} when there is one. */
    private List<Applied> apply(List<StockChange> changes, String actor, Consumer<LedgerRow> ledger) {
        List<String> skus = changes.stream().map(StockChange::sku).distinct().toList();
        // Sales ask the database only about bundles this instance knows of (one round trip less per
        // purchase); the take statement never moves a bundle's own stock, so one it does not know is
        // refused below, learnt, and the transaction runs again.
        Map<String, Product> bundles = ledger == null ? catalog.bundlesAmong(skus) : catalog.knownBundlesAmong(skus);
        // A bundle sold or returned becomes its components' units, in the same ordered statements as
        // every other line; its own row only counts units sold (and refuses when archived).
        List<StockChange> ordered = (bundles.isEmpty() ? changes : expand(changes, bundles))
                .stream().sorted(Comparator.comparing(StockChange::sku)).toList();
        List<Applied> applied = new ArrayList<>(ordered.size());
        List<StockChange> refused = new ArrayList<>();
        long now = clock.millis();
        for (StockChange change : ordered) {
            (bundles.containsKey(change.sku()) ? tryBundle(change, now) : tryApply(change, actor, now, ledger))
                    .ifPresentOrElse(applied::add, () -> refused.add(change));
        }
        if (!refused.isEmpty()
                && ledger != null
                && catalog.learnBundles(refused.stream()
                        .map(StockChange::sku)
                        .filter(sku -> !bundles.containsKey(sku))
                        .toList())) {
            throw new ConcurrencyFailureException(
                    "A bundle made by another instance was sold as a product; the transaction runs again with its components");
        }
        if (!refused.isEmpty()) {
            // Units held past their expiry come back, and the refused changes may fit now: released
            // here, or by a sweeper that expired them first (this waited for their rows until it
            // committed, and then found none left to release), so the retry does not depend on who
            // released them. Only on this path, so the sweeper's lag never refuses a sale and the
            // common path pays nothing.
            releaseDueHolds(refused.stream().map(StockChange::sku).toList());
            refused.removeIf(change -> (bundles.containsKey(change.sku())
                            ? tryBundle(change, now)
                            : tryApply(change, actor, now, ledger))
                    .map(applied::add)
                    .orElse(false));
            applied.sort(Comparator.comparing(a -> a.product().sku().value()));
        }
        if (!refused.isEmpty()) {
            // The caller's transaction rolls back, taking the changes that were applied with it.
            throw explainRefusal(refused.stream()
                    .map(c -> new StockRequest(c.sku(), c.requested()))
                    .toList());
        }
        return applied;
    }

    /**
     * The changes with every bundle's change followed by its components' (a unit of the bundle is
     * {@code quantity} units of each), changes of one SKU of one kind added together, so one
     * statement per product meets its whole demand and a shortage reports it whole. Only sales and
     * returns may name a bundle: anything else would give it stock of its own.
     */
    private static List<StockChange> expand(List<StockChange> changes, Map<String, Product> bundles) {
        List<String> stocked = changes.stream()
                .filter(c -> bundles.containsKey(c.sku()) && (c.isCount() || c.soldDelta() == 0))
                .map(StockChange::sku)
                .distinct()
                .toList();
        if (!stocked.isEmpty()) {
            throw new BundleHasNoStockException(stocked);
        }
        Map<List<Object>, StockChange> merged = new java.util.LinkedHashMap<>();
        for (StockChange change : changes) {
            Product bundle = bundles.get(change.sku());
            List<StockChange> parts = new ArrayList<>();
            parts.add(change);
            if (bundle != null) {
                for (BundleComponent c : bundle.components()) {
                    parts.add(new StockChange(
                            c.sku(),
                            Math.multiplyExact(change.delta(), c.quantity()),
                            Math.multiplyExact(change.soldDelta(), c.quantity()),
                            change.type(),
                            change.reason(),
                            change.note(),
                            change.purchaseId()));
                }
            }
            for (StockChange part : parts) {
                if (part.isCount() || part.unitCost() != null) {
                    merged.put(List.of(part, merged.size()), part);
                    continue;
                }
                List<Object> key =
                        java.util.Arrays.asList(part.sku(), part.type(), part.reason(), part.note(), part.purchaseId());
                merged.merge(
                        key,
                        part,
                        (a, b) -> new StockChange(
                                a.sku(),
                                a.delta() + b.delta(),
                                a.soldDelta() + b.soldDelta(),
                                a.type(),
                                a.reason(),
                                a.note(),
                                a.purchaseId()));
            }
        }
        return List.copyOf(merged.values());
    }

    /** A bundle's own row: units sold only; its Applied carries no movement and no alert (they are its components'). */
    private Optional<Applied> tryBundle(StockChange change, long now) {
        return rows.sellBundle(change.sku(), change.soldDelta(), now).map(p -> new Applied(p, null, Optional.empty()));
    }

    /** One conditional statement and, when it matched, the ledger row and the alert transition. */
    private Optional<Applied> tryApply(StockChange change, String actor, long now, Consumer<LedgerRow> ledger) {
        Optional<StockStatements.Changed> after = change.isCount()
                ? rows.count(change.sku(), change.countedQuantity(), now)
                : rows.change(change.sku(), change.delta(), change.soldDelta(), now)
                        .map(p -> new StockStatements.Changed(p, change.delta()));
        if (after.isEmpty()) {
            return Optional.empty();
        }
        Product product = after.get().product();
        long delta = after.get().delta();
        if (change.unitCost() != null) {
            product = catalog.averageCost(product, delta, change.unitCost());
        }
        Movement movement = null;
        if (ledger == null) {
            movement = movements.append(change, delta, product.stock(), actor, now);
        } else {
            ledger.accept(new LedgerRow(change, delta, product.stock(), actor, now));
        }
        long availableDelta = delta;
        if (delta > 0 && product.backordered() > 0) {
            // Units a purchase gives back settle what that purchase still owes before any other
            // backorder: a returned bundle puts back all its components' units, those its own
            // backorder never delivered too, and they must not reach another customer's order.
            String giver = change.type() == MovementType.ADJUSTMENT
                            && AdjustmentReason.RETURN.name().equals(change.reason())
                    ? change.purchaseId()
                    : null;
            Product filled = fill(product, giver, actor, now);
            availableDelta -= product.stock() - filled.stock();
            product = filled;
        }
        if (change.type() == MovementType.RECEIPT) {
            events.publishEvent(new StockReceived(product, movement));
        }
        events.publishEvent(new AvailableChanged(product.sku().value()));
        return Optional.of(new Applied(product, movement, alerts.afterStockChange(product, availableDelta)));
    }

    /**
     * Fills the product's open backorders, oldest first, from its available units, before anything
     * else can see them available: in the transaction that brought the units in, which holds the
     * product's row lock (so the open rows read here are the ones there are). Each fill is a SALE
     * movement with reason {@code BACKORDER} and the owing purchase's id, so the ledger still sums
     * to the stock. Units sold do not move: the purchase counted them when it was made. The
     * backorders of {@code firstOf} (a purchase giving units back; null for none) come first.
     */
    private Product fill(Product product, String firstOf, String actor, long now) {
        String sku = product.sku().value();
        long room = product.available();
        List<Backorder> queue = new ArrayList<>(backorders.open(sku));
        if (firstOf != null) {
            // A stable sort: the giver's first, each group still oldest first.
            queue.sort(Comparator.comparing(b -> !firstOf.equals(b.purchaseId())));
        }
        for (Backorder open : queue) {
            if (room == 0) {
                break;
            }
            long units = Math.min(room, open.owed());
            if (!backorders.fill(open.id(), units, now)) {
                throw new IllegalStateException("Backorder " + open.id() + " changed under its product's lock");
            }
            product = rows.fill(sku, units, now)
                    .orElseThrow(() -> new IllegalStateException(
                            "Backorder " + open.id() + " owes units that " + sku + " does not count as backordered"));
            movements.append(
                    StockChange.backorderFilled(sku, units, open.purchaseId(), open.id()),
                    -units,
                    product.stock(),
                    actor,
                    now);
            room -= units;
        }
        return product;
    }

    /** A line of a purchase that may owe what stock cannot cover. */
    public record Take(String sku, long quantity) {
        public Take {
            if (quantity < 1) {
                throw new IllegalArgumentException("a take is of at least one unit");
            }
        }
    }

    /**
     * What a line of a purchase allowing backorders did: {@code taken} units from stock now, and the
     * backorder for the rest when stock could not cover it.
     */
    public record Taken(
            Product product, long quantity, long taken, Optional<Backorder> backorder, Optional<AlertChange> alert) {}

    /**
     * Takes every line, each as far as available stock covers it, and records the rest of each as an
     * open backorder of {@code purchaseId}: one conditional statement per line (in SKU order) takes
     * {@code min(available, quantity)}, so racing takes and receipts never oversell. The units taken
     * are a SALE in the ledger; owed units count in the product's {@code backordered} and are
     * announced ({@link BackorderCreated}). Refused, changing nothing, only for unknown or archived
     * products.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Taken> takeAllowingBackorder(List<Take> lines, String purchaseId, String channel, String actor) {
        Map<String, Product> bundles =
                catalog.bundlesAmong(lines.stream().map(Take::sku).distinct().toList());
        // A bundle owes its components' units: its own row only counts units sold, and the
        // components are taken (and owed) with every other line, one statement per product in SKU order.
        Map<String, Long> merged = new java.util.TreeMap<>();
        for (Take l : lines) {
            merged.merge(l.sku(), l.quantity(), Long::sum);
            Product bundle = bundles.get(l.sku());
            if (bundle != null) {
                bundle.components()
                        .forEach(c -> merged.merge(c.sku(), Math.multiplyExact(l.quantity(), c.quantity()), Long::sum));
            }
        }
        long now = clock.millis();
        List<Taken> done = new ArrayList<>(merged.size());
        List<StockRequest> refused = new ArrayList<>();
        merged.forEach((sku, quantity) -> {
            if (bundles.containsKey(sku)) {
                rows.sellBundle(sku, quantity, now)
                        .ifPresentOrElse(
                                p -> done.add(new Taken(p, quantity, quantity, Optional.empty(), Optional.empty())),
                                () -> refused.add(new StockRequest(sku, quantity)));
                return;
            }
            Optional<StockStatements.Changed> after = rows.takeUpTo(sku, quantity, now);
            if (after.isEmpty()) {
                refused.add(new StockRequest(sku, quantity));
                return;
            }
            Product product = after.get().product();
            long taken = -after.get().delta();
            if (taken > 0) {
                movements.append(StockChange.sale(sku, taken, purchaseId), -taken, product.stock(), actor, now);
            }
            Optional<Backorder> owed = Optional.empty();
            long availableDelta = -taken;
            if (taken < quantity) {
                Backorder backorder = backorders.insert(sku, quantity - taken, purchaseId, channel, now);
                if (releaseDueHolds(List.of(sku))) {
                    // Units held past their expiry came back: they fill what is owed, oldest first.
                    Product before = catalog.get(sku);
                    Product filled = fill(before, null, actor, now);
                    availableDelta += before.available() - filled.available();
                    product = filled;
                    backorder = backorders.find(backorder.id()).orElseThrow();
                }
                owed = Optional.of(backorder);
                if (backorder.owed() > 0) {
                    events.publishEvent(new BackorderCreated(backorder, product));
                }
            }
            if (taken > 0 || availableDelta != -taken) {
                events.publishEvent(new AvailableChanged(sku));
            }
            done.add(new Taken(product, quantity, taken, owed, alerts.afterStockChange(product, availableDelta)));
        });
        if (!refused.isEmpty()) {
            throw explainRefusal(refused);
        }
        return done;
    }

    /**
     * Cancels an open backorder: its units are owed no more (nor sold), stock does not move. The
     * product's row is locked first, in the order a receipt's fill locks them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Backorder cancelBackorder(long id) {
        Backorder backorder = backorder(id);
        if (!rows.lock(backorder.sku())) {
            throw new IllegalStateException("Backorder " + id + " names no product");
        }
        long now = clock.millis();
        Backorder cancelled = backorders
                .cancel(id, now)
                .orElseThrow(
                        () -> new BackorderNotOpenException(id, backorder(id).status()));
        long owed = cancelled.quantity() - cancelled.filled();
        rows.unowe(cancelled.sku(), owed, now)
                .orElseThrow(() -> new IllegalStateException(
                        "Backorder " + id + " owes units that " + cancelled.sku() + " does not count as backordered"));
        return cancelled;
    }

    /** One backorder, or 404 {@code unknown-backorder}. */
    public Backorder backorder(long id) {
        return backorders
                .find(id)
                .orElseThrow(() ->
                        new org.stockroom.support.NotFoundException("unknown-backorder", "No backorder with id " + id));
    }

    /** Backorders newest first, at most {@code limit}; {@code status} null for all. */
    public List<Backorder> backorders(Backorder.Status status, int limit) {
        return backorders.list(status, limit);
    }

    /** The backorders of one purchase. */
    public List<Backorder> backordersOf(String purchaseId) {
        return backorders.ofPurchase(purchaseId);
    }

    /** A line of a reservation: units of one product to hold or give back. */
    public record Hold(String sku, long quantity) {
        public Hold {
            if (quantity < 1) {
                throw new IllegalArgumentException("a hold is of at least one unit");
            }
        }
    }

    /**
     * Holds every line's units or none, from what is available (on hand and not held), in SKU
     * order. Holds do not touch the ledger: stock on hand does not move. A refusal explains itself
     * as a purchase's does (unknown, archived, or short against {@code available}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Product> hold(List<Hold> holds) {
        Map<String, Product> bundles =
                catalog.bundlesAmong(holds.stream().map(Hold::sku).distinct().toList());
        List<String> archivedBundles = bundles.values().stream()
                .filter(Product::archived)
                .map(p -> p.sku().value())
                .toList();
        if (!archivedBundles.isEmpty()) {
            throw new ProductArchivedException(archivedBundles);
        }
        // Holding a bundle holds its components' units; the bundle's own row holds nothing.
        List<Hold> ordered = merged(components(holds, bundles));
        long now = clock.millis();
        List<Product> held = new ArrayList<>(ordered.size());
        List<Hold> refused = new ArrayList<>();
        for (Hold h : ordered) {
            tryHold(h, now).ifPresentOrElse(held::add, () -> refused.add(h));
        }
        if (!refused.isEmpty()) {
            // As for a sale: retried whoever released the due holds.
            releaseDueHolds(refused.stream().map(Hold::sku).toList());
            refused.removeIf(h -> tryHold(h, now).map(held::add).orElse(false));
        }
        if (!refused.isEmpty()) {
            throw explainRefusal(refused.stream()
                    .map(h -> new StockRequest(h.sku(), h.quantity()))
                    .toList());
        }
        return held;
    }

    private Optional<Product> tryHold(Hold h, long now) {
        Optional<Product> after = rows.hold(h.sku(), h.quantity(), now);
        after.ifPresent(p -> {
            alerts.afterStockChange(p, -h.quantity());
            events.publishEvent(new AvailableChanged(p.sku().value()));
        });
        return after;
    }

    /**
     * Gives held units back to the buyer who commits the hold, in SKU order: the caller sells them
     * next in the same transaction, so nothing else may take them. Giving back more than is held
     * would mean the holds' bookkeeping is wrong, so it fails (and the caller's transaction rolls
     * back) rather than hide it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Product> unhold(List<Hold> holds) {
        return unhold(holds, false);
    }

    /**
     * Gives held units back to the shelf (a hold released or expired), in SKU order: like units a
     * receipt brings in, they settle open backorders oldest first before they become available, so a
     * new buyer never takes what an earlier customer is still owed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Product> giveBack(List<Hold> holds) {
        return unhold(holds, true);
    }

    private List<Product> unhold(List<Hold> holds, boolean owedFirst) {
        long now = clock.millis();
        List<Product> after = new ArrayList<>();
        Map<String, Product> bundles =
                catalog.bundlesAmong(holds.stream().map(Hold::sku).distinct().toList());
        // A held bundle's own row holds nothing, but it is locked in its place among its components'
        // rows: a commit gives the units back and then sells the bundle, and a sale locks the bundle's
        // row in SKU order with its components'. Locked after them, a commit and a sale of a bundle
        // that sorts before a component would each hold what the other waits for.
        Map<String, Long> units = new java.util.TreeMap<>();
        merged(components(holds, bundles)).forEach(h -> units.put(h.sku(), h.quantity()));
        bundles.keySet().forEach(bundle -> units.put(bundle, 0L));
        units.forEach((sku, quantity) -> {
            if (quantity == 0) {
                rows.lock(sku);
                return;
            }
            Product p = rows.unhold(sku, quantity, now)
                    .orElseThrow(() ->
                            new IllegalStateException("Fewer than " + quantity + " units of " + sku + " are held"));
            long availableDelta = quantity;
            if (owedFirst && p.backordered() > 0) {
                Product filled = fill(p, null, actors.current(), now);
                availableDelta -= p.stock() - filled.stock();
                p = filled;
            }
            alerts.afterStockChange(p, availableDelta);
            events.publishEvent(new AvailableChanged(p.sku().value()));
            after.add(p);
        });
        return after;
    }

    /** The holds with each bundle's replaced by its components' units (its recipe never changes, so a release gives back what was held). */
    private static List<Hold> components(List<Hold> holds, Map<String, Product> bundles) {
        if (bundles.isEmpty()) {
            return holds;
        }
        List<Hold> expanded = new ArrayList<>();
        for (Hold h : holds) {
            Product bundle = bundles.get(h.sku());
            if (bundle == null) {
                expanded.add(h);
            } else {
                bundle.components()
                        .forEach(c -> expanded.add(new Hold(c.sku(), Math.multiplyExact(h.quantity(), c.quantity()))));
            }
        }
        return expanded;
    }

    private static List<Hold> merged(List<Hold> holds) {
        Map<String, Long> bySku = new java.util.TreeMap<>();
        holds.forEach(h -> bySku.merge(h.sku(), h.quantity(), Long::sum));
        return bySku.entrySet().stream()
                .map(e -> new Hold(e.getKey(), e.getValue()))
                .toList();
    }

    private boolean releaseDueHolds(List<String> skus) {
        ExpiredHolds due = expiredHolds.getIfAvailable();
        if (due == null) {
            return false;
        }
        // A reservation of a bundle holds these products' units under the bundle's SKU.
        List<String> holders = new ArrayList<>(skus);
        holders.addAll(catalog.bundlesContaining(skus));
        return due.releaseDue(holders);
    }

    /** A request to take {@code quantity} units of {@code sku} that could not be met. */
    private record StockRequest(String sku, long quantity) {}

    /**
     * Why stock changes that matched no row were refused, worked out only on this failure path, with
     * every problem listed: unknown SKUs first, then archived products, then shortages.
     */
    private DomainException explainRefusal(List<StockRequest> requests) {
        List<String> wanted = requests.stream().map(StockRequest::sku).toList();
        Map<String, Product> found = new HashMap<>();
        catalog.findAll(wanted).forEach(p -> found.put(p.sku().value(), p));
        List<String> unknown =
                wanted.stream().filter(s -> !found.containsKey(s)).toList();
        if (!unknown.isEmpty()) {
            return new UnknownSkuException(unknown);
        }
        List<String> archived =
                wanted.stream().filter(s -> found.get(s).archived()).toList();
        if (!archived.isEmpty()) {
            return new ProductArchivedException(archived);
        }
        List<InsufficientStockException.Shortage> shortages = new ArrayList<>();
        for (StockRequest r : requests) {
            shortages.add(new InsufficientStockException.Shortage(
                    r.sku(), r.quantity(), found.get(r.sku()).available()));
        }
        return new InsufficientStockException(shortages);
    }

    /** Writes sales' ledger rows left by {@link #sell}, in one statement, in the order given. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendLedger(List<LedgerRow> rows) {
        movements.appendAll(rows);
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
     * Corrects a product's stock with a reason: by a delta, or to a counted quantity (the delta is
     * then computed by the database from the stock the count replaces). Below zero is refused as
     * insufficient stock; the alert follows as it does for a purchase.
     */
    @Transactional
    public Applied adjust(String sku, Adjustment adjustment) {
        try {
            return apply(List.of(adjustment.toChange(sku))).get(0);
        } catch (UnknownSkuException e) {
            throw new UnknownSkuException(sku);
        }
    }

    public Page<Movement> movements(String sku, int page, int size) {
        return movements(new MovementQuery(sku, null, null, null, page, size));
    }

    /** A product's ledger, newest first, optionally of one type and within dates of the store's calendar. */
    public Page<Movement> movements(MovementQuery query) {
        catalog.get(query.sku());
        Long from = calendar.startOf(query.from());
        Long to = calendar.endOf(query.to());
        return new Page<>(
                movements.page(query.sku(), query.type(), from, to, query.page(), query.size()),
                query.page(),
                query.size(),
                movements.count(query.sku(), query.type(), from, to));
    }

    /**
     * Every movement of every product between two dates of the store's calendar (both inclusive,
     * either open), oldest first, handed to {@code sink} one at a time so an export of years of
     * history never sits in memory.
     */
    public void forEachMovement(LocalDate from, LocalDate to, String sku, Consumer<Movement> sink) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (sku != null) {
            catalog.get(sku);
        }
        movements.forEach(calendar.startOf(from), calendar.endOf(to), sku, sink);
    }

    /**
     * Writes the movements of {@link #forEachMovement} as CSV with a header line: the ledger's
     * fields, plus the date of each movement in the store's calendar. Text cells are neutralized
     * against spreadsheet formulas ({@link Csv#text}).
     */
    public void writeCsv(LocalDate from, LocalDate to, String sku, Writer out) {
        CSVPrinter csv = Csv.printer(
                out,
                "id",
                "at",
                "date",
                "sku",
                "type",
                "reason",
                "delta",
                "balanceAfter",
                "actor",
                "note",
                "purchaseId");
        forEachMovement(from, to, sku, m -> {
            Csv.record(
                    csv,
                    m.id(),
                    m.at(),
                    calendar.dateOf(m.at()),
                    Csv.text(m.sku()),
                    m.type(),
                    m.reason(),
                    m.delta(),
                    m.balanceAfter(),
                    Csv.text(m.actor()),
                    Csv.text(m.note()),
                    m.purchaseId());
        });
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
                .filter(p -> p.stock() > 0 && !p.isBundle())
                .map(p -> StockChange.opening(p.sku().value(), p.stock()))
                .toList();
        movements.appendOpenings(openings, actors.current(), clock.millis());
    }
}

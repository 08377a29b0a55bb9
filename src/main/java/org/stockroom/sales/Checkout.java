package org.stockroom.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.stockroom.alerts.AlertChange;
import org.stockroom.catalog.BundleComponent;
import org.stockroom.catalog.Product;
import org.stockroom.stock.Stock;
import org.stockroom.stock.StockChange;
import org.stockroom.support.DomainException;
import org.stockroom.support.Ids;
import org.stockroom.support.Money;
import org.stockroom.support.StockroomProperties;
import org.stockroom.support.StoreCalendar;
import tools.jackson.databind.json.JsonMapper;

/**
 * One purchase in the caller's transaction: the idempotency key claimed, every line taken from
 * stock. What it writes besides (the purchase and its lines, its ledger rows, the answer for its
 * key, its sales in the rollups) goes through {@link #write}, once for all the purchases that
 * commit together ({@link GroupCommit}): a statement per kind of row per batch.
 */
@Component
class Checkout {

    private final Stock stock;
    private final PurchaseRepository purchases;
    private final JsonMapper json;
    private final Clock clock;
    private final StoreCalendar calendar;
    private final StockroomProperties properties;
    private final SalesRollup rollup;

    Checkout(
            Stock stock,
            PurchaseRepository purchases,
            JsonMapper json,
            Clock clock,
            StoreCalendar calendar,
            StockroomProperties properties,
            SalesRollup rollup) {
        this.stock = stock;
        this.purchases = purchases;
        this.json = json;
        this.clock = clock;
        this.calendar = calendar;
        this.properties = properties;
        this.rollup = rollup;
    }

    /** The order as a unit of a shared commit. */
    GroupCommit.Unit<Purchase> unit(GroupCommit.Order order) {
        return new GroupCommit.Unit<>() {
            @Override
            public Purchase run(Consumer<GroupCommit.Sold> sold) {
                return buy(order, sold);
            }

            @Override
            public String firstSku() {
                return order.firstSku();
            }

            @Override
            public String reference() {
                return order.request().reference();
            }

            @Override
            public String what() {
                return "purchase";
            }

            @Override
            public DomainException outcomeUnknown(String why) {
                return GroupCommit.unknown(why, order);
            }
        };
    }

    /** One purchase; what it writes besides the stock goes to {@code sold}, to be written with its batch. */
    Purchase buy(GroupCommit.Order order, Consumer<GroupCommit.Sold> sold) {
        PurchaseRequest request = order.request();
        String idempotencyKey = order.idempotencyKey();
        String actor = order.actor();
        String id = Ids.newId(clock);
        // The key is claimed before any stock is touched: a racing retry must find the key taken
        // and answer the first purchase, not try to buy a second time and be refused for lack of stock.
        if (idempotencyKey != null && !purchases.claimKey(idempotencyKey, request.fingerprint(), id, clock.millis())) {
            throw new KeyTakenMeanwhile();
        }
        List<StockChange> changes = request.lines().stream()
                .map(l -> StockChange.sale(l.sku(), l.quantity(), id))
                .toList();
        List<Stock.LedgerRow> ledger = new ArrayList<>(changes.size());
        List<Stock.Applied> applied = stock.sell(changes, actor, ledger::add);
        // A bundle's line took its components' units too: the lines are the request's, each priced
        // from its own product's row; the alerts are those of every product whose stock moved.
        Map<String, Product> after = new HashMap<>();
        applied.forEach(a -> after.put(a.product().sku().value(), a.product()));
        return record(
                id, order, after, applied.stream().map(Stock.Applied::alert).toList(), ledger, sold);
    }

    /**
     * A purchase that takes what available stock covers of each line and owes the rest as open
     * backorders (of {@code channel}, when a sales channel took the order). Its lines are the whole
     * quantities: the customer bought them, and revenue counts them now.
     */
    Backordered buyAllowingBackorder(GroupCommit.Order order, String channel) {
        PurchaseRequest request = order.request();
        String idempotencyKey = order.idempotencyKey();
        String id = Ids.newId(clock);
        if (idempotencyKey != null && !purchases.claimKey(idempotencyKey, request.fingerprint(), id, clock.millis())) {
            throw new KeyTakenMeanwhile();
        }
        List<Stock.Taken> taken = stock.takeAllowingBackorder(
                request.lines().stream()
                        .map(l -> new Stock.Take(l.sku(), l.quantity()))
                        .toList(),
                id,
                channel,
                order.actor());
        Map<String, Product> after = new HashMap<>();
        taken.forEach(t -> after.put(t.product().sku().value(), t.product()));
        Purchase purchase = record(
                id, order, after, taken.stream().map(Stock.Taken::alert).toList(), List.of(), s -> write(List.of(s)));
        return new Backordered(
                purchase, taken.stream().flatMap(t -> t.backorder().stream()).toList());
    }

    /** A purchase and the backorders it opened. */
    record Backordered(Purchase purchase, List<org.stockroom.stock.Backorder> backorders) {}

    /**
     * The purchase of the request's lines, each priced from its product's row after the take
     * ({@code after}, which has every product whose stock moved), with the alerts the takes caused;
     * its rows, with the sales' ledger rows not yet written ({@code ledger}), go to {@code sold}.
     */
    private Purchase record(
            String id,
            GroupCommit.Order order,
            Map<String, Product> after,
            List<Optional<AlertChange>> changes,
            List<Stock.LedgerRow> ledger,
            Consumer<GroupCommit.Sold> sold) {
        PurchaseRequest request = order.request();
        int scale = properties.currencyScale();
        List<PurchaseRepository.LineRow> rows = new ArrayList<>();
        List<Purchase.Line> lines = new ArrayList<>();
        List<Purchase.RaisedAlert> alerts = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(scale);
        for (PurchaseRequest.Line line : request.lines()) {
            Product p = after.get(line.sku());
            long quantity = line.quantity();
            BigDecimal lineTotal = p.price().multiply(BigDecimal.valueOf(quantity));
            total = total.add(lineTotal);
            if (total.compareTo(Money.MAX_PURCHASE_TOTAL) > 0) {
                // Refused before anything is stored; the stock already taken rolls back with the transaction.
                throw Money.tooLarge("The purchase's total", Money.MAX_PURCHASE_TOTAL);
            }
            rows.add(new PurchaseRepository.LineRow(
                    id,
                    p.sku().value(),
                    p.name(),
                    quantity,
                    Money.toColumn(p.price()),
                    Money.toColumnOrNull(unitCost(p, after)),
                    Money.toColumn(lineTotal)));
            lines.add(new Purchase.Line(p.sku().value(), p.name(), quantity, p.price(), lineTotal));
        }
        for (Optional<AlertChange> change : changes) {
            change.filter(AlertChange::notifiesPeople)
                    .ifPresent(c ->
                            alerts.add(new Purchase.RaisedAlert(c.sku(), c.level(), c.stock(), c.reorderThreshold())));
        }
        long now = clock.millis();
        Instant createdAt = Instant.ofEpochMilli(now);
        Purchase purchase = new Purchase(
                id, request.reference(), createdAt, properties.currency().getCurrencyCode(), total, lines, alerts);
        sold.accept(new GroupCommit.Sold(
                new PurchaseRepository.NewPurchase(
                        new PurchaseRepository.Row(id, request.reference(), Money.toColumn(total), now),
                        order.actor(),
                        rows),
                false,
                ledger,
                order.idempotencyKey() == null
                        ? null
                        : new PurchaseRepository.Answer(order.idempotencyKey(), json.writeValueAsString(purchase))));
        return purchase;
    }

    /**
     * What a unit cost: its product's cost; for a bundle without one of its own, what its components
     * cost together, when each of theirs is known (otherwise unknown, as for any product).
     */
    private static BigDecimal unitCost(Product p, Map<String, Product> after) {
        if (!p.isBundle() || p.cost() != null) {
            return p.cost();
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BundleComponent c : p.components()) {
            Product part = after.get(c.sku());
            if (part == null || part.cost() == null) {
                return null;
            }
            sum = sum.add(part.cost().multiply(BigDecimal.valueOf(c.quantity())));
        }
        return sum;
    }

    /**
     * Stores a purchase and its lines at once, ahead of its batch: for work that reads its purchase
     * back before the batch ends. Its ledger rows still go with the batch's, so the ledger keeps the
     * order in which the batch's purchases took the stock.
     */
    GroupCommit.Sold storePurchase(GroupCommit.Sold sold) {
        purchases.insert(List.of(sold.purchase()));
        return sold.stored();
    }

    /**
     * Writes what purchases committing together left to write, a statement per kind of row for all
     * of them: the purchases and their lines (those not stored yet), their ledger rows (in the order
     * their stock changed), the answers for their keys; and their sales to the rollups once per
     * calendar day among them.
     */
    void write(List<GroupCommit.Sold> sold) {
        purchases.insert(sold.stream()
                .filter(s -> !s.purchaseStored())
                .map(GroupCommit.Sold::purchase)
                .toList());
        stock.appendLedger(sold.stream().flatMap(s -> s.ledger().stream()).toList());
        purchases.recordAnswers(sold.stream()
                .map(GroupCommit.Sold::answer)
                .filter(a -> a != null)
                .toList());
        Map<LocalDate, List<GroupCommit.Sold>> byDay = new LinkedHashMap<>();
        for (GroupCommit.Sold s : sold) {
            byDay.computeIfAbsent(calendar.dateOf(Instant.ofEpochMilli(s.atMillis())), d -> new ArrayList<>())
                    .add(s);
        }
        byDay.values()
                .forEach(day -> rollup.sales(
                        day.get(0).atMillis(),
                        day.stream()
                                .flatMap(s -> s.purchase().lines().stream())
                                .map(r -> new SalesRollup.Line(r.sku(), r.quantity(), r.unitPrice(), r.unitCost()))
                                .toList(),
                        day.size()));
    }

    /** Another request with the same key committed while this one ran; this one rolls back and answers that one. */
    static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }
}

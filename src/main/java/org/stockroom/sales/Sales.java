package org.stockroom.sales;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.support.Actors;
import org.stockroom.support.AfterCommit;
import org.stockroom.support.CommitFailedException;
import org.stockroom.support.Database;
import org.stockroom.support.DomainException;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Money;
import org.stockroom.support.NotFoundException;
import org.stockroom.support.Page;
import org.stockroom.support.StockroomProperties;
import org.stockroom.support.StoreCalendar;
import tools.jackson.databind.json.JsonMapper;

/**
 * Purchases. Every line of a purchase is taken from stock by a conditional update, or none is. An
 * idempotency key is stored with the answer in the same transaction, and the database's unique key
 * on it decides between two requests racing with the same key. Concurrent purchases share commits
 * ({@link GroupCommit}), a refused one failing alone; with {@code stockroom.purchases.group-commit=false}
 * each purchase is a transaction of its own.
 */
@Service
public class Sales implements DisposableBean {

    private final Checkout checkout;
    private final PurchaseRepository purchases;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Actors actors;
    private final Clock clock;
    private final StoreCalendar calendar;
    private final StockroomProperties properties;
    private final GroupCommit groupCommit;
    private final SalesMeters meters;
    private final org.stockroom.stock.Stock stock;

    Sales(
            Checkout checkout,
            org.stockroom.stock.Stock stock,
            PurchaseRepository purchases,
            TransactionTemplate transaction,
            JsonMapper json,
            Actors actors,
            Clock clock,
            StoreCalendar calendar,
            StockroomProperties properties,
            PurchaseProperties settings,
            PlatformTransactionManager transactionManager,
            Database database,
            ObjectProvider<MeterRegistry> meterRegistry) {
        this.checkout = checkout;
        this.stock = stock;
        // Commands of the CLI run without metrics; the global registry then counts into nothing.
        this.meters = new SalesMeters(meterRegistry.getIfAvailable(() -> Metrics.globalRegistry));
        this.purchases = purchases;
        this.transaction = transaction;
        this.json = json;
        this.actors = actors;
        this.clock = clock;
        this.calendar = calendar;
        this.properties = properties;
        this.groupCommit = settings.groupCommit()
                ? new GroupCommit(
                        checkout::write,
                        transaction,
                        transactionManager,
                        settings.writers(database),
                        settings.batchSize(),
                        settings.window(),
                        settings.timeout(),
                        meters::batch)
                : null;
    }

    /** Buys every line or nothing. With a key, a repeated request answers the first purchase again and changes nothing. */
    public PurchaseOutcome purchase(PurchaseRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            checkKey(idempotencyKey);
            Optional<PurchaseOutcome> earlier = replay(idempotencyKey, request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String actor = actors.current();
        try {
            // Inside a caller's transaction the purchase must commit or roll back with it, so it cannot join a batch.
            boolean batched = groupCommit != null && !TransactionSynchronizationManager.isActualTransactionActive();
            Purchase purchase = batched
                    ? groupCommit.submit(checkout.unit(new GroupCommit.Order(request, idempotencyKey, actor)))
                    : transaction.execute(status -> checkout.buy(
                            new GroupCommit.Order(request, idempotencyKey, actor),
                            sold -> checkout.write(List.of(sold))));
            AfterCommit.run(() -> meters.made(purchase));
            return new PurchaseOutcome(purchase, false);
        } catch (CommitFailedException e) {
            meters.refused("outcome-unknown");
            throw GroupCommit.unknown(GroupCommit.COMMIT_FAILED, new GroupCommit.Order(request, idempotencyKey, actor));
        } catch (DomainException e) {
            meters.refused(e.code());
            throw e;
        } catch (Checkout.KeyTakenMeanwhile e) {
            return replay(idempotencyKey, request)
                    .orElseThrow(() -> new IllegalStateException("idempotency key vanished"));
        }
    }

    /**
     * Records a purchase of every line whatever the stock: for orders a customer already placed
     * elsewhere (a sales channel), which must not be refused for want of stock. Each line takes
     * what available stock covers, in one conditional statement, and the rest becomes an open
     * backorder that receipts fill oldest first. The purchase's lines are the whole quantities.
     * Refused, changing nothing, only for unknown or archived products (and the checks of
     * {@link #purchase}). Inside a caller's transaction it joins it; otherwise it is a transaction
     * of its own (never a group commit's batch: these are rare). With a key, a repeated request
     * answers the first purchase and its backorders again and changes nothing.
     *
     * @param channel the sales channel that took the order, shown on its backorders; may be null
     */
    public BackorderedPurchase purchaseAllowingBackorder(
            PurchaseRequest request, String idempotencyKey, String channel) {
        if (idempotencyKey != null) {
            checkKey(idempotencyKey);
            Optional<PurchaseOutcome> earlier = replay(idempotencyKey, request);
            if (earlier.isPresent()) {
                Purchase first = earlier.get().purchase();
                return new BackorderedPurchase(first, stock.backordersOf(first.id()), true);
            }
        }
        GroupCommit.Order order = new GroupCommit.Order(request, idempotencyKey, actors.current());
        try {
            Checkout.Backordered done = transaction.execute(status -> checkout.buyAllowingBackorder(order, channel));
            AfterCommit.run(() -> meters.made(done.purchase()));
            return new BackorderedPurchase(done.purchase(), done.backorders(), false);
        } catch (DomainException e) {
            meters.refused(e.code());
            throw e;
        } catch (Checkout.KeyTakenMeanwhile e) {
            Purchase first = replay(idempotencyKey, request)
                    .orElseThrow(() -> new IllegalStateException("idempotency key vanished"))
                    .purchase();
            return new BackorderedPurchase(first, stock.backordersOf(first.id()), true);
        }
    }

    /**
     * Work besides a purchase that takes stock (a hold, the commit of a hold), run like purchases:
     * in a commit shared with concurrent purchases (failing alone if refused), or in a transaction
     * of its own when group commit is off or the caller is in a transaction already.
     */
    public interface SharedWork<T> {
        /** The work, in a transaction; {@code till} buys on behalf of the caller who asked for the work. */
        T run(Till till);

        /** The first product row the work locks (its lines are in SKU order). */
        String firstSku();

        /** The caller's own reference, or null. */
        String reference();

        /** What the work is, for an answer saying it was not done ("reservation"). */
        String what();

        /** The answer when the commit that carried the work was not confirmed: it may or may not have happened. */
        DomainException outcomeUnknown(String why);
    }

    /**
     * Buys inside shared work. The purchase and its lines are stored at once, not with the batch's
     * rows: the work may read its purchase back in the same transaction (a second commit of a
     * reservation, queued in the same batch, answers the purchase the first one made). Its ledger
     * rows and rollups go with the batch's, in the order its units took the stock.
     */
    public interface Till {
        Purchase buy(PurchaseRequest request);
    }

    /** Runs the work as purchases run; see {@link SharedWork}. */
    public <T> T share(SharedWork<T> work) {
        String actor = actors.current();
        GroupCommit.Unit<T> unit = new GroupCommit.Unit<>() {
            @Override
            public T run(java.util.function.Consumer<GroupCommit.Sold> sold) {
                return work.run(request -> {
                    Purchase purchase = checkout.buy(
                            new GroupCommit.Order(request, null, actor),
                            bought -> sold.accept(checkout.storePurchase(bought)));
                    AfterCommit.run(() -> meters.made(purchase));
                    return purchase;
                });
            }

            @Override
            public String firstSku() {
                return work.firstSku();
            }

            @Override
            public String reference() {
                return work.reference();
            }

            @Override
            public String what() {
                return work.what();
            }

            @Override
            public DomainException outcomeUnknown(String why) {
                return work.outcomeUnknown(why);
            }
        };
        try {
            boolean batched = groupCommit != null && !TransactionSynchronizationManager.isActualTransactionActive();
            return batched
                    ? groupCommit.submit(unit)
                    : transaction.execute(status -> unit.run(sold -> checkout.write(List.of(sold))));
        } catch (CommitFailedException e) {
            throw work.outcomeUnknown(GroupCommit.COMMIT_FAILED);
        }
    }

    private Optional<PurchaseOutcome> replay(String key, PurchaseRequest request) {
        return purchases.findKey(key).map(stored -> {
            if (!stored.requestHash().equals(request.fingerprint())) {
                throw new DomainException(
                        DomainException.Kind.UNPROCESSABLE,
                        "idempotency-key-reused",
                        "This Idempotency-Key was used for a different request; use a new key for a new purchase");
            }
            return new PurchaseOutcome(json.readValue(stored.response(), Purchase.class), true);
        });
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
    }

    public Purchase get(String id) {
        PurchaseRepository.Row row = purchases
                .find(id)
                .orElseThrow(() -> new NotFoundException("unknown-purchase", "No purchase with id " + id));
        return toPurchase(row, purchases.lines(List.of(id)).getOrDefault(id, List.of()));
    }

    public Page<Purchase> list(PurchaseQuery query) {
        Long from = calendar.startOf(query.from());
        Long to = calendar.endOf(query.to());
        List<PurchaseRepository.Row> rows = purchases.page(
                from, to, query.sku(), query.reference(), query.size(), (long) query.page() * query.size());
        Map<String, List<PurchaseRepository.LineRow>> lines =
                purchases.lines(rows.stream().map(PurchaseRepository.Row::id).toList());
        List<Purchase> items = rows.stream()
                .map(r -> toPurchase(r, lines.getOrDefault(r.id(), List.of())))
                .toList();
        return new Page<>(items, query.page(), query.size(), purchases.count(from, to, query.sku(), query.reference()));
    }

    private Purchase toPurchase(PurchaseRepository.Row row, List<PurchaseRepository.LineRow> lineRows) {
        int scale = properties.currencyScale();
        List<Purchase.Line> lines = lineRows.stream()
                .map(l -> new Purchase.Line(
                        l.sku(),
                        l.name(),
                        l.quantity(),
                        Money.fromColumn(l.unitPrice(), scale),
                        Money.fromColumn(l.lineTotal(), scale)))
                .toList();
        return new Purchase(
                row.id(),
                row.reference(),
                Instant.ofEpochMilli(row.createdAt()),
                properties.currency().getCurrencyCode(),
                Money.fromColumn(row.total(), scale),
                lines,
                null);
    }

    /** The purchases' group commit, for tests that must see batches; null when it is switched off. */
    GroupCommit groupCommit() {
        return groupCommit;
    }

    @Override
    public void destroy() {
        if (groupCommit != null) {
            groupCommit.stop();
        }
    }

    /** Keys are kept for the configured retention (at least a day), then forgotten. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void forgetOldKeys() {
        purchases.deleteKeysBefore(
                clock.millis() - properties.idempotencyRetention().toMillis());
    }
}

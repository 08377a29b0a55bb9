package org.stockroom.sales;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.alerts.AlertChange;
import org.stockroom.catalog.Product;
import org.stockroom.reports.SalesRollup;
import org.stockroom.stock.Stock;
import org.stockroom.stock.StockChange;
import org.stockroom.support.Actors;
import org.stockroom.support.AfterCommit;
import org.stockroom.support.Database;
import org.stockroom.support.DomainException;
import org.stockroom.support.Ids;
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
 * ({@link GroupCommit}), each in its own savepoint; with {@code stockroom.purchases.group-commit=false}
 * each purchase is a transaction of its own.
 */
@Service
public class Sales implements DisposableBean {

    private final Stock stock;
    private final PurchaseRepository purchases;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Actors actors;
    private final Clock clock;
    private final StoreCalendar calendar;
    private final StockroomProperties properties;
    private final SalesRollup rollup;
    private final GroupCommit groupCommit;
    private final SalesMeters meters;

    Sales(
            Stock stock,
            PurchaseRepository purchases,
            TransactionTemplate transaction,
            JsonMapper json,
            Actors actors,
            Clock clock,
            StoreCalendar calendar,
            StockroomProperties properties,
            SalesRollup rollup,
            PurchaseProperties settings,
            PlatformTransactionManager transactionManager,
            Database database,
            ObjectProvider<MeterRegistry> meterRegistry) {
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
        this.rollup = rollup;
        int writers = database == Database.SQLITE ? 1 : settings.writers() == null ? 8 : settings.writers();
        this.groupCommit = settings.groupCommit()
                ? new GroupCommit(
                        new GroupCommit.Work() {
                            @Override
                            public Purchase buy(GroupCommit.Order order, Consumer<GroupCommit.Sold> sold) {
                                return Sales.this.buy(order.request(), order.idempotencyKey(), order.actor(), sold);
                            }

                            @Override
                            public void recordSales(List<GroupCommit.Sold> sold) {
                                Sales.this.recordSales(sold);
                            }
                        },
                        transaction,
                        transactionManager,
                        writers,
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
                    ? groupCommit.buy(new GroupCommit.Order(request, idempotencyKey, actor))
                    : transaction.execute(
                            status -> buy(request, idempotencyKey, actor, sold -> recordSales(List.of(sold))));
            AfterCommit.run(() -> meters.made(purchase));
            return new PurchaseOutcome(purchase, false);
        } catch (DomainException e) {
            meters.refused(e.code());
            throw e;
        } catch (KeyTakenMeanwhile e) {
            return replay(idempotencyKey, request)
                    .orElseThrow(() -> new IllegalStateException("idempotency key vanished"));
        }
    }

    private Purchase buy(
            PurchaseRequest request, String idempotencyKey, String actor, Consumer<GroupCommit.Sold> sold) {
        String id = Ids.newId(clock);
        // The key is claimed before any stock is touched: a racing retry must find the key taken
        // and answer the first purchase, not try to buy a second time and be refused for lack of stock.
        if (idempotencyKey != null && !purchases.claimKey(idempotencyKey, request.fingerprint(), id, clock.millis())) {
            throw new KeyTakenMeanwhile();
        }
        List<StockChange> changes = request.lines().stream()
                .map(l -> StockChange.sale(l.sku(), l.quantity(), id))
                .toList();
        List<Stock.Applied> applied = stock.apply(changes, actor);

        int scale = properties.currencyScale();
        List<PurchaseRepository.LineRow> rows = new ArrayList<>();
        List<Purchase.Line> lines = new ArrayList<>();
        List<Purchase.RaisedAlert> alerts = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(scale);
        for (Stock.Applied a : applied) {
            Product p = a.product();
            long quantity = -a.movement().delta();
            BigDecimal lineTotal = p.price().multiply(BigDecimal.valueOf(quantity));
            total = total.add(lineTotal);
            rows.add(new PurchaseRepository.LineRow(
                    id,
                    p.sku().value(),
                    p.name(),
                    quantity,
                    Money.toColumn(p.price()),
                    Money.toColumnOrNull(p.cost()),
                    Money.toColumn(lineTotal)));
            lines.add(new Purchase.Line(p.sku().value(), p.name(), quantity, p.price(), lineTotal));
            a.alert()
                    .filter(AlertChange::notifiesPeople)
                    .ifPresent(c ->
                            alerts.add(new Purchase.RaisedAlert(c.sku(), c.level(), c.stock(), c.reorderThreshold())));
        }
        long now = clock.millis();
        Instant createdAt = Instant.ofEpochMilli(now);
        purchases.insert(new PurchaseRepository.Row(id, request.reference(), Money.toColumn(total), now), actor, rows);
        sold.accept(new GroupCommit.Sold(
                now,
                rows.stream()
                        .map(r -> new SalesRollup.Line(r.sku(), r.quantity(), r.unitPrice(), r.unitCost()))
                        .toList()));
        Purchase purchase = new Purchase(
                id, request.reference(), createdAt, properties.currency().getCurrencyCode(), total, lines, alerts);
        if (idempotencyKey != null) {
            purchases.recordAnswer(idempotencyKey, json.writeValueAsString(purchase));
        }
        return purchase;
    }

    /** Purchases committed together go to the rollups once per calendar day among them, not once each. */
    private void recordSales(List<GroupCommit.Sold> sold) {
        Map<LocalDate, List<GroupCommit.Sold>> byDay = new LinkedHashMap<>();
        for (GroupCommit.Sold s : sold) {
            byDay.computeIfAbsent(calendar.dateOf(Instant.ofEpochMilli(s.atMillis())), d -> new ArrayList<>())
                    .add(s);
        }
        byDay.values()
                .forEach(day -> rollup.sales(
                        day.get(0).atMillis(),
                        day.stream().flatMap(s -> s.lines().stream()).toList(),
                        day.size()));
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
        List<PurchaseRepository.Row> rows =
                purchases.page(from, to, query.sku(), query.size(), (long) query.page() * query.size());
        Map<String, List<PurchaseRepository.LineRow>> lines =
                purchases.lines(rows.stream().map(PurchaseRepository.Row::id).toList());
        List<Purchase> items = rows.stream()
                .map(r -> toPurchase(r, lines.getOrDefault(r.id(), List.of())))
                .toList();
        return new Page<>(items, query.page(), query.size(), purchases.count(from, to, query.sku()));
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

    /** Another request with the same key committed while this one ran; this one rolls back and answers that one. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }
}

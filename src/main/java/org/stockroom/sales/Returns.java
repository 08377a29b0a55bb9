package org.stockroom.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.stock.Stock;
import org.stockroom.stock.StockChange;
import org.stockroom.support.Actors;
import org.stockroom.support.Ids;
import org.stockroom.support.Money;
import org.stockroom.support.NotFoundException;
import org.stockroom.support.StockroomProperties;

/**
 * Returns of purchases. One return is one transaction: each line first counts its units as
 * returned on the purchase line, with a conditional update that the database refuses beyond what
 * the line sold (so concurrent returns can never together exceed it), then puts the units back in
 * stock and takes them off units sold through {@link Stock#apply}, an ADJUSTMENT with reason RETURN
 * and the purchase's id. The return keeps the purchase's prices, so reports take back exactly the
 * revenue the sale brought, on the day of the return.
 */
@Service
public class Returns {

    private final Stock stock;
    private final PurchaseRepository purchases;
    private final ReturnRepository returns;
    private final Actors actors;
    private final Clock clock;
    private final StockroomProperties properties;
    private final SalesRollup rollup;

    Returns(
            Stock stock,
            PurchaseRepository purchases,
            ReturnRepository returns,
            Actors actors,
            Clock clock,
            StockroomProperties properties,
            SalesRollup rollup) {
        this.rollup = rollup;
        this.stock = stock;
        this.purchases = purchases;
        this.returns = returns;
        this.actors = actors;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Takes back the lines of {@code request} from purchase {@code purchaseId}: all of them or none.
     * Refused with 404 {@code unknown-purchase}, 409 {@code return-exceeds-purchase} listing every
     * line that asks back more than is returnable, or 422 {@code product-archived}.
     */
    @Transactional
    public PurchaseReturn take(String purchaseId, ReturnRequest request) {
        checkPurchase(purchaseId);
        String id = Ids.newId(clock);
        List<ReturnRepository.LineRow> rows = new ArrayList<>();
        List<ReturnExceedsPurchaseException.Excess> excesses = new ArrayList<>();
        // Units still owed by the purchase's open backorders never left; they cannot come back
        // (cancel the backorder instead). Fills only lower what is owed, so reading it first is safe.
        Map<String, Long> owed = new java.util.HashMap<>();
        stock.backordersOf(purchaseId).forEach(b -> owed.merge(b.sku(), b.owed(), Long::sum));
        for (ReturnRequest.Line line : request.lines()) {
            long stillOwed = owed.getOrDefault(line.sku(), 0L);
            if (stillOwed > 0) {
                long delivered = returns.returnable(purchaseId, line.sku()) - stillOwed;
                if (line.quantity() > delivered) {
                    excesses.add(new ReturnExceedsPurchaseException.Excess(
                            line.sku(), line.quantity(), Math.max(0, delivered)));
                    continue;
                }
            }
            Optional<ReturnRepository.TakenBack> taken = returns.takeBack(purchaseId, line.sku(), line.quantity());
            if (taken.isEmpty()) {
                excesses.add(new ReturnExceedsPurchaseException.Excess(
                        line.sku(), line.quantity(), returns.returnable(purchaseId, line.sku())));
                continue;
            }
            ReturnRepository.TakenBack t = taken.get();
            rows.add(new ReturnRepository.LineRow(
                    line.sku(),
                    t.name(),
                    line.quantity(),
                    t.unitPrice(),
                    t.unitCost(),
                    Math.multiplyExact(t.unitPrice(), line.quantity())));
        }
        if (!excesses.isEmpty()) {
            throw new ReturnExceedsPurchaseException(purchaseId, excesses);
        }
        String note = "return " + id + (request.note() == null ? "" : ": " + request.note());
        stock.apply(rows.stream()
                .map(r -> StockChange.returned(r.sku(), r.quantity(), purchaseId, note))
                .toList());
        long now = clock.millis();
        long total =
                rows.stream().mapToLong(ReturnRepository.LineRow::lineTotal).sum();
        ReturnRepository.Row row = new ReturnRepository.Row(id, purchaseId, request.note(), total, now);
        returns.insert(row, actors.current(), rows);
        rollup.returned(
                now,
                rows.stream()
                        .map(r -> new SalesRollup.Line(r.sku(), r.quantity(), r.unitPrice(), r.unitCost()))
                        .toList());
        return toReturn(row, rows);
    }

    /** The returns of a purchase, oldest first. */
    public List<PurchaseReturn> ofPurchase(String purchaseId) {
        checkPurchase(purchaseId);
        List<ReturnRepository.Row> rows = returns.ofPurchase(purchaseId);
        Map<String, List<ReturnRepository.LineRow>> lines =
                returns.lines(rows.stream().map(ReturnRepository.Row::id).toList());
        return rows.stream()
                .map(r -> toReturn(r, lines.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private void checkPurchase(String purchaseId) {
        if (purchases.find(purchaseId).isEmpty()) {
            throw new NotFoundException("unknown-purchase", "No purchase with id " + purchaseId);
        }
    }

    private PurchaseReturn toReturn(ReturnRepository.Row row, List<ReturnRepository.LineRow> rows) {
        int scale = properties.currencyScale();
        List<PurchaseReturn.Line> lines = rows.stream()
                .map(l -> new PurchaseReturn.Line(
                        l.sku(),
                        l.name(),
                        l.quantity(),
                        Money.fromColumn(l.unitPrice(), scale),
                        Money.fromColumn(l.lineTotal(), scale)))
                .toList();
        BigDecimal total = Money.fromColumn(row.total(), scale);
        return new PurchaseReturn(
                row.id(),
                row.purchaseId(),
                java.time.Instant.ofEpochMilli(row.createdAt()),
                properties.currency().getCurrencyCode(),
                total,
                row.note(),
                lines);
    }
}

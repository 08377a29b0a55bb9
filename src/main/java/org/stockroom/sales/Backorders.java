package org.stockroom.sales;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.stock.Backorder;
import org.stockroom.stock.BackorderNotOpenException;
import org.stockroom.stock.Stock;
import org.stockroom.support.Actors;
import org.stockroom.support.DomainException;
import org.stockroom.support.Ids;
import org.stockroom.support.InvalidRequestException;

/**
 * Backorders as the faces see them: listed by status, and cancelled. A cancellation is the
 * purchase giving back units it never delivered: in one transaction the backorder stops owing
 * them ({@link Stock#cancelBackorder}: backordered and units sold fall, stock does not move) and a
 * return of those units is recorded on the purchase (its line's returned count, a return row with
 * no movement, and the rollups), so revenue, units sold and the purchase agree. Opening and filling
 * backorders belong to purchases ({@link Sales#purchaseAllowingBackorder}) and receipts.
 */
@Service
public class Backorders {

    /** The most backorders one list answers. */
    public static final int MAX_LIST = 500;

    private final Stock stock;
    private final ReturnRepository returns;
    private final SalesRollup rollup;
    private final Actors actors;
    private final Clock clock;

    Backorders(Stock stock, ReturnRepository returns, SalesRollup rollup, Actors actors, Clock clock) {
        this.stock = stock;
        this.returns = returns;
        this.rollup = rollup;
        this.actors = actors;
        this.clock = clock;
    }

    /**
     * Backorders newest first, at most {@link #MAX_LIST}: {@code open}, {@code filled}, {@code cancelled}
     * or {@code all} (null means open); anything else is 400 {@code invalid-request}.
     */
    public List<Backorder> list(String status) {
        String wanted = status == null ? "open" : status.toLowerCase(Locale.ROOT);
        if (wanted.equals("all")) {
            return stock.backorders(null, MAX_LIST);
        }
        return switch (wanted) {
            case "open" -> stock.backorders(Backorder.Status.OPEN, MAX_LIST);
            case "filled" -> stock.backorders(Backorder.Status.FILLED, MAX_LIST);
            case "cancelled" -> stock.backorders(Backorder.Status.CANCELLED, MAX_LIST);
            default -> throw new InvalidRequestException("status", "must be open, filled, cancelled or all");
        };
    }

    /** One backorder, or 404 {@code unknown-backorder}. */
    public Backorder get(long id) {
        return stock.backorder(id);
    }

    /** The backorders a purchase opened. */
    public List<Backorder> ofPurchase(String purchaseId) {
        return stock.backordersOf(purchaseId);
    }

    /**
     * Cancels an open backorder: the units it still owes are owed no more. 404 {@code unknown-backorder};
     * 409 {@code backorder-not-open} when it is filled or cancelled already.
     */
    @Transactional
    public Backorder cancel(long id) {
        return cancel(id, "backorder " + id + " cancelled");
    }

    /** Cancels every open backorder of a purchase (a cancelled order); the ones cancelled. */
    @Transactional
    public List<Backorder> cancelOpenOf(String purchaseId, String note) {
        return stock.backordersOf(purchaseId).stream()
                .filter(b -> b.status() == Backorder.Status.OPEN)
                // A bundle's component owes units under the component's SKU, which is no line of the
                // purchase: there is no line to give back, so those stay open for the owner to fill.
                .filter(b -> returns.returnable(b.purchaseId(), b.sku()) >= b.owed())
                .map(b -> cancel(b.id(), note))
                .toList();
    }

    private Backorder cancel(long id, String note) {
        Backorder backorder = stock.backorder(id);
        if (backorder.status() != Backorder.Status.OPEN) {
            throw new BackorderNotOpenException(id, backorder.status());
        }
        // Locks in the order a return takes them: the purchase's line, then (in stock) the product,
        // then the backorder, which a receipt's fill takes after the product too.
        // What the line can still give back is read under that lock, so a return racing this
        // cancellation cannot take it away in between.
        boolean ownLine = returns.lockLine(backorder.purchaseId(), backorder.sku());
        if (!ownLine) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "backorder-of-bundle",
                    "Backorder " + id + " owes units of " + backorder.sku() + " for a bundle sold in purchase "
                            + backorder.purchaseId() + "; it cannot be cancelled on its own. Fill it with a receipt,"
                            + " or return the bundle: the units it never delivered then settle this backorder.");
        }
        long returnable = returns.returnable(backorder.purchaseId(), backorder.sku());
        if (returnable < backorder.owed()) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "backorder-returned",
                    "Backorder " + id + " owes " + backorder.owed() + " units of " + backorder.sku() + " but only "
                            + returnable + " of purchase " + backorder.purchaseId()
                            + " are left to give back (the rest were returned already)");
        }
        Backorder cancelled = stock.cancelBackorder(id);
        long units = cancelled.quantity() - cancelled.filled();
        ReturnRepository.TakenBack line = returns.takeBack(cancelled.purchaseId(), cancelled.sku(), units)
                .orElseThrow(() -> new IllegalStateException("Purchase " + cancelled.purchaseId() + " has fewer than "
                        + units + " units of " + cancelled.sku() + " left to give back"));
        long now = clock.millis();
        String returnId = Ids.newId(clock);
        ReturnRepository.LineRow row = new ReturnRepository.LineRow(
                cancelled.sku(),
                line.name(),
                units,
                line.unitPrice(),
                line.unitCost(),
                Math.multiplyExact(line.unitPrice(), units));
        String text = note.length() > 500 ? note.substring(0, 500) : note;
        returns.insert(
                new ReturnRepository.Row(returnId, cancelled.purchaseId(), text, row.lineTotal(), now),
                actors.current(),
                List.of(row));
        rollup.returned(now, List.of(new SalesRollup.Line(row.sku(), row.quantity(), row.unitPrice(), row.unitCost())));
        return cancelled;
    }
}

package org.stockroom.stock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVPrinter;
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
import org.stockroom.support.Csv;
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
    private final StoreCalendar calendar;

    Stock(
            Catalog catalog,
            MovementRepository movements,
            Alerts alerts,
            Actors actors,
            Clock clock,
            ApplicationEventPublisher events,
            StoreCalendar calendar) {
        this.calendar = calendar;
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
        return apply(changes, actors.current());
    }

    /**
     * {@link #apply(List)} on behalf of {@code actor}: for work done on another thread than the
     * request's, such as purchases committed together by a writer thread.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Applied> apply(List<StockChange> changes, String actor) {
        List<StockChange> ordered =
                changes.stream().sorted(Comparator.comparing(StockChange::sku)).toList();
        List<Applied> applied = new ArrayList<>(ordered.size());
        List<Catalog.StockRequest> refused = new ArrayList<>();
        for (StockChange change : ordered) {
            Optional<Catalog.CountedStock> after = change.isCount()
                    ? catalog.countStock(change.sku(), change.countedQuantity())
                    : catalog.changeStock(change.sku(), change.delta(), change.soldDelta())
                            .map(p -> new Catalog.CountedStock(p, change.delta()));
            if (after.isEmpty()) {
                refused.add(new Catalog.StockRequest(change.sku(), change.requested()));
                continue;
            }
            if (!refused.isEmpty()) {
                continue;
            }
            Product product = after.get().product();
            long delta = after.get().delta();
            Movement movement = movements.append(change, delta, product.stock(), actor, clock.millis());
            applied.add(new Applied(product, movement, alerts.afterStockChange(product, delta)));
            if (change.type() == MovementType.RECEIPT) {
                events.publishEvent(new StockReceived(product, movement));
            }
            events.publishEvent(new AvailableChanged(product.sku().value()));
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
                .filter(p -> p.stock() > 0)
                .map(p -> StockChange.opening(p.sku().value(), p.stock()))
                .toList();
        movements.appendOpenings(openings, actors.current(), clock.millis());
    }
}

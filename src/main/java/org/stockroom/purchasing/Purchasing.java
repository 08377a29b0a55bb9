package org.stockroom.purchasing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.catalog.BundleHasNoStockException;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductChanged;
import org.stockroom.catalog.ProductsAdded;
import org.stockroom.catalog.UnknownSkuException;
import org.stockroom.notifications.DocumentMail;
import org.stockroom.reports.Reorder;
import org.stockroom.reports.Reports;
import org.stockroom.stock.Movement;
import org.stockroom.stock.ProductArchivedException;
import org.stockroom.stock.Stock;
import org.stockroom.stock.StockChange;
import org.stockroom.support.Actors;
import org.stockroom.support.Ids;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.StoreCalendar;

/**
 * Suppliers and purchase orders: an order is drafted (by hand or from the reorder report), sent to
 * its supplier, received in one or more deliveries (each a set of ledger receipts at the order's unit
 * costs), or cancelled. Each operation is one transaction; sending emails the supplier after the
 * order is marked sent, and records whether the email went.
 */
@Service
public class Purchasing {

    /** What {@link #fromReorder} did: the drafts, and the products to reorder that name no supplier. */
    public record Drafted(List<PurchaseOrder> orders, List<String> withoutSupplier) {}

    /** What a receipt did: the order after it, and the ledger movement of each line. */
    public record Receipt(PurchaseOrder order, List<Movement> movements) {}

    public static final int LIST_LIMIT = 500;

    private final SupplierRepository suppliers;
    private final PurchaseOrderRepository orders;
    private final Catalog catalog;
    private final Stock stock;
    private final Reports reports;
    private final OrderDocuments documents;
    private final DocumentMail mail;
    private final Actors actors;
    private final Clock clock;
    private final StoreCalendar calendar;
    private final TransactionTemplate transactions;

    Purchasing(
            SupplierRepository suppliers,
            PurchaseOrderRepository orders,
            Catalog catalog,
            Stock stock,
            Reports reports,
            OrderDocuments documents,
            DocumentMail mail,
            Actors actors,
            Clock clock,
            StoreCalendar calendar,
            TransactionTemplate transactions) {
        this.suppliers = suppliers;
        this.orders = orders;
        this.catalog = catalog;
        this.stock = stock;
        this.reports = reports;
        this.documents = documents;
        this.mail = mail;
        this.actors = actors;
        this.clock = clock;
        this.calendar = calendar;
        this.transactions = transactions;
    }

    // Suppliers

    @Transactional
    public Supplier addSupplier(SupplierForm form) {
        form.requireName();
        long id = suppliers.insert(form, clock.millis()).orElseThrow(() -> new DuplicateSupplierException(form.name()));
        return supplier(id);
    }

    public List<Supplier> suppliers(boolean archived) {
        return suppliers.list(archived);
    }

    public Supplier supplier(long id) {
        return suppliers.find(id).orElseThrow(() -> Refusals.unknownSupplier(String.valueOf(id)));
    }

    /** Changes the fields the form names; a new name follows onto every product that named the old one. */
    @Transactional
    public Supplier updateSupplier(long id, SupplierForm form) {
        Supplier before = supplier(id);
        if (!suppliers.update(id, form, clock.millis())) {
            throw new DuplicateSupplierException(form.name());
        }
        if (form.name() != null && !form.name().equals(before.name())) {
            catalog.renameSupplier(before.name(), form.name());
        }
        return supplier(id);
    }

    /** A product that names a supplier makes it exist, in the transaction that named it. */
    @EventListener
    void on(ProductsAdded event) {
        long now = clock.millis();
        event.products().stream()
                .map(Product::supplier)
                .filter(Objects::nonNull)
                .filter(s -> !s.isBlank())
                .distinct()
                .forEach(name -> suppliers.ensure(name, now));
    }

    @EventListener
    void on(ProductChanged event) {
        String name = event.product().supplier();
        if (name != null && !name.isBlank()) {
            suppliers.ensure(name, clock.millis());
        }
    }

    // Purchase orders

    /** A new draft; the supplier is created on first use, a line without a unit cost takes the product's cost. */
    @Transactional
    public PurchaseOrder create(OrderRequest request) {
        if (request.supplier() == null) {
            throw new InvalidRequestException("supplier", "is required");
        }
        Supplier supplier = suppliers.ensure(request.supplier(), clock.millis());
        String id = draft(supplier, request.reference(), request.expectedOn());
        writeLines(id, request.lines());
        return order(id);
    }

    /**
     * Replaces a draft's content: supplier (kept when not given), reference, expected date and lines.
     * Refused once the order has been sent.
     */
    @Transactional
    public PurchaseOrder updateDraft(String idOrNumber, OrderRequest request) {
        PurchaseOrder order = order(idOrNumber);
        long supplierId = request.supplier() == null
                ? order.supplier().id()
                : suppliers.ensure(request.supplier(), clock.millis()).id();
        if (!orders.updateDraft(order.id(), supplierId, request.reference(), request.expectedOn(), clock.millis())) {
            throw notDraft(order.id());
        }
        orders.deleteLines(order.id());
        writeLines(order.id(), request.lines());
        return order(order.id());
    }

    /** Sets one line of a draft (adding it, or replacing its quantity and cost). */
    @Transactional
    public PurchaseOrder setLine(String idOrNumber, String sku, long quantity, BigDecimal unitCost) {
        PurchaseOrder order = order(idOrNumber);
        Map<String, OrderRequest.Line> lines = new TreeMap<>();
        order.lines().forEach(l -> lines.put(l.sku(), new OrderRequest.Line(l.sku(), l.quantity(), l.unitCost())));
        lines.put(sku, new OrderRequest.Line(sku, quantity, unitCost));
        return updateDraft(order.id(), sameHeader(order, List.copyOf(lines.values())));
    }

    @Transactional
    public PurchaseOrder removeLine(String idOrNumber, String sku) {
        PurchaseOrder order = order(idOrNumber);
        List<OrderRequest.Line> lines = order.lines().stream()
                .filter(l -> !l.sku().equals(sku))
                .map(l -> new OrderRequest.Line(l.sku(), l.quantity(), l.unitCost()))
                .toList();
        return updateDraft(order.id(), sameHeader(order, lines));
    }

    private static OrderRequest sameHeader(PurchaseOrder order, List<OrderRequest.Line> lines) {
        return new OrderRequest(null, order.reference(), order.expectedOn(), lines);
    }

    /**
     * One draft per supplier with every product the reorder report says to order (which leaves out
     * what is already incoming), at its suggested quantity and current cost; all drafts or none.
     */
    public Drafted fromReorder() {
        Reorder reorder = reports.reorder();
        Map<String, List<Reorder.Suggestion>> bySupplier = new TreeMap<>();
        List<String> withoutSupplier = new ArrayList<>();
        for (Reorder.Suggestion s : reorder.products()) {
            if (!s.reorder() || s.suggestedQuantity() < 1) {
                continue;
            }
            if (s.supplier() == null || s.supplier().isBlank()) {
                withoutSupplier.add(s.sku());
            } else {
                bySupplier.computeIfAbsent(s.supplier(), k -> new ArrayList<>()).add(s);
            }
        }
        List<PurchaseOrder> drafted = transactions.execute(tx -> {
            List<PurchaseOrder> created = new ArrayList<>();
            bySupplier.forEach((name, suggestions) -> {
                Supplier supplier = suppliers.ensure(name, clock.millis());
                String id = draft(supplier, "from the reorder report", null);
                for (Reorder.Suggestion s : suggestions) {
                    orders.insertLine(id, s.sku(), s.suggestedQuantity(), s.unitCost());
                }
                created.add(order(id));
            });
            return created;
        });
        withoutSupplier.sort(Comparator.naturalOrder());
        return new Drafted(drafted, withoutSupplier);
    }

    private String draft(Supplier supplier, String reference, LocalDate expectedOn) {
        String id = Ids.newId(clock);
        String number = String.format("PO-%04d", orders.nextNumber());
        orders.insert(id, number, supplier.id(), reference, expectedOn, actors.current(), clock.millis());
        return id;
    }

    private void writeLines(String orderId, List<OrderRequest.Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<String> skus = lines.stream().map(OrderRequest.Line::sku).toList();
        Map<String, Product> found = new LinkedHashMap<>();
        catalog.findAll(skus).forEach(p -> found.put(p.sku().value(), p));
        List<String> unknown = skus.stream().filter(s -> !found.containsKey(s)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSkuException(unknown);
        }
        List<String> archived =
                skus.stream().filter(s -> found.get(s).archived()).toList();
        if (!archived.isEmpty()) {
            throw new ProductArchivedException(archived);
        }
        // A bundle could never be received (its stock is its components'): order the components.
        List<String> bundles =
                skus.stream().filter(s -> found.get(s).isBundle()).toList();
        if (!bundles.isEmpty()) {
            throw new BundleHasNoStockException(bundles);
        }
        for (OrderRequest.Line line : lines) {
            BigDecimal cost = line.unitCost() != null
                    ? line.unitCost()
                    : found.get(line.sku()).cost();
            orders.insertLine(orderId, line.sku(), line.quantity(), cost);
        }
    }

    public PurchaseOrder order(String idOrNumber) {
        return orders.find(idOrNumber).orElseThrow(() -> Refusals.unknownOrder(idOrNumber));
    }

    /** Orders, newest first (at most {@link #LIST_LIMIT}), of one status and one supplier (by name) when given. */
    public List<PurchaseOrder> orders(PurchaseOrder.Status status, String supplier) {
        Long supplierId = null;
        if (supplier != null && !supplier.isBlank()) {
            Optional<Supplier> named = suppliers.findByName(supplier.strip());
            if (named.isEmpty()) {
                return List.of();
            }
            supplierId = named.get().id();
        }
        return orders.list(status, supplierId, LIST_LIMIT);
    }

    /** Open orders expected today or earlier: due today, or late. */
    public List<PurchaseOrder> due() {
        return orders.openExpectedBy(today());
    }

    public LocalDate today() {
        return calendar.dateOf(clock.instant());
    }

    /** Open units on sent, not fully received orders, per SKU (SKUs with none are absent). */
    public Map<String, Long> incoming(List<String> skus) {
        return orders.incoming(skus);
    }

    public long incoming(String sku) {
        return orders.incoming(List.of(sku)).getOrDefault(sku, 0L);
    }

    /**
     * Sends a draft: it becomes SENT (expected by the supplier's lead time when it had no date), then
     * its PDF is emailed to the supplier when the supplier has an address. Sending an order that is
     * already open emails it again. Whether the email went is on the order ({@code emailedAt},
     * {@code emailError}); the order stays sent either way, since the supplier may be told otherwise.
     */
    public PurchaseOrder send(String idOrNumber) {
        PurchaseOrder order = order(idOrNumber);
        if (order.status() == PurchaseOrder.Status.DRAFT) {
            transactions.executeWithoutResult(tx -> {
                PurchaseOrder current = order(order.id());
                if (current.lines().isEmpty()) {
                    throw new InvalidRequestException("lines", "an order needs at least one line to be sent");
                }
                Integer lead = current.supplier().leadTimeDays();
                LocalDate expected = lead == null ? null : today().plusDays(lead);
                if (!orders.markSent(current.id(), expected, clock.millis())) {
                    throw notDraft(current.id());
                }
            });
        } else if (!order.status().open()) {
            throw new PurchaseOrderNotDraftException(order.number(), order.status());
        }
        PurchaseOrder sent = order(order.id());
        String to = sent.supplier().email();
        if (to != null) {
            DocumentMail.Outcome outcome = mail.send(
                    to,
                    "Purchase order " + sent.number(),
                    documents.emailText(sent),
                    sent.number() + ".pdf",
                    documents.pdf(sent));
            transactions.executeWithoutResult(
                    tx -> orders.recordEmail(sent.id(), to, outcome.sent() ? clock.millis() : null, outcome.error()));
        }
        return order(order.id());
    }

    /**
     * Receives units of an open order in one transaction: each line's received count rises (never
     * past what was ordered), one RECEIPT movement per line at the line's unit cost, the order's
     * number in its note, and the order becomes PARTIALLY_RECEIVED or RECEIVED.
     */
    @Transactional
    public Receipt receive(String idOrNumber, ReceiptRequest request) {
        PurchaseOrder order = order(idOrNumber);
        if (orders.lockForReceipt(order.id(), clock.millis()).isEmpty()) {
            throw new PurchaseOrderNotOpenException(
                    order.number(), order(order.id()).status());
        }
        Map<String, PurchaseOrder.Line> lines = new LinkedHashMap<>();
        order.lines().forEach(l -> lines.put(l.sku(), l));
        List<String> notOnOrder = request.lines().stream()
                .map(ReceiptRequest.Line::sku)
                .filter(s -> !lines.containsKey(s))
                .toList();
        if (!notOnOrder.isEmpty()) {
            throw new NotOnOrderException(order.number(), notOnOrder);
        }
        String note = order.number() + (request.note() == null ? "" : ": " + request.note());
        List<StockChange> changes = new ArrayList<>();
        List<OverReceiptException.Excess> excess = new ArrayList<>();
        for (ReceiptRequest.Line line : request.lines()) {
            Optional<Optional<BigDecimal>> cost = orders.receive(order.id(), line.sku(), line.quantity());
            if (cost.isEmpty()) {
                excess.add(new OverReceiptException.Excess(line.sku(), line.quantity(), 0));
                continue;
            }
            changes.add(StockChange.receipt(
                    line.sku(), line.quantity(), note, cost.get().orElse(null)));
        }
        if (!excess.isEmpty()) {
            // The lines as the lock left them, for an answer that says what is still open.
            Map<String, Long> open = new LinkedHashMap<>();
            order(order.id()).lines().forEach(l -> open.put(l.sku(), l.open()));
            throw new OverReceiptException(
                    order.number(),
                    excess.stream()
                            .map(e -> new OverReceiptException.Excess(
                                    e.sku(), e.requested(), open.getOrDefault(e.sku(), 0L)))
                            .toList());
        }
        List<Movement> movements =
                stock.apply(changes).stream().map(Stock.Applied::movement).toList();
        orders.settleAfterReceipt(order.id());
        return new Receipt(order(order.id()), movements);
    }

    /** Cancels a draft or open order; what was received stays received. Cancelling twice is harmless. */
    @Transactional
    public PurchaseOrder cancel(String idOrNumber) {
        PurchaseOrder order = order(idOrNumber);
        if (order.status() == PurchaseOrder.Status.CANCELLED) {
            return order;
        }
        if (!orders.transition(
                order.id(),
                List.of(PurchaseOrder.Status.DRAFT, PurchaseOrder.Status.SENT, PurchaseOrder.Status.PARTIALLY_RECEIVED),
                PurchaseOrder.Status.CANCELLED,
                clock.millis())) {
            PurchaseOrder now = order(order.id());
            if (now.status() != PurchaseOrder.Status.CANCELLED) {
                throw new PurchaseOrderNotOpenException(now.number(), now.status());
            }
        }
        return order(order.id());
    }

    /** The order as a printable PDF. */
    public byte[] pdf(String idOrNumber) {
        return documents.pdf(order(idOrNumber));
    }

    /** The order's lines as CSV with a header line. */
    public String csv(String idOrNumber) {
        return documents.csv(order(idOrNumber));
    }

    /** The currency's code and scale, for faces that show an order's money. */
    public int currencyScale() {
        return documents.currencyScale();
    }

    private PurchaseOrderNotDraftException notDraft(String id) {
        PurchaseOrder now = order(id);
        return new PurchaseOrderNotDraftException(now.number(), now.status());
    }
}

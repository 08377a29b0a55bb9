package org.stockroom.channels;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.Sku;
import org.stockroom.sales.BackorderedPurchase;
import org.stockroom.sales.Backorders;
import org.stockroom.sales.Purchase;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.sales.PurchaseReturn;
import org.stockroom.sales.ReturnRequest;
import org.stockroom.sales.Returns;
import org.stockroom.sales.Sales;
import org.stockroom.stock.Backorder;
import org.stockroom.support.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one recorded webhook delivery into stock changes. Each order is recorded under the unique
 * key (channel, order id) in the same transaction as its purchase, so however often and however
 * concurrently an order arrives, one delivery inserts it and buys, and every other finds it there
 * and does nothing. Cancellations are decided by a conditional update of the order's status and
 * refunds by a unique key per refund, so each puts units back once.
 */
@Component
class OrderIntake {

    /** The delivery cannot be processed yet (a refund of an order not seen yet); try again later. */
    static final class NotYet extends RuntimeException {
        NotYet(String message) {
            super(message, null, false, false);
        }
    }

    /** The delivery can never be processed (not the JSON its topic promises); retrying will not help. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    record Line(String sku, String title, long quantity) {}

    private final ChannelRepository repository;
    private final Catalog catalog;
    private final Sales sales;
    private final Returns returns;
    private final Backorders backorders;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    OrderIntake(
            ChannelRepository repository,
            Catalog catalog,
            Sales sales,
            Returns returns,
            Backorders backorders,
            TransactionTemplate transaction,
            JsonMapper json,
            Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.sales = sales;
        this.returns = returns;
        this.backorders = backorders;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    void process(ChannelRepository.Row channel, String topic, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (RuntimeException e) {
            throw new Unreadable("the body is not JSON");
        }
        if (!root.isObject()) {
            throw new Unreadable("the body is not a JSON object");
        }
        switch (topic) {
            case "orders/create" -> take(channel, id(root, "id"), shopifyName(root), lines(root.path("line_items")));
            case "orders/cancelled" ->
                cancel(channel, id(root, "id"), shopifyName(root), lines(root.path("line_items")));
            case "refunds/create" -> refund(channel, root);
            case "order.created", "order.updated" -> wooOrder(channel, root);
            default -> throw new Unreadable("topic " + topic + " is not one Stockroom acts on");
        }
    }

    private void wooOrder(ChannelRepository.Row channel, JsonNode root) {
        String orderId = id(root, "id");
        String number = root.path("number").asString("");
        String name = "#" + (number.isBlank() ? orderId : number);
        String status = root.path("status").asString("");
        List<Line> lines = lines(root.path("line_items"));
        switch (status) {
            case "cancelled", "refunded" -> cancel(channel, orderId, name, lines);
            // A failed payment or a checkout in progress is no sale; WooCommerce itself takes no stock for them.
            case "failed", "checkout-draft", "trash" -> {}
            default -> take(channel, orderId, name, lines);
        }
    }

    /** Records the order and buys its matched lines, once per (channel, order id). */
    void take(ChannelRepository.Row channel, String orderId, String name, List<Line> lines) {
        long now = clock.millis();
        try {
            transaction.executeWithoutResult(status -> {
                if (!repository.insertOrder(channel.id(), orderId, name, "TAKEN", null, now)) {
                    return;
                }
                List<ChannelRepository.LineRow> rows = classify(lines);
                repository.insertLines(channel.id(), orderId, rows);
                Map<String, Long> matched = new TreeMap<>();
                rows.stream()
                        .filter(ChannelRepository.LineRow::matched)
                        .forEach(r -> matched.merge(r.sku(), r.quantity(), Long::sum));
                if (matched.isEmpty()) {
                    repository.orderTaken(channel.id(), orderId, null, "NOTHING_MATCHED", null);
                    return;
                }
                BackorderedPurchase bought = buy(channel, reference(channel, name), matched);
                repository.orderTaken(channel.id(), orderId, bought.purchase().id(), "TAKEN", owed(bought));
            });
        } catch (DomainException refused) {
            // The purchase and the order's first record rolled back together; the order is recorded
            // again, without a purchase, so it is shown to the owner and never silently dropped.
            // A shortage is backordered, never refused: a refusal is for unknown or archived products.
            transaction.executeWithoutResult(status -> {
                if (repository.insertOrder(channel.id(), orderId, name, "REFUSED", refused.getMessage(), now)) {
                    repository.insertLines(channel.id(), orderId, classify(lines));
                }
            });
        }
    }

    /**
     * The one place a channel order buys. The customer has ordered already, so the order is never
     * refused for want of stock: each line takes what is available and owes the rest as a
     * backorder, which the next receipts fill oldest first.
     */
    private BackorderedPurchase buy(ChannelRepository.Row channel, String reference, Map<String, Long> quantities) {
        return sales.purchaseAllowingBackorder(PurchaseRequest.of(reference, quantities), null, channel.name());
    }

    /** What the order owes, for the owner's eyes; null when stock covered it. */
    private static String owed(BackorderedPurchase bought) {
        if (bought.backorders().isEmpty()) {
            return null;
        }
        StringBuilder detail = new StringBuilder("backordered:");
        bought.backorders()
                .forEach(b -> detail.append(' ').append(b.sku()).append(" x").append(b.quantity()));
        return detail.length() > 500 ? detail.substring(0, 500) : detail.toString();
    }

    /** Marks the order cancelled and puts back every unit of its purchase not returned yet. */
    void cancel(ChannelRepository.Row channel, String orderId, String name, List<Line> lines) {
        long now = clock.millis();
        transaction.executeWithoutResult(status -> {
            var was = repository.cancel(channel.id(), orderId, now);
            if (was.isEmpty()) {
                // Cancelled before Stockroom saw it taken: recorded as cancelled, so a late
                // orders/create for it takes nothing.
                if (repository.insertOrder(
                        channel.id(), orderId, name, "CANCELLED", "cancelled before it was taken", now)) {
                    repository.insertLines(channel.id(), orderId, classify(lines));
                }
                return;
            }
            if (was.get().purchaseId() != null) {
                String note = "order " + name + " cancelled on " + channel.name();
                // Units still owed were never delivered: they stop being owed; what was delivered comes back.
                backorders.cancelOpenOf(was.get().purchaseId(), note);
                putBack(was.get().purchaseId(), null, note);
            }
        });
    }

    /** Shopify refunds/create: puts back the refunded quantities whose restock_type is not no_restock, once per refund. */
    private void refund(ChannelRepository.Row channel, JsonNode root) {
        String refundId = id(root, "id");
        String orderId = id(root, "order_id");
        Map<String, Long> restock = new TreeMap<>();
        for (JsonNode line : root.path("refund_line_items")) {
            if ("no_restock".equals(line.path("restock_type").asString(""))) {
                continue;
            }
            String sku = line.path("line_item").path("sku").asString("");
            long quantity = line.path("quantity").asLong(0);
            if (Sku.isValid(sku) && quantity > 0) {
                restock.merge(sku, quantity, Long::sum);
            }
        }
        long now = clock.millis();
        transaction.executeWithoutResult(status -> {
            var order = repository.findOrder(channel.id(), orderId);
            if (order.isEmpty()) {
                throw new NotYet("refund " + refundId + " of order " + orderId + " arrived before the order");
            }
            if (!repository.insertRefund(channel.id(), refundId, orderId, now)) {
                return;
            }
            if (order.get().purchaseId() != null && !order.get().status().equals("CANCELLED") && !restock.isEmpty()) {
                putBack(
                        order.get().purchaseId(),
                        restock,
                        "refund " + refundId + " of order " + order.get().orderName() + " on " + channel.name());
            }
        });
    }

    /**
     * Returns {@code wanted} units (null: everything) of a purchase, capped at what is still
     * returnable, so a refund after a cancellation (Shopify sends both) puts nothing back twice.
     */
    private void putBack(String purchaseId, Map<String, Long> wanted, String note) {
        Map<String, Long> returnable = new TreeMap<>();
        for (Purchase.Line line : sales.get(purchaseId).lines()) {
            returnable.merge(line.sku(), line.quantity(), Long::sum);
        }
        for (PurchaseReturn earlier : returns.ofPurchase(purchaseId)) {
            for (PurchaseReturn.Line line : earlier.lines()) {
                returnable.merge(line.sku(), -line.quantity(), Long::sum);
            }
        }
        // Units an open backorder still owes never left the shelf, so they cannot come back.
        for (Backorder b : backorders.ofPurchase(purchaseId)) {
            returnable.merge(b.sku(), -b.owed(), Long::sum);
        }
        Map<String, Long> back = new TreeMap<>();
        returnable.forEach((sku, left) -> {
            long asked = wanted == null ? left : Math.min(left, wanted.getOrDefault(sku, 0L));
            if (asked > 0) {
                back.put(sku, asked);
            }
        });
        if (!back.isEmpty()) {
            returns.take(purchaseId, ReturnRequest.of(back, note.length() > 500 ? note.substring(0, 500) : note));
        }
    }

    private List<ChannelRepository.LineRow> classify(List<Line> lines) {
        List<ChannelRepository.LineRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            boolean matched = Sku.isValid(line.sku())
                    && line.quantity() >= 1
                    && line.quantity() <= PurchaseRequest.MAX_QUANTITY
                    && catalog.find(line.sku()).filter(p -> !p.archived()).isPresent();
            rows.add(new ChannelRepository.LineRow(i + 1, line.sku(), line.title(), line.quantity(), matched));
        }
        return rows;
    }

    private static List<Line> lines(JsonNode items) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode item : items) {
            String sku = item.path("sku").asString("");
            String title = item.path("name").asString(item.path("title").asString(""));
            lines.add(new Line(
                    sku.isBlank() ? null : sku,
                    title.length() > 200 ? title.substring(0, 200) : title,
                    item.path("quantity").asLong(0)));
        }
        return lines;
    }

    private static String id(JsonNode root, String field) {
        JsonNode id = root.path(field);
        if (!id.isNumber() && !id.isString()) {
            throw new Unreadable("the delivery has no " + field);
        }
        String value = id.asString();
        if (value.isBlank() || value.length() > 64) {
            throw new Unreadable("the delivery's " + field + " is not an id");
        }
        return value;
    }

    private static String shopifyName(JsonNode root) {
        String name = root.path("name").asString("");
        if (!name.isBlank()) {
            return name;
        }
        String number = root.path("order_number").asString("");
        return "#" + (number.isBlank() ? root.path("id").asString() : number);
    }

    private static String reference(ChannelRepository.Row channel, String orderName) {
        String reference = channel.name() + " " + orderName;
        return reference.length() > 255 ? reference.substring(0, 255) : reference;
    }
}

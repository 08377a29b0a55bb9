package org.stockroom.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.catalog.UnknownSkuException;
import org.stockroom.stock.Backorder;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Purchases that allow backorders, receipts that fill them oldest first, cancellation, the
 * backorders API and the self-check, over real HTTP on the suite's database (SQLite, and
 * PostgreSQL in the suite's second run).
 */
class BackorderTests extends ApiTestSupport {

    @Autowired
    Sales sales;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.stockroom.reservations.Reservations reservations;

    private BackorderedPurchase buy(String reference, String sku, long quantity) {
        return sales.purchaseAllowingBackorder(PurchaseRequest.of(reference, Map.of(sku, quantity)), null, "Woo");
    }

    private JsonNode product(String sku) {
        return api.get("/api/products/" + sku).json();
    }

    private long ledger(String sku) {
        return jdbc.sql("SELECT COALESCE(SUM(delta), 0) FROM stock_movement WHERE sku = :sku")
                .param("sku", sku)
                .query(Long.class)
                .single();
    }

    private void selfCheckPasses() {
        JsonNode report = api.get("/api/admin/verify").json();
        assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
    }

    @Test
    void aShortPurchaseTakesWhatIsAvailableSellsTheWholeQuantityAndOwesTheRest() {
        api.post("/api/products", product("LAP-1", "100.00", 3, 1));

        BackorderedPurchase bought = buy("order-1", "LAP-1", 5);

        assertThat(bought.purchase().lines().get(0).quantity()).isEqualTo(5);
        assertThat(bought.purchase().total()).isEqualByComparingTo("500.00");
        assertThat(bought.backorders()).singleElement().satisfies(b -> {
            assertThat(b.quantity()).isEqualTo(2);
            assertThat(b.status()).isEqualTo(Backorder.Status.OPEN);
            assertThat(b.purchaseId()).isEqualTo(bought.purchase().id());
        });
        JsonNode laptop = product("LAP-1");
        assertThat(laptop.path("stock").asLong()).isZero();
        assertThat(laptop.path("available").asLong()).isZero();
        assertThat(laptop.path("backordered").asLong()).isEqualTo(2);
        assertThat(laptop.path("unitsSold").asLong()).isEqualTo(5);
        JsonNode sale =
                api.get("/api/products/LAP-1/movements").json().path("items").get(0);
        assertThat(sale.path("type").asString()).isEqualTo("SALE");
        assertThat(sale.path("delta").asLong()).isEqualTo(-3);
        assertThat(ledger("LAP-1")).isZero();
        assertThat(api.get("/api/reports/sales")
                        .json()
                        .path("totals")
                        .path("units")
                        .asLong())
                .isEqualTo(5);
        assertThat(api.get("/api/alerts").json().get(0).path("level").asString())
                .isEqualTo("OUT");
        selfCheckPasses();
    }

    @Test
    void aPurchaseStockCoversOpensNoBackorder() {
        api.post("/api/products", product("LAP-1", "100.00", 3, 1));

        BackorderedPurchase bought = buy("order-1", "LAP-1", 3);

        assertThat(bought.backorders()).isEmpty();
        assertThat(product("LAP-1").path("backordered").asLong()).isZero();
        assertThat(api.get("/api/backorders?status=all").json()).isEmpty();
    }

    @Test
    void anUnknownOrArchivedProductIsRefusedAndNothingChanges() {
        api.post("/api/products", product("LAP-1", "100.00", 0, 1));
        api.post("/api/products", product("OLD-1", "100.00", 0, 1));
        api.delete("/api/products/OLD-1");

        assertThatThrownBy(() -> sales.purchaseAllowingBackorder(
                        PurchaseRequest.of("x", Map.of("LAP-1", 2L, "NOPE", 1L)), null, null))
                .isInstanceOf(UnknownSkuException.class);
        assertThatThrownBy(() -> sales.purchaseAllowingBackorder(
                        PurchaseRequest.of("x", Map.of("LAP-1", 2L, "OLD-1", 1L)), null, null))
                .hasMessageContaining("OLD-1");

        assertThat(product("LAP-1").path("backordered").asLong()).isZero();
        assertThat(api.get("/api/backorders?status=all").json()).isEmpty();
        assertThat(api.get("/api/purchases").json().path("total").asLong()).isZero();
    }

    @Test
    void receiptsFillOpenBackordersOldestFirstBeforeUnitsBecomeAvailable() {
        api.post("/api/products", product("LAP-1", "100.00", 0, 0));
        long first = buy("first", "LAP-1", 3).backorders().get(0).id();
        long second = buy("second", "LAP-1", 2).backorders().get(0).id();

        api.post("/api/products/LAP-1/receipts", "{\"quantity\":4}");

        JsonNode laptop = product("LAP-1");
        assertThat(laptop.path("stock").asLong()).isZero();
        assertThat(laptop.path("available").asLong()).isZero();
        assertThat(laptop.path("backordered").asLong()).isEqualTo(1);
        JsonNode a = api.get("/api/backorders/" + first).json();
        assertThat(a.path("status").asString()).isEqualTo("FILLED");
        assertThat(a.path("filled").asLong()).isEqualTo(3);
        assertThat(a.path("filledAt").isNull()).isFalse();
        JsonNode b = api.get("/api/backorders/" + second).json();
        assertThat(b.path("status").asString()).isEqualTo("OPEN");
        assertThat(b.path("filled").asLong()).isEqualTo(1);
        // The receipt, then one documented SALE per backorder filled: the ledger still sums to stock.
        List<String> ledger = new ArrayList<>();
        api.get("/api/products/LAP-1/movements")
                .json()
                .path("items")
                .forEach(m -> ledger.add(m.path("type").asString() + "/"
                        + m.path("reason").asString("") + "/" + m.path("delta").asLong()));
        assertThat(ledger).containsExactly("SALE/BACKORDER/-1", "SALE/BACKORDER/-3", "RECEIPT//4");
        assertThat(ledger("LAP-1")).isZero();

        // A positive adjustment fills too; what is left over becomes available.
        api.post("/api/products/LAP-1/adjustments", "{\"delta\":5,\"reason\":\"FOUND\"}");
        laptop = product("LAP-1");
        assertThat(laptop.path("available").asLong()).isEqualTo(4);
        assertThat(laptop.path("backordered").asLong()).isZero();
        assertThat(api.get("/api/backorders/" + second).json().path("status").asString())
                .isEqualTo("FILLED");
        assertThat(api.get("/api/backorders?status=filled").json()).hasSize(2);
        assertThat(api.get("/api/backorders").json()).isEmpty();
        selfCheckPasses();
    }

    /**
     * Units a hold gives back (released, or expired and swept) are owed to earlier customers before
     * anyone else may buy them, as units a receipt brings in are; a committed hold's units go to
     * its own buyer.
     */
    @Test
    void unitsAReleasedOrExpiredHoldGivesBackFillOpenBackordersBeforeBecomingAvailable() {
        api.post("/api/products", product("LAP-1", "100.00", 5, 0));
        String released = holdOf("LAP-1", 2);
        String expiring = holdOf("LAP-1", 2);
        String committed = holdOf("LAP-1", 1);
        long owed = buy("owed", "LAP-1", 4).backorders().get(0).id();
        assertThat(product("LAP-1").path("backordered").asLong()).isEqualTo(4);

        assertThat(api.delete("/api/reservations/" + released).status()).isEqualTo(204);

        JsonNode laptop = product("LAP-1");
        assertThat(laptop.path("backordered").asLong()).isEqualTo(2);
        assertThat(laptop.path("available").asLong())
                .as("nothing left for a new buyer")
                .isZero();
        assertThat(api.post("/api/purchases", purchase("LAP-1", 1)).status()).isEqualTo(409);

        jdbc.sql("UPDATE reservation SET expires_at = 0 WHERE id = :id")
                .param("id", expiring)
                .update();
        reservations.expireDue();

        laptop = product("LAP-1");
        assertThat(laptop.path("backordered").asLong()).isZero();
        assertThat(laptop.path("stock").asLong())
                .as("the committed hold's unit")
                .isEqualTo(1);
        assertThat(laptop.path("reserved").asLong()).isEqualTo(1);
        assertThat(api.get("/api/backorders/" + owed).json().path("status").asString())
                .isEqualTo("FILLED");

        Api.Response commit = api.post("/api/reservations/" + committed + "/commit", "");
        assertThat(commit.status()).as(commit.text()).isEqualTo(201);
        laptop = product("LAP-1");
        assertThat(laptop.path("stock").asLong()).isZero();
        assertThat(laptop.path("reserved").asLong()).isZero();
        assertThat(ledger("LAP-1")).isZero();
        selfCheckPasses();
    }

    /** MUG with {@code mugs} units, COASTER with 10, and GIFT, a bundle of two mugs and a coaster. */
    private void giftSetOfTwoMugsAndACoaster(long mugs) {
        api.post("/api/products", product("MUG", "8.00", mugs, 0));
        api.post("/api/products", product("COASTER", "2.00", 10, 0));
        Api.Response gift = api.post(
                "/api/products",
                "{\"sku\":\"GIFT\",\"name\":\"Gift set\",\"price\":15.00,\"reorderThreshold\":0,"
                        + "\"components\":[{\"sku\":\"MUG\",\"quantity\":2},{\"sku\":\"COASTER\",\"quantity\":1}]}");
        assertThat(gift.status()).as(gift.text()).isEqualTo(201);
    }

    private String holdOf(String sku, long quantity) {
        Api.Response held =
                api.post("/api/reservations", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}");
        assertThat(held.status()).as(held.text()).isEqualTo(201);
        return held.json().path("id").asString();
    }

    @Test
    void aCancelledBackorderIsOwedNoMoreAndItsUnitsAreGivenBackOnThePurchase() {
        api.post("/api/products", product("LAP-1", "100.00", 0, 0));
        BackorderedPurchase bought = buy("order-1", "LAP-1", 5);
        long id = bought.backorders().get(0).id();
        api.post("/api/products/LAP-1/receipts", "{\"quantity\":2}");

        // The 3 still owed never left the shelf: they cannot be returned, only cancelled.
        Api.Response tooMany = api.post(
                "/api/purchases/" + bought.purchase().id() + "/returns",
                "{\"lines\":[{\"sku\":\"LAP-1\",\"quantity\":3}]}");
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().path("code").asString()).isEqualTo("return-exceeds-purchase");

        Api.Response cancelled = api.post("/api/backorders/" + id + "/cancel", "");

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("filled").asLong()).isEqualTo(2);
        JsonNode laptop = product("LAP-1");
        assertThat(laptop.path("stock").asLong()).isZero();
        assertThat(laptop.path("backordered").asLong()).isZero();
        assertThat(laptop.path("unitsSold").asLong()).isEqualTo(2);
        assertThat(api.get("/api/reports/sales")
                        .json()
                        .path("totals")
                        .path("revenue")
                        .decimalValue())
                .isEqualByComparingTo("200.00");
        api.post("/api/products/LAP-1/receipts", "{\"quantity\":1}");
        assertThat(product("LAP-1").path("available").asLong()).isEqualTo(1);

        Api.Response again = api.post("/api/backorders/" + id + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("backorder-not-open");
        assertThat(api.post("/api/backorders/999999/cancel", "").status()).isEqualTo(404);
        assertThat(api.get("/api/backorders/not-a-number").json().path("code").asString())
                .isEqualTo("unknown-backorder");
        selfCheckPasses();
    }

    @Test
    void theListAnswersEachStatusAndRefusesAnUnknownOne() {
        api.post("/api/products", product("LAP-1", "100.00", 0, 0));
        buy("a", "LAP-1", 1);
        long cancelled = buy("b", "LAP-1", 1).backorders().get(0).id();
        api.post("/api/backorders/" + cancelled + "/cancel", "");

        JsonNode open = api.get("/api/backorders?status=open").json();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("channel").asString()).isEqualTo("Woo");
        assertThat(open.get(0).has("createdAt")).isTrue();
        assertThat(api.get("/api/backorders?status=cancelled").json()).hasSize(1);
        assertThat(api.get("/api/backorders?status=all").json()).hasSize(2);
        Api.Response bad = api.get("/api/backorders?status=late");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("code").asString()).isEqualTo("invalid-request");
    }

    @Test
    void aBackorderIsAnnouncedToSubscribedWebhooks() {
        api.post("/api/products", product("LAP-1", "100.00", 0, 0));
        Api.Response hook =
                api.post("/api/webhooks", "{\"url\":\"http://127.0.0.1:9/hooks\",\"events\":[\"backorder.created\"]}");
        assertThat(hook.status()).as(hook.text()).isEqualTo(201);

        buy("order-1", "LAP-1", 2);

        String body = jdbc.sql("SELECT payload FROM notification_outbox WHERE event_type = 'backorder.created'")
                .query(String.class)
                .single();
        assertThat(body).contains("\"backorder\"", "\"quantity\":2", "\"backordered\":2");
    }

    @Test
    void racingReceiptsAndBackorderPurchasesNeverOversellAndKeepEveryFigureExplained() throws Exception {
        api.post("/api/products", product("HOT-1", "10.00", 5, 0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Long>> work = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            work.add(
                    n % 2 == 0
                            ? () -> {
                                buy("race-" + n, "HOT-1", 1 + n % 3);
                                return 0L;
                            }
                            : () -> {
                                Api.Response r =
                                        api.post("/api/products/HOT-1/receipts", "{\"quantity\":" + (1 + n % 4) + "}");
                                assertThat(r.status()).as(r.text()).isEqualTo(201);
                                return (long) (1 + n % 4);
                            });
        }
        long received = 0;
        try {
            for (Future<Long> f : pool.invokeAll(work)) {
                received += f.get();
            }
        } finally {
            pool.shutdown();
        }

        JsonNode hot = product("HOT-1");
        long stock = hot.path("stock").asLong();
        long backordered = hot.path("backordered").asLong();
        assertThat(stock).isGreaterThanOrEqualTo(0);
        // Units are never available while some are owed: receipts fill before anything is available.
        assertThat(backordered == 0 || hot.path("available").asLong() == 0).isTrue();
        // Everything that came in either is on the shelf or went to a buyer (now or from a backorder).
        assertThat(stock + hot.path("unitsSold").asLong() - backordered).isEqualTo(5 + received);
        assertThat(ledger("HOT-1")).isEqualTo(stock);
        selfCheckPasses();
    }

    @Test
    void aBundleSoldShortOwesItsComponentsUnitsAndItsBackorderIsFilledNotCancelled() {
        giftSetOfTwoMugsAndACoaster(3);

        BackorderedPurchase bought = buy("order-gift", "GIFT", 2);

        assertThat(bought.purchase().lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("GIFT");
            assertThat(l.quantity()).isEqualTo(2);
        });
        assertThat(bought.purchase().total()).isEqualByComparingTo("30.00");
        assertThat(bought.backorders()).singleElement().satisfies(b -> {
            assertThat(b.sku()).isEqualTo("MUG");
            assertThat(b.quantity()).isEqualTo(1);
        });
        assertThat(product("MUG").path("stock").asLong()).isZero();
        assertThat(product("MUG").path("backordered").asLong()).isEqualTo(1);
        assertThat(product("COASTER").path("stock").asLong()).isEqualTo(8);
        assertThat(product("GIFT").path("unitsSold").asLong()).isEqualTo(2);
        selfCheckPasses();

        long id = bought.backorders().get(0).id();
        Api.Response cancelled = api.post("/api/backorders/" + id + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(409);
        assertThat(cancelled.json().path("code").asString()).isEqualTo("backorder-of-bundle");

        assertThat(api.post("/api/products/MUG/receipts", "{\"quantity\":4}").status())
                .isEqualTo(201);
        assertThat(product("MUG").path("backordered").asLong()).isZero();
        assertThat(product("MUG").path("stock").asLong()).isEqualTo(3);
        selfCheckPasses();
    }

    @Test
    void aBundleReturnedWhileItsComponentIsOwedSettlesItsOwnBackorderNotAnOlderCustomers() {
        giftSetOfTwoMugsAndACoaster(0);
        BackorderedPurchase older = buy("order-mugs", "MUG", 2);
        BackorderedPurchase set = buy("order-gift", "GIFT", 1);
        assertThat(set.backorders()).singleElement().satisfies(b -> {
            assertThat(b.sku()).isEqualTo("MUG");
            assertThat(b.quantity()).isEqualTo(2);
        });

        Api.Response returned = api.post(
                "/api/purchases/" + set.purchase().id() + "/returns",
                "{\"lines\":[{\"sku\":\"GIFT\",\"quantity\":1}]}");

        assertThat(returned.status()).as(returned.text()).isEqualTo(201);
        // No mug came back (none had left the shelf): the older order is owed its mugs as before,
        // and the returned set owes nothing any more.
        JsonNode olderBackorder =
                api.get("/api/backorders/" + older.backorders().get(0).id()).json();
        assertThat(olderBackorder.path("status").asString()).isEqualTo("OPEN");
        assertThat(olderBackorder.path("filled").asLong()).isZero();
        assertThat(api.get("/api/backorders/" + set.backorders().get(0).id())
                        .json()
                        .path("status")
                        .asString())
                .isNotEqualTo("OPEN");
        assertThat(product("MUG").path("stock").asLong()).isZero();
        assertThat(product("MUG").path("backordered").asLong()).isEqualTo(2);
        assertThat(product("COASTER").path("stock").asLong()).isEqualTo(10);
        selfCheckPasses();
    }
}

package org.stockroom.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import org.stockroom.testing.TestMail;
import tools.jackson.databind.JsonNode;

/**
 * Sales channels over real HTTP both ways: the platforms' webhooks, signed as they sign them, come
 * in through the API; stock goes out to fake Shopify and WooCommerce servers.
 */
class ChannelTests extends ApiTestSupport {

    static final String SHOPIFY_SECRET = "shopify-webhook-secret";
    static final String WOO_SECRET = "woo-webhook-secret";
    static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final List<AutoCloseable> fakes = new ArrayList<>();

    @AfterEach
    void stopFakes() throws Exception {
        for (AutoCloseable fake : fakes) {
            fake.close();
        }
    }

    private FakeShopify shopify() {
        FakeShopify fake = new FakeShopify();
        fakes.add(fake);
        return fake;
    }

    private FakeWooCommerce woo() {
        FakeWooCommerce fake = new FakeWooCommerce();
        fakes.add(fake);
        return fake;
    }

    private String connectShopify(String name, FakeShopify fake) {
        var created = api.post(
                "/api/channels",
                "{\"type\":\"shopify\",\"name\":\"" + name + "\",\"shopDomain\":\"" + fake.url()
                        + "\",\"accessToken\":\""
                        + FakeShopify.TOKEN + "\",\"webhookSecret\":\"" + SHOPIFY_SECRET + "\",\"locationId\":\""
                        + FakeShopify.LOCATION + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String connectWoo(String name, FakeWooCommerce fake) {
        var created = api.post(
                "/api/channels",
                "{\"type\":\"woocommerce\",\"name\":\"" + name + "\",\"siteUrl\":\"" + fake.url()
                        + "\",\"consumerKey\":\""
                        + FakeWooCommerce.KEY + "\",\"consumerSecret\":\"" + FakeWooCommerce.SECRET
                        + "\",\"webhookSecret\":\"" + WOO_SECRET + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private Api.Response deliverShopify(String channelId, String topic, String body) {
        return anonymous.post(
                "/api/channels/" + channelId + "/webhooks",
                body,
                Map.of(
                        "X-Shopify-Topic",
                        topic,
                        "X-Shopify-Hmac-Sha256",
                        Payloads.sign(body, SHOPIFY_SECRET),
                        "X-Shopify-Shop-Domain",
                        "example.myshopify.com",
                        "X-Shopify-Webhook-Id",
                        "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"));
    }

    private Api.Response deliverWoo(String channelId, String topic, String body) {
        return anonymous.post(
                "/api/channels/" + channelId + "/webhooks",
                body,
                Map.of(
                        "X-WC-Webhook-Topic",
                        topic,
                        "X-WC-Webhook-Resource",
                        "order",
                        "X-WC-Webhook-Event",
                        topic.substring(topic.indexOf('.') + 1),
                        "X-WC-Webhook-Signature",
                        Payloads.sign(body, WOO_SECRET),
                        "X-WC-Webhook-ID",
                        "12"));
    }

    private long stock(String sku) {
        return api.get("/api/products/" + sku).json().path("stock").asLong();
    }

    private List<JsonNode> purchases() {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/purchases?size=500").json().path("items").forEach(items::add);
        return items;
    }

    private long rows(String sql) {
        return JdbcClient.create(dataSource).sql(sql).query(Long.class).single();
    }

    private JsonNode order(String channelId, String orderId) {
        for (JsonNode o : api.get("/api/channels/" + channelId + "/orders").json()) {
            if (o.path("orderId").asString().equals(orderId)) {
                return o;
            }
        }
        return null;
    }

    private List<String> logKinds(String channelId) {
        List<String> kinds = new ArrayList<>();
        api.get("/api/channels/" + channelId + "/sync-log?size=500")
                .json()
                .path("items")
                .forEach(e -> kinds.add(
                        e.path("kind").asString() + ":" + e.path("sku").asString("")));
        return kinds;
    }

    @Test
    void connectingKeepsSecretsOutOfEveryAnswerAndSealedInTheDatabase() {
        FakeShopify fake = shopify();
        String id = connectShopify("Main store", fake);

        String answers =
                api.get("/api/channels/" + id).text() + api.get("/api/channels").text();
        assertThat(answers).contains("\"webhookPath\":\"/api/channels/" + id + "/webhooks\"");
        assertThat(answers).doesNotContain(FakeShopify.TOKEN).doesNotContain(SHOPIFY_SECRET);
        String stored = JdbcClient.create(dataSource)
                .sql("SELECT secrets FROM sales_channel WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain(FakeShopify.TOKEN).doesNotContain(SHOPIFY_SECRET);
    }

    @Test
    void connectingWithMissingOrWrongFieldsIsA400ThatNamesThemAndConnectsNothing() {
        var refused = api.post("/api/channels", "{\"type\":\"shopify\",\"name\":\"\",\"locationId\":\"7\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asString()).isEqualTo("invalid-request");
        assertThat(refused.text()).contains("shopDomain", "accessToken", "webhookSecret", "locationId", "name");
        assertThat(api.post("/api/channels", "{\"type\":\"amazon\",\"name\":\"x\",\"webhookSecret\":\"s\"}")
                        .status())
                .isEqualTo(400);
        assertThat(rows("SELECT COUNT(*) FROM sales_channel")).isZero();
    }

    @Test
    void aDeliveryWithoutTheRightSignatureIsRefusedWith401AndRecordsNothing() {
        String id = connectShopify("Main store", shopify());
        String body = Payloads.shopifyOrder(1, "#1001", Payloads.shopifyLine(1, "LAP-1", 1));
        var missing =
                anonymous.post("/api/channels/" + id + "/webhooks", body, Map.of("X-Shopify-Topic", "orders/create"));
        var wrongSecret = anonymous.post(
                "/api/channels/" + id + "/webhooks",
                body,
                Map.of("X-Shopify-Topic", "orders/create", "X-Shopify-Hmac-Sha256", Payloads.sign(body, "guess")));
        var tampered = anonymous.post(
                "/api/channels/" + id + "/webhooks",
                body.replace("\"quantity\":1", "\"quantity\":9"),
                Map.of(
                        "X-Shopify-Topic",
                        "orders/create",
                        "X-Shopify-Hmac-Sha256",
                        Payloads.sign(body, SHOPIFY_SECRET)));
        var unknownChannel = deliverShopify("no-such-channel", "orders/create", body);

        for (Api.Response r : List.of(missing, wrongSecret, tampered, unknownChannel)) {
            assertThat(r.status()).as(r.text()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("code").asString()).isEqualTo("invalid-signature");
        }
        assertThat(rows("SELECT COUNT(*) FROM channel_inbox")).isZero();
    }

    @Test
    void aShopifyOrderBecomesOnePurchaseAndItsUnmatchedLinesAreRecordedNotFailed() {
        api.post("/api/products", product("LAP-1", "999.00", 10, 2));
        api.post("/api/products", product("MOU-1", "20.00", 10, 2));
        String id = connectShopify("Main store", shopify());
        String body = Payloads.shopifyOrder(
                820982911946154508L,
                "#1001",
                Payloads.shopifyLine(1, "LAP-1", 2),
                Payloads.shopifyLine(2, "MOU-1", 1),
                Payloads.shopifyLine(3, null, 1),
                Payloads.shopifyLine(4, "NOT-SOLD-HERE", 5));

        var answer = deliverShopify(id, "orders/create", body);

        assertThat(answer.status()).isEqualTo(200);
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(stock("LAP-1")).isEqualTo(8));
        assertThat(stock("MOU-1")).isEqualTo(9);
        List<JsonNode> purchases = purchases();
        assertThat(purchases).hasSize(1);
        assertThat(purchases.get(0).path("reference").asString()).isEqualTo("Main store #1001");
        JsonNode order = order(id, "820982911946154508");
        assertThat(order.path("status").asString()).isEqualTo("TAKEN");
        assertThat(order.path("purchaseId").asString())
                .isEqualTo(purchases.get(0).path("id").asString());
        assertThat(order.path("orderUrl").asString()).endsWith("/admin/orders/820982911946154508");
        List<String> unmatched = new ArrayList<>();
        order.path("lines").forEach(l -> {
            if (!l.path("matched").asBoolean()) {
                unmatched.add(l.path("sku").asString("(none)") + "x"
                        + l.path("quantity").asLong());
            }
        });
        assertThat(unmatched).containsExactlyInAnyOrder("(none)x1", "NOT-SOLD-HEREx5");
    }

    @Test
    void concurrentDuplicateDeliveriesOfOneOrderMakeExactlyOnePurchase() throws Exception {
        api.post("/api/products", product("LAP-1", "999.00", 100, 2));
        String id = connectShopify("Main store", shopify());
        String body = Payloads.shopifyOrder(5001, "#5001", Payloads.shopifyLine(1, "LAP-1", 3));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> deliveries = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                deliveries.add(() -> deliverShopify(id, "orders/create", body).status());
            }
            for (Future<Integer> f : pool.invokeAll(deliveries)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(rows("SELECT COUNT(*) FROM channel_inbox WHERE status = 'PENDING'"))
                        .isZero());
        assertThat(rows("SELECT COUNT(*) FROM channel_inbox WHERE status = 'DONE'"))
                .isEqualTo(24);
        assertThat(purchases()).hasSize(1);
        assertThat(stock("LAP-1")).isEqualTo(97);
    }

    @Test
    void aCancelledShopifyOrderPutsItsUnitsBackOnceHoweverOftenItIsDelivered() {
        api.post("/api/products", product("LAP-1", "999.00", 10, 2));
        String id = connectShopify("Main store", shopify());
        deliverShopify(id, "orders/create", Payloads.shopifyOrder(7, "#1007", Payloads.shopifyLine(1, "LAP-1", 4)));
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(stock("LAP-1")).isEqualTo(6));

        String cancelled = Payloads.shopifyCancelled(7, "#1007", Payloads.shopifyLine(1, "LAP-1", 4));
        deliverShopify(id, "orders/cancelled", cancelled);
        deliverShopify(id, "orders/cancelled", cancelled);
        // Shopify also sends a refund with restock_type "cancel" for a cancelled paid order.
        deliverShopify(
                id, "refunds/create", Payloads.shopifyRefund(90, 7, Payloads.refundLine(91, 1, "LAP-1", 4, "cancel")));

        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(rows("SELECT COUNT(*) FROM channel_inbox WHERE status = 'DONE'"))
                        .isEqualTo(4));
        assertThat(stock("LAP-1")).isEqualTo(10);
        assertThat(order(id, "7").path("status").asString()).isEqualTo("CANCELLED");
        String purchaseId = purchases().get(0).path("id").asString();
        assertThat(api.get("/api/purchases/" + purchaseId + "/returns").json()).hasSize(1);
    }

    @Test
    void aRefundPutsBackOnlyTheLinesItRestocksAndOnlyOnce() {
        api.post("/api/products", product("LAP-1", "999.00", 10, 2));
        api.post("/api/products", product("MOU-1", "20.00", 10, 2));
        String id = connectShopify("Main store", shopify());
        deliverShopify(
                id,
                "orders/create",
                Payloads.shopifyOrder(
                        8, "#1008", Payloads.shopifyLine(1, "LAP-1", 3), Payloads.shopifyLine(2, "MOU-1", 2)));
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(stock("MOU-1")).isEqualTo(8));

        String refund = Payloads.shopifyRefund(
                70,
                8,
                Payloads.refundLine(71, 1, "LAP-1", 2, "return"),
                Payloads.refundLine(72, 2, "MOU-1", 2, "no_restock"));
        deliverShopify(id, "refunds/create", refund);
        deliverShopify(id, "refunds/create", refund);

        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(rows("SELECT COUNT(*) FROM channel_inbox WHERE status = 'DONE'"))
                        .isEqualTo(3));
        assertThat(stock("LAP-1")).isEqualTo(9);
        assertThat(stock("MOU-1")).isEqualTo(8);
    }

    @Test
    void anOrderTheStockCannotCoverTakesWhatIsAvailableAndBackordersTheRest() {
        api.post("/api/products", product("LAP-1", "999.00", 1, 0));
        String id = connectShopify("Main store", shopify());
        deliverShopify(id, "orders/create", Payloads.shopifyOrder(9, "#1009", Payloads.shopifyLine(1, "LAP-1", 3)));

        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(order(id, "9")).isNotNull());
        JsonNode order = order(id, "9");
        assertThat(order.path("status").asString()).isEqualTo("TAKEN");
        assertThat(order.path("detail").asString()).contains("LAP-1 x2");
        JsonNode laptop = api.get("/api/products/LAP-1").json();
        assertThat(laptop.path("stock").asLong()).isZero();
        assertThat(laptop.path("backordered").asLong()).isEqualTo(2);
        assertThat(laptop.path("unitsSold").asLong()).isEqualTo(3);
        List<JsonNode> purchases = purchases();
        assertThat(purchases).hasSize(1);
        assertThat(purchases.get(0).path("lines").get(0).path("quantity").asLong())
                .isEqualTo(3);
        JsonNode backorder = api.get("/api/backorders").json().get(0);
        assertThat(backorder.path("quantity").asLong()).isEqualTo(2);
        assertThat(backorder.path("channel").asString()).isEqualTo("Main store");
        assertThat(backorder.path("purchaseId").asString())
                .isEqualTo(purchases.get(0).path("id").asString());
    }

    @Test
    void twoChannelsSellingTheLastUnitAtOnceMakeOneSaleAndOneBackorderAndBothStorefrontsShowZero() throws Exception {
        api.post("/api/products", product("LAST-1", "50.00", 1, 0));
        FakeShopify shopify = shopify();
        shopify.catalog(List.of(new FakeShopify.Variant("LAST-1", 301, 1L)));
        FakeWooCommerce woo = woo();
        woo.catalog(List.of(new FakeWooCommerce.Product(40, "LAST-1", "simple", 1L, null)));
        String shop = connectShopify("Main store", shopify);
        String wooId = connectWoo("Woo", woo);
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(api.get("/api/channels/" + wooId)
                                .json()
                                .path("listedSkus")
                                .asLong())
                        .isEqualTo(1));

        var answers = org.stockroom.testing.AllAtOnce.send(
                2,
                2,
                i -> () -> i == 0
                        ? deliverShopify(
                                shop,
                                "orders/create",
                                Payloads.shopifyOrder(11, "#1011", Payloads.shopifyLine(1, "LAST-1", 1)))
                        : deliverWoo(
                                wooId,
                                "order.created",
                                Payloads.wooOrder(911, "processing", Payloads.wooLine(1, "LAST-1", 1))));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(rows("SELECT COUNT(*) FROM channel_inbox WHERE status = 'DONE'"))
                        .isEqualTo(2));
        JsonNode last = api.get("/api/products/LAST-1").json();
        assertThat(last.path("stock").asLong()).isZero();
        assertThat(last.path("available").asLong()).isZero();
        assertThat(last.path("backordered").asLong()).isEqualTo(1);
        assertThat(purchases()).hasSize(2);
        assertThat(rows("SELECT COUNT(*) FROM stock_movement WHERE sku = 'LAST-1' AND type = 'SALE'"))
                .isEqualTo(1);
        JsonNode backorders = api.get("/api/backorders").json();
        assertThat(backorders).hasSize(1);
        assertThat(backorders.get(0).path("quantity").asLong()).isEqualTo(1);
        await().atMost(TEN_SECONDS).untilAsserted(() -> {
            assertThat(shopify.shows(301)).isZero();
            assertThat(woo.shows("/products/40")).isZero();
        });
        assertThat(api.get("/api/admin/verify").json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void cancellingABackorderedOrderCancelsItsBackorderAndPutsBackOnlyWhatWasDelivered() {
        api.post("/api/products", product("LAP-1", "100.00", 2, 0));
        String id = connectShopify("Main store", shopify());
        deliverShopify(id, "orders/create", Payloads.shopifyOrder(12, "#1012", Payloads.shopifyLine(1, "LAP-1", 5)));
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(order(id, "12")).isNotNull());
        api.post("/api/products/LAP-1/receipts", "{\"quantity\":1}");
        assertThat(api.get("/api/backorders").json().get(0).path("filled").asLong())
                .isEqualTo(1);

        deliverShopify(
                id, "orders/cancelled", Payloads.shopifyCancelled(12, "#1012", Payloads.shopifyLine(1, "LAP-1", 5)));

        await().atMost(TEN_SECONDS)
                .untilAsserted(() ->
                        assertThat(order(id, "12").path("status").asString()).isEqualTo("CANCELLED"));
        JsonNode laptop = api.get("/api/products/LAP-1").json();
        // 2 taken at once and 1 filled later came back; the 2 still owed are owed no more.
        assertThat(laptop.path("stock").asLong()).isEqualTo(3);
        assertThat(laptop.path("backordered").asLong()).isZero();
        assertThat(laptop.path("unitsSold").asLong()).isZero();
        assertThat(api.get("/api/backorders?status=cancelled").json()).hasSize(1);
        assertThat(api.get("/api/reports/sales")
                        .json()
                        .path("totals")
                        .path("revenue")
                        .decimalValue())
                .isZero();
        assertThat(api.get("/api/admin/verify").json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void wooCommercesUnsignedPingIsAnsweredAndRecordsNothing() {
        String id = connectWoo("Woo", woo());
        var ping = anonymous.post(
                "/api/channels/" + id + "/webhooks",
                "webhook_id=12",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(ping.status()).isEqualTo(200);
        assertThat(rows("SELECT COUNT(*) FROM channel_inbox")).isZero();

        var unsignedOrder = anonymous.post(
                "/api/channels/" + id + "/webhooks",
                Payloads.wooOrder(1, "processing", Payloads.wooLine(1, "LAP-1", 1)),
                Map.of("X-WC-Webhook-Topic", "order.created"));
        assertThat(unsignedOrder.status()).isEqualTo(401);
    }

    @Test
    void aWooCommerceOrderTakesStockAndItsCancellationPutsItBack() {
        api.post("/api/products", product("TEE-M", "20.00", 10, 2));
        String id = connectWoo("Woo", woo());
        assertThat(deliverWoo(
                                id,
                                "order.created",
                                Payloads.wooOrder(727, "processing", Payloads.wooLine(1, "TEE-M", 2)))
                        .status())
                .isEqualTo(200);
        // WooCommerce sends order.updated for every change of the order; none of them buys again.
        deliverWoo(id, "order.updated", Payloads.wooOrder(727, "completed", Payloads.wooLine(1, "TEE-M", 2)));
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(stock("TEE-M")).isEqualTo(8));
        assertThat(purchases().get(0).path("reference").asString()).isEqualTo("Woo #727");

        deliverWoo(id, "order.updated", Payloads.wooOrder(727, "cancelled", Payloads.wooLine(1, "TEE-M", 2)));
        deliverWoo(id, "order.updated", Payloads.wooOrder(727, "refunded", Payloads.wooLine(1, "TEE-M", 2)));
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(rows("SELECT COUNT(*) FROM channel_inbox WHERE status = 'DONE'"))
                        .isEqualTo(4));
        assertThat(stock("TEE-M")).isEqualTo(10);
        assertThat(purchases()).hasSize(1);
    }

    @Test
    void shopifyCatalogIsMappedPageByPageAndEveryStockChangeReachesItWithinTenSeconds() {
        api.post("/api/products", product("LAP-1", "999.00", 10, 2));
        api.post("/api/products", product("MOU-1", "20.00", 5, 1));
        api.post("/api/products", product("ONLY-HERE", "1.00", 5, 1));
        FakeShopify fake = shopify();
        fake.catalog(List.of(
                new FakeShopify.Variant("LAP-1", 101, 10L),
                new FakeShopify.Variant("MOU-1", 102, 7L),
                new FakeShopify.Variant("ONLY-THERE", 103, 3L),
                new FakeShopify.Variant(null, 104, 1L),
                new FakeShopify.Variant("KEYB-1", 105, null)));
        String id = connectShopify("Main store", fake);

        await().atMost(TEN_SECONDS).untilAsserted(() -> {
            assertThat(fake.shows(101)).isEqualTo(10);
            assertThat(fake.shows(102)).isEqualTo(5);
        });
        assertThat(fake.setCalls()).allSatisfy(c -> {
            assertThat(c.locationId()).isEqualTo(FakeShopify.LOCATION);
            assertThat(c.name()).isEqualTo("available");
        });
        assertThat(logKinds(id))
                .contains(
                        "DRIFT:MOU-1",
                        "UNMAPPED_REMOTE:ONLY-THERE",
                        "UNMAPPED_REMOTE:KEYB-1",
                        "UNMAPPED_LOCAL:ONLY-HERE")
                .doesNotContain("DRIFT:LAP-1");
        assertThat(api.get("/api/channels/" + id).json().path("listedSkus").asLong())
                .isEqualTo(2);

        api.post("/api/products/LAP-1/receipts", "{\"quantity\":5}");
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(fake.shows(101)).isEqualTo(15));
        api.post("/api/purchases", purchase("LAP-1", 4));
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(fake.shows(101)).isEqualTo(11));
        assertThat(fake.shows(103)).isNull();
    }

    @Test
    void aListedBundleFollowsEveryChangeOfItsComponentsAndAnArchivedOneShowsZero() {
        api.post("/api/products", product("MUG", "5.00", 10, 0));
        api.post("/api/products", product("COASTER", "2.00", 10, 0));
        var gift = api.post(
                "/api/products",
                "{\"sku\":\"GIFT\",\"name\":\"Gift set\",\"price\":11.00,\"reorderThreshold\":0,"
                        + "\"components\":[{\"sku\":\"MUG\",\"quantity\":2},{\"sku\":\"COASTER\",\"quantity\":1}]}");
        assertThat(gift.status()).as(gift.text()).isEqualTo(201);
        FakeShopify fake = shopify();
        fake.catalog(List.of(new FakeShopify.Variant("GIFT", 401, 5L), new FakeShopify.Variant("MUG", 402, 10L)));
        connectShopify("Main store", fake);
        await().atMost(TEN_SECONDS).untilAsserted(() -> {
            assertThat(fake.shows(401)).isEqualTo(5);
            assertThat(fake.shows(402)).isEqualTo(10);
        });

        // A component sold on its own leaves fewer whole bundles.
        assertThat(api.post("/api/purchases", purchase("MUG", 4)).status()).isEqualTo(201);
        await().atMost(TEN_SECONDS).untilAsserted(() -> {
            assertThat(fake.shows(402)).isEqualTo(6);
            assertThat(fake.shows(401)).isEqualTo(3);
        });

        // The bundle sold takes its components' units, and its own number falls with them.
        assertThat(api.post("/api/purchases", purchase("GIFT", 1)).status()).isEqualTo(201);
        await().atMost(TEN_SECONDS).untilAsserted(() -> {
            assertThat(fake.shows(402)).isEqualTo(4);
            assertThat(fake.shows(401)).isEqualTo(2);
        });

        // Stock does not move when a product is archived, but nothing of it (or of a bundle needing it) can be sold.
        assertThat(api.delete("/api/products/COASTER").status()).isLessThan(300);
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(fake.shows(401)).isZero());
        assertThat(api.delete("/api/products/MUG").status()).isLessThan(300);
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(fake.shows(402)).isZero());
    }

    @Test
    void aHundredRapidChangesOfOneSkuEndWithTheChannelHoldingTheFinalValue() throws Exception {
        api.post("/api/products", product("HOT-1", "5.00", 1000, 0));
        FakeShopify fake = shopify();
        fake.catalog(List.of(new FakeShopify.Variant("HOT-1", 201, 1000L)));
        connectShopify("Main store", fake);
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(fake.shows(201)).isEqualTo(1000));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> changes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                changes.add(
                        i % 3 == 0
                                ? () -> api.post("/api/products/HOT-1/receipts", "{\"quantity\":2}")
                                        .status()
                                : () -> api.post("/api/purchases", purchase("HOT-1", 1))
                                        .status());
            }
            for (Future<Integer> f : pool.invokeAll(changes)) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        long finalStock = stock("HOT-1");
        assertThat(finalStock).isEqualTo(1000 + 34 * 2 - 66);
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(fake.shows(201)).isEqualTo(finalStock));
        // Coalesced: far fewer calls than changes, and none after the final value.
        List<FakeShopify.SetCall> calls = fake.setCalls();
        assertThat(calls.get(calls.size() - 1).quantity()).isEqualTo(finalStock);
        assertThat(calls.size()).isLessThan(101);
    }

    @Test
    void wooCommerceProductsAndVariationsAreMappedAndUpdatedOverSignedHttp() {
        api.post("/api/products", product("MUG", "8.00", 12, 2));
        api.post("/api/products", product("TEE-S", "20.00", 4, 1));
        api.post("/api/products", product("TEE-M", "20.00", 6, 1));
        FakeWooCommerce fake = woo();
        fake.catalog(List.of(
                new FakeWooCommerce.Product(10, "MUG", "simple", 12L, null),
                new FakeWooCommerce.Product(
                        20,
                        "TEE",
                        "variable",
                        null,
                        List.of(
                                new FakeWooCommerce.Product(21, "TEE-S", "variation", 9L, null),
                                new FakeWooCommerce.Product(22, "TEE-M", "variation", 6L, null)))));
        String id = connectWoo("Woo", fake);

        await().atMost(TEN_SECONDS).untilAsserted(() -> {
            assertThat(fake.shows("/products/10")).isEqualTo(12);
            assertThat(fake.shows("/products/20/variations/21")).isEqualTo(4);
            assertThat(fake.shows("/products/20/variations/22")).isEqualTo(6);
        });
        assertThat(fake.puts()).allSatisfy(p -> assertThat(p.manageStock()).isTrue());
        // The variable product itself holds no stock: only its variations are mapped.
        assertThat(logKinds(id)).contains("DRIFT:TEE-S").doesNotContain("DRIFT:MUG", "UNMAPPED_REMOTE:TEE");
        assertThat(api.get("/api/channels/" + id).json().path("listedSkus").asLong())
                .isEqualTo(3);
        // Plain HTTP: every call carries a one-legged OAuth 1.0a signature WooCommerce would accept.
        assertThat(fake.putRequests())
                .allSatisfy(r -> assertThat(OAuthCheck.valid(r, FakeWooCommerce.SECRET))
                        .as(r.getUrl())
                        .isTrue());

        api.post("/api/products/TEE-S/adjustments", "{\"delta\":-1,\"reason\":\"DAMAGED\"}");
        await().atMost(TEN_SECONDS)
                .untilAsserted(() ->
                        assertThat(fake.shows("/products/20/variations/21")).isEqualTo(3));
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndTheValueStillArrives() {
        api.post("/api/products", product("MUG", "8.00", 12, 2));
        FakeWooCommerce fake = woo();
        fake.catalog(List.of(new FakeWooCommerce.Product(10, "MUG", "simple", 12L, null)));
        fake.putAnswers(FakeWooCommerce.status(429, "2"), com.github.tomakehurst.wiremock.client.WireMock.okJson("{}"));
        double retriesBefore = pushes("woocommerce", "retry");
        double deliveredBefore = pushes("woocommerce", "delivered");
        connectWoo("Woo", fake);

        await().atMost(TEN_SECONDS).untilAsserted(() -> assertThat(fake.puts()).hasSize(2));
        var requests = fake.putRequests();
        long waited = requests.get(1).getLoggedDate().getTime()
                - requests.get(0).getLoggedDate().getTime();
        assertThat(waited).isGreaterThanOrEqualTo(1900);
        assertThat(fake.shows("/products/10")).isEqualTo(12);
        // Other tests' channels may still be pushing, so at least this test's own attempts are counted.
        await().atMost(TEN_SECONDS).untilAsserted(() -> {
            assertThat(pushes("woocommerce", "retry") - retriesBefore).isGreaterThanOrEqualTo(1.0);
            assertThat(pushes("woocommerce", "delivered") - deliveredBefore).isGreaterThanOrEqualTo(1.0);
        });
    }

    /** {@code stockroom_channels_pushes_total{platform, result}} from the Prometheus scrape; 0 when absent. */
    private double pushes(String platform, String result) {
        var scrape = api.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        var line = java.util.regex.Pattern.compile("(?m)^stockroom_channels_pushes_total\\{([^}]*)} (\\S+)$")
                .matcher(scrape.text());
        while (line.find()) {
            if (line.group(1).contains("platform=\"" + platform + "\"")
                    && line.group(1).contains("result=\"" + result + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    @Test
    void shopifysCostThrottleIsWaitedOutAndTheValueStillArrives() {
        api.post("/api/products", product("LAP-1", "999.00", 10, 2));
        FakeShopify fake = shopify();
        fake.catalog(List.of(new FakeShopify.Variant("LAP-1", 101, 10L)));
        fake.setAnswers(FakeShopify.throttled(), FakeShopify.ok());
        connectShopify("Main store", fake);

        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(fake.setCalls()).hasSize(2));
        var requests = fake.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(FakeShopify.PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("inventorySetQuantities")));
        long waited = requests.get(1).getLoggedDate().getTime()
                - requests.get(0).getLoggedDate().getTime();
        // 10 points asked, 0 available, 100 restored a second: 100 ms at least.
        assertThat(waited).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aChannelRefusingItsCredentialsIsMarkedUnauthorizedAndTheOwnerToldOnce() {
        api.post("/api/products", product("LAP-1", "999.00", 10, 2));
        api.post("/api/products", product("MOU-1", "20.00", 10, 2));
        FakeShopify fake = shopify();
        fake.catalog(List.of(new FakeShopify.Variant("LAP-1", 101, 10L), new FakeShopify.Variant("MOU-1", 102, 10L)));
        fake.setAnswers(FakeShopify.status(401));
        int mailsBefore =
                TestMail.withSubjectContaining("refused its credentials").size();
        String id = connectShopify("Main store", fake);

        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(api.get("/api/channels/" + id)
                                .json()
                                .path("status")
                                .asString())
                        .isEqualTo("UNAUTHORIZED"));
        api.post("/api/products/LAP-1/receipts", "{\"quantity\":1}");
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(TestMail.withSubjectContaining("refused its credentials"))
                        .hasSize(mailsBefore + 1));
        assertThat(logKinds(id).stream().filter(k -> k.startsWith("UNAUTHORIZED")))
                .hasSize(1);

        // The owner fixes the token on Shopify and asks for a sync: the waiting values go out.
        fake.setAnswers(FakeShopify.ok());
        assertThat(api.post("/api/channels/" + id + "/sync", null).status()).isEqualTo(202);
        await().atMost(TEN_SECONDS)
                .untilAsserted(() -> assertThat(fake.shows(101)).isEqualTo(11));
        assertThat(api.get("/api/channels/" + id).json().path("status").asString())
                .isEqualTo("CONNECTED");
    }

    @Test
    void aDisconnectedChannelRefusesItsWebhooksAndIsNoLongerListed() {
        String id = connectShopify("Main store", shopify());
        assertThat(api.delete("/api/channels/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/channels").json()).isEmpty();
        assertThat(api.get("/api/channels/" + id).status()).isEqualTo(404);
        String body = Payloads.shopifyOrder(1, "#1", Payloads.shopifyLine(1, "LAP-1", 1));
        assertThat(deliverShopify(id, "orders/create", body).status()).isEqualTo(401);
    }
}

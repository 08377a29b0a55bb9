package org.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.AllAtOnce;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

/** Bundles (kits): stock computed from components, sold and held through them, refused where they hold nothing. */
class BundleTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    /** MUG (10 on hand), COASTER (3 on hand) and GIFT = 2 MUG + 1 COASTER. */
    private void aGiftSetOfTwoMugsAndACoaster(long mugs, long coasters, long giftThreshold) {
        assertThat(api.post("/api/products", product("MUG", "8.00", mugs, 0)).status())
                .isEqualTo(201);
        assertThat(api.post("/api/products", product("COASTER", "2.00", coasters, 0))
                        .status())
                .isEqualTo(201);
        Api.Response gift = api.post("/api/products", bundle("GIFT", "15.00", giftThreshold, "MUG", 2, "COASTER", 1));
        assertThat(gift.status()).as(gift.text()).isEqualTo(201);
    }

    static String bundle(String sku, String price, long threshold, Object... components) {
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < components.length; i += 2) {
            parts.append(i == 0 ? "" : ",")
                    .append("{\"sku\":\"")
                    .append(components[i])
                    .append("\",\"quantity\":")
                    .append(components[i + 1])
                    .append('}');
        }
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + sku + " set\",\"price\":" + price + ",\"reorderThreshold\":"
                + threshold + ",\"components\":[" + parts + "]}";
    }

    private JsonNode product(String sku) {
        return api.get("/api/products/" + sku).json();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void assertVerified() {
        var verify = api.get("/api/admin/verify").json();
        assertThat(verify.get("discrepancies")).as("verify discrepancies").isEmpty();
    }

    @Test
    void aBundlesStockIsTheMostWholeBundlesItsComponentsAllow() {
        aGiftSetOfTwoMugsAndACoaster(10, 3, 2);

        JsonNode gift = product("GIFT");
        assertThat(gift.get("stock").asLong()).isEqualTo(3);
        assertThat(gift.get("available").asLong()).isEqualTo(3);
        assertThat(gift.get("needsRestock").asBoolean()).isFalse();
        assertThat(gift.get("components").toString())
                .isEqualTo("[{\"sku\":\"COASTER\",\"quantity\":1},{\"sku\":\"MUG\",\"quantity\":2}]");
        assertThat(product("MUG").has("components")).isFalse();

        // Two coasters held for a cart: only one whole set is left, and the set now needs restocking.
        assertThat(api.post("/api/reservations", "{\"lines\":[{\"sku\":\"COASTER\",\"quantity\":2}]}")
                        .status())
                .isEqualTo(201);
        gift = product("GIFT");
        assertThat(gift.get("available").asLong()).isEqualTo(1);
        assertThat(gift.get("needsRestock").asBoolean()).isTrue();
        assertThat(api.get("/api/products?lowStock=true").json().get("items").toString())
                .contains("\"GIFT\"");
        // Its alerts are its components': the set itself opens none.
        assertThat(count("SELECT COUNT(*) FROM restock_alert WHERE sku = 'GIFT'"))
                .isZero();

        api.delete("/api/products/COASTER");
        assertThat(product("GIFT").get("available").asLong()).isZero();
        assertVerified();
    }

    /**
     * Sales look bundles up only among those this instance knows of; one made by another instance
     * since is refused by the take statement (a bundle's own stock never moves), learnt, and the
     * sale runs again through its components.
     */
    @Test
    void aBundleMadeByAnotherInstanceIsStillSoldThroughItsComponents() {
        aGiftSetOfTwoMugsAndACoaster(10, 3, 0);
        catalog.forgetKnownBundles();

        Api.Response sale = api.post("/api/purchases", purchase("GIFT", 2));
        Api.Response again = api.post("/api/purchases", purchase("GIFT", 1));

        assertThat(sale.status()).as(sale.text()).isEqualTo(201);
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(product("MUG").get("stock").asLong()).isEqualTo(10 - 2 * 3);
        assertThat(product("COASTER").get("stock").asLong()).isEqualTo(3 - 3);
        assertThat(product("GIFT").get("unitsSold").asLong()).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE sku = 'GIFT'"))
                .isZero();
        assertVerified();
    }

    @Test
    void sellingABundleTakesItsComponentsWithThePurchaseInTheirLedgers() {
        aGiftSetOfTwoMugsAndACoaster(10, 3, 0);

        Api.Response sale = api.post("/api/purchases", purchase("GIFT", 2));

        assertThat(sale.status()).as(sale.text()).isEqualTo(201);
        JsonNode body = sale.json();
        String purchaseId = body.get("id").asString();
        assertThat(body.get("total").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(body.get("lines")).hasSize(1);
        assertThat(body.get("lines").get(0).get("sku").asString()).isEqualTo("GIFT");
        assertThat(body.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(product("MUG").get("stock").asLong()).isEqualTo(6);
        assertThat(product("MUG").get("unitsSold").asLong()).isEqualTo(4);
        assertThat(product("COASTER").get("stock").asLong()).isEqualTo(1);
        assertThat(product("COASTER").get("unitsSold").asLong()).isEqualTo(2);
        assertThat(product("GIFT").get("unitsSold").asLong()).isEqualTo(2);
        assertThat(product("GIFT").get("stock").asLong()).isEqualTo(1);

        JsonNode mugMovement =
                api.get("/api/products/MUG/movements").json().get("items").get(0);
        assertThat(mugMovement.get("type").asString()).isEqualTo("SALE");
        assertThat(mugMovement.get("delta").asLong()).isEqualTo(-4);
        assertThat(mugMovement.get("purchaseId").asString()).isEqualTo(purchaseId);
        assertThat(api.get("/api/products/GIFT/movements").json().get("total").asLong())
                .isZero();

        // The sales report counts the set's revenue on the set.
        JsonNode report = api.get("/api/reports/sales").json();
        assertThat(report.get("totals").get("revenue").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(report.get("products").get(0).get("sku").asString()).isEqualTo("GIFT");
        assertVerified();
    }

    @Test
    void aBundleAndOneOfItsComponentsInOnePurchaseTakeTheComponentOnce() {
        aGiftSetOfTwoMugsAndACoaster(10, 3, 0);

        Api.Response sale = api.post(
                "/api/purchases", "{\"lines\":[{\"sku\":\"MUG\",\"quantity\":1},{\"sku\":\"GIFT\",\"quantity\":1}]}");

        assertThat(sale.status()).as(sale.text()).isEqualTo(201);
        assertThat(sale.json().get("total").decimalValue()).isEqualByComparingTo("23.00");
        assertThat(product("MUG").get("stock").asLong()).isEqualTo(7);
        JsonNode movements = api.get("/api/products/MUG/movements").json();
        assertThat(movements.get("items").get(0).get("delta").asLong()).isEqualTo(-3);
        assertVerified();
    }

    @Test
    void aShortComponentRefusesTheWholePurchaseAndIsNamed() {
        aGiftSetOfTwoMugsAndACoaster(10, 1, 0);

        Api.Response sale = api.post(
                "/api/purchases", "{\"lines\":[{\"sku\":\"MUG\",\"quantity\":1},{\"sku\":\"GIFT\",\"quantity\":2}]}");

        assertThat(sale.status()).isEqualTo(409);
        assertThat(sale.json().get("code").asString()).isEqualTo("insufficient-stock");
        JsonNode shortage = sale.json().get("shortages").get(0);
        assertThat(sale.json().get("shortages")).hasSize(1);
        assertThat(shortage.get("sku").asString()).isEqualTo("COASTER");
        assertThat(shortage.get("requested").asLong()).isEqualTo(2);
        assertThat(shortage.get("available").asLong()).isEqualTo(1);
        assertThat(product("MUG").get("stock").asLong()).isEqualTo(10);
        assertThat(product("GIFT").get("unitsSold").asLong()).isZero();
        assertThat(count("SELECT COUNT(*) FROM purchase")).isZero();
    }

    @Test
    void anArchivedBundleOrComponentCannotBeSold() {
        aGiftSetOfTwoMugsAndACoaster(10, 3, 0);
        api.delete("/api/products/COASTER");

        Api.Response sale = api.post("/api/purchases", purchase("GIFT", 1));
        assertThat(sale.status()).isEqualTo(422);
        assertThat(sale.json().get("code").asString()).isEqualTo("product-archived");
        assertThat(sale.json().get("skus").toString()).isEqualTo("[\"COASTER\"]");

        api.post("/api/products/COASTER/restore", "");
        api.delete("/api/products/GIFT");
        sale = api.post("/api/purchases", purchase("GIFT", 1));
        assertThat(sale.json().get("code").asString()).isEqualTo("product-archived");
        assertThat(sale.json().get("skus").toString()).isEqualTo("[\"GIFT\"]");
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE type = 'SALE'"))
                .isZero();
    }

    @Test
    void reservingABundleHoldsItsComponentsUntilReleasedOrCommitted() {
        aGiftSetOfTwoMugsAndACoaster(10, 3, 0);

        Api.Response hold = api.post("/api/reservations", "{\"lines\":[{\"sku\":\"GIFT\",\"quantity\":2}]}");
        assertThat(hold.status()).as(hold.text()).isEqualTo(201);
        assertThat(product("MUG").get("reserved").asLong()).isEqualTo(4);
        assertThat(product("COASTER").get("reserved").asLong()).isEqualTo(2);
        assertThat(product("GIFT").get("available").asLong()).isEqualTo(1);
        assertThat(api.get("/reservations?sku=MUG").text())
                .as("the holds of a component, linked from its reserved figure, include the bundle's")
                .contains("id=\"reservation-" + hold.json().get("id").asString() + "\"");
        assertVerified();

        // Too many: the shortage names the component.
        Api.Response tooMany = api.post("/api/reservations", "{\"lines\":[{\"sku\":\"GIFT\",\"quantity\":2}]}");
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().get("shortages").get(0).get("sku").asString()).isEqualTo("COASTER");

        String id = hold.json().get("id").asString();
        Api.Response commit = api.post("/api/reservations/" + id + "/commit", "");
        assertThat(commit.status()).as(commit.text()).isEqualTo(201);
        assertThat(commit.json().get("lines").get(0).get("sku").asString()).isEqualTo("GIFT");
        assertThat(commit.json().get("total").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(product("MUG").get("reserved").asLong()).isZero();
        assertThat(product("MUG").get("stock").asLong()).isEqualTo(6);
        assertThat(product("COASTER").get("stock").asLong()).isEqualTo(1);

        String other = api.post("/api/reservations", "{\"lines\":[{\"sku\":\"GIFT\",\"quantity\":1}]}")
                .json()
                .get("id")
                .asString();
        assertThat(product("COASTER").get("reserved").asLong()).isEqualTo(1);
        assertThat(api.delete("/api/reservations/" + other).status()).isEqualTo(204);
        assertThat(product("COASTER").get("reserved").asLong()).isZero();
        assertThat(product("MUG").get("reserved").asLong()).isZero();
        assertVerified();
    }

    @Test
    void aReturnedBundleBringsBackItsComponents() {
        aGiftSetOfTwoMugsAndACoaster(10, 3, 0);
        String id =
                api.post("/api/purchases", purchase("GIFT", 2)).json().get("id").asString();

        Api.Response returned =
                api.post("/api/purchases/" + id + "/returns", "{\"lines\":[{\"sku\":\"GIFT\",\"quantity\":1}]}");

        assertThat(returned.status()).as(returned.text()).isEqualTo(201);
        assertThat(product("MUG").get("stock").asLong()).isEqualTo(8);
        assertThat(product("MUG").get("unitsSold").asLong()).isEqualTo(2);
        assertThat(product("COASTER").get("stock").asLong()).isEqualTo(2);
        assertThat(product("GIFT").get("unitsSold").asLong()).isEqualTo(1);
        assertVerified();
    }

    @Test
    void receiptsAdjustmentsCountsAndOpeningStockOfABundleAreRefused() {
        aGiftSetOfTwoMugsAndACoaster(10, 3, 0);

        for (Api.Response refused : List.of(
                api.post("/api/products/GIFT/receipts", "{\"quantity\":5}"),
                api.post("/api/products/GIFT/adjustments", "{\"delta\":1,\"reason\":\"FOUND\"}"),
                api.post("/api/products/GIFT/adjustments", "{\"countedQuantity\":4,\"reason\":\"COUNT\"}"),
                api.post(
                        "/api/products",
                        bundle("GIFT-2", "1.00", 0, "MUG", 1)
                                .replace("\"components\"", "\"stock\":3,\"components\"")))) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(422);
            assertThat(refused.json().get("code").asString()).isEqualTo("bundle-has-no-stock");
        }
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE sku IN ('GIFT', 'GIFT-2')"))
                .isZero();
        assertThat(api.get("/api/products/GIFT-2").status()).isEqualTo(404);
        assertThat(product("GIFT").get("stock").asLong()).isEqualTo(3);
    }

    @Test
    void recipesThatCannotWorkAreRefusedAndAddNothing() {
        aGiftSetOfTwoMugsAndACoaster(10, 3, 0);
        api.post("/api/products", product("OLD", "1.00", 1, 0));
        api.delete("/api/products/OLD");

        record Case(String body, String code) {}
        for (Case c : List.of(
                new Case(bundle("LOOP", "1.00", 0, "MUG", 1, "LOOP", 1), "bundle-cycle"),
                new Case(bundle("NEST", "1.00", 0, "GIFT", 1, "MUG", 1), "nested-bundle"),
                new Case(bundle("GHOST", "1.00", 0, "NOPE", 1), "unknown-component"),
                new Case(bundle("DUSTY", "1.00", 0, "OLD", 1), "component-archived"))) {
            Api.Response refused = api.post("/api/products", c.body());
            assertThat(refused.status()).as(refused.text()).isEqualTo(422);
            assertThat(refused.json().get("code").asString()).isEqualTo(c.code());
        }
        Api.Response twice = api.post("/api/products", bundle("TWICE", "1.00", 0, "MUG", 1, "MUG", 2));
        assertThat(twice.status()).isEqualTo(400);
        Api.Response zero = api.post("/api/products", bundle("ZERO", "1.00", 0, "MUG", 0));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM product")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM bundle_component")).isEqualTo(2);
    }

    /**
     * Sixty buyers of the set and sixty of a mug at once, against 50 mugs and 20 coasters: whatever
     * the order, no component is oversold, and on hand plus sold is what was there.
     */
    @Test
    void bundlePurchasesRacingComponentPurchasesNeverOversellAComponent() throws Exception {
        aGiftSetOfTwoMugsAndACoaster(50, 20, 0);

        List<Api.Response> answers = AllAtOnce.send(
                120, 120, i -> () -> api.post("/api/purchases", i % 2 == 0 ? purchase("GIFT", 1) : purchase("MUG", 1)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.text()).isIn(201, 409));
        long gifts = answers.stream()
                .filter(a -> a.status() == 201
                        && a.json().get("lines").get(0).get("sku").asString().equals("GIFT"))
                .count();
        long mugs = answers.stream()
                .filter(a -> a.status() == 201
                        && a.json().get("lines").get(0).get("sku").asString().equals("MUG"))
                .count();
        JsonNode mug = product("MUG");
        JsonNode coaster = product("COASTER");
        assertThat(mug.get("stock").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(coaster.get("stock").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(mug.get("stock").asLong() + mug.get("unitsSold").asLong()).isEqualTo(50);
        assertThat(coaster.get("stock").asLong() + coaster.get("unitsSold").asLong())
                .isEqualTo(20);
        assertThat(mug.get("unitsSold").asLong()).isEqualTo(2 * gifts + mugs);
        assertThat(coaster.get("unitsSold").asLong()).isEqualTo(gifts);
        assertThat(product("GIFT").get("unitsSold").asLong()).isEqualTo(gifts);
        // Demand (120 + 60 mugs) is far above the 50 there were: every mug went.
        assertThat(mug.get("stock").asLong()).isLessThan(2);
        assertThat(count("SELECT COUNT(*) FROM purchase")).isEqualTo(gifts + mugs);
        assertVerified();
    }

    @Test
    void bundlesGoOutAndComeBackThroughTheComponentsColumn() {
        aGiftSetOfTwoMugsAndACoaster(10, 3, 2);
        String export = api.get("/api/exports/products").text();
        assertThat(export.lines().findFirst().orElseThrow()).contains(",components,");
        assertThat(export).contains("GIFT,GIFT set,15.00,,2,").contains("COASTER:1|MUG:2");

        // A file may bring a bundle beside its new components: the set comes with its recipe, its
        // stock its components'.
        Api.Response imported = upload("sku,name,price,stock,reorderThreshold,components\n"
                + "KIT,Kit,9.00,,0,PEN:3|PAD:1\nPEN,Pen,1.00,7,0,\nPAD,Pad,2.00,4,0,\n");
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(product("KIT").get("stock").asLong()).isEqualTo(2);
        assertThat(product("KIT").get("components").toString())
                .isEqualTo("[{\"sku\":\"PAD\",\"quantity\":1},{\"sku\":\"PEN\",\"quantity\":3}]");
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE sku = 'KIT'"))
                .isZero();

        // Again over itself: nothing changes, although a sale moved the set's computed stock.
        api.post("/api/purchases", purchase("COASTER", 1));
        String again = api.get("/api/exports/products").text();
        Api.Response reimported = upload(again);
        assertThat(reimported.status()).as(reimported.text()).isEqualTo(201);
        assertThat(reimported.json().get("updated")).isEmpty();
        assertThat(api.get("/api/exports/products").text()).isEqualTo(again);

        // A recipe does not change through a file.
        Api.Response changed = upload("sku,components\nGIFT,MUG:3\n");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.text()).contains("components cannot change");
        assertVerified();
    }

    private Api.Response upload(String csv) {
        return api.uploadCsv("/api/imports", csv);
    }
}

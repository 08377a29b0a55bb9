package org.stockroom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.api.Problems.assertInvalid;
import static org.stockroom.api.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.AllAtOnce;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

class ProductApiTests extends ApiTestSupport {

    private static final String FULL_LAPTOP =
            "{\"sku\":\"LAP-001\",\"name\":\"Laptop 14\\\"\",\"price\":999.99,\"stock\":10,"
                    + "\"reorderThreshold\":3,\"cost\":700.00,\"reorderQuantity\":10,\"leadTimeDays\":7,\"supplier\":\"Acme\","
                    + "\"barcode\":\"0123456789012\"}";

    @Test
    void addingAProductAnswersItWithItsLocation() {
        Api.Response added = api.post("/api/products", FULL_LAPTOP);

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Location")).endsWith("/api/products/LAP-001");
        JsonNode p = added.json();
        assertThat(p.get("sku").asString()).isEqualTo("LAP-001");
        assertThat(p.get("name").asString()).isEqualTo("Laptop 14\"");
        assertThat(p.get("price").decimalValue()).isEqualByComparingTo("999.99");
        assertThat(p.get("price").toString()).isEqualTo("999.99");
        assertThat(p.get("stock").asLong()).isEqualTo(10);
        assertThat(p.get("reorderThreshold").asLong()).isEqualTo(3);
        assertThat(p.get("unitsSold").asLong()).isZero();
        assertThat(p.get("needsRestock").asBoolean()).isFalse();
        assertThat(p.get("cost").toString()).isEqualTo("700.00");
        assertThat(p.get("reorderQuantity").asLong()).isEqualTo(10);
        assertThat(p.get("leadTimeDays").asInt()).isEqualTo(7);
        assertThat(p.get("supplier").asString()).isEqualTo("Acme");
        assertThat(p.get("barcode").asString()).isEqualTo("0123456789012");
        assertThat(p.get("archived").asBoolean()).isFalse();
        assertThat(p.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(p.get("updatedAt").asString()).isNotBlank();

        assertThat(api.get("/api/products/LAP-001").json()).isEqualTo(p);
    }

    @Test
    void theOpeningStockIsTheFirstLineOfTheLedger() {
        api.post("/api/products", product("MOU-1", "19.99", 12, 2));

        JsonNode movements = api.get("/api/products/MOU-1/movements").json();
        long ledger = 0;
        for (JsonNode m : movements.get("items")) {
            ledger += m.get("delta").asLong();
        }
        assertThat(ledger).as("stock equals the sum of the ledger").isEqualTo(12);
    }

    @Test
    void aProductAtItsThresholdNeedsRestock() {
        JsonNode p = api.post("/api/products", product("LOW-1", "1.00", 3, 3)).json();

        assertThat(p.get("needsRestock").asBoolean()).isTrue();
    }

    @Test
    void aSecondProductWithTheSameSkuIsRefused() {
        api.post("/api/products", product("DUP-1", "5.00", 1, 0));
        StoreCounts before = StoreCounts.of(dataSource);

        Api.Response again = api.post("/api/products", product("DUP-1", "6.00", 2, 0));

        assertProblem(again, 409, "duplicate-sku");
        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
        assertThat(api.get("/api/products/DUP-1").json().get("price").decimalValue())
                .isEqualByComparingTo("5.00");
    }

    @Test
    void skusAreCaseSensitive() {
        assertThat(api.post("/api/products", product("abc", "1.00", 1, 0)).status())
                .isEqualTo(201);
        assertThat(api.post("/api/products", product("ABC", "1.00", 1, 0)).status())
                .isEqualTo(201);
        assertProblem(api.get("/api/products/Abc"), 404, "unknown-sku");
    }

    @Test
    void anUnknownSkuIsNotFound() {
        JsonNode problem = assertProblem(api.get("/api/products/NOPE-1"), 404, "unknown-sku");
        assertThat(problem.get("detail").asString()).contains("NOPE-1");
    }

    @Test
    void listingPagesThroughTheCatalogInSkuOrder() {
        for (String sku : List.of("C-3", "A-1", "E-5", "B-2", "D-4")) {
            api.post("/api/products", product(sku, "1.00", 10, 1));
        }

        JsonNode first = api.get("/api/products?page=0&size=2").json();
        JsonNode last = api.get("/api/products?page=2&size=2").json();

        assertThat(skus(first)).containsExactly("A-1", "B-2");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(skus(last)).containsExactly("E-5");
        assertThat(skus(api.get("/api/products?page=3&size=2").json())).isEmpty();
        JsonNode defaults = api.get("/api/products").json();
        assertThat(defaults.get("page").asInt()).isZero();
        assertThat(defaults.get("size").asInt()).isEqualTo(50);
    }

    @Test
    void listingSortsByAnyListedFieldEitherWay() {
        api.post("/api/products", "{\"sku\":\"A\",\"name\":\"zebra\",\"price\":3,\"stock\":5,\"reorderThreshold\":0}");
        api.post("/api/products", "{\"sku\":\"B\",\"name\":\"Apple\",\"price\":1,\"stock\":9,\"reorderThreshold\":0}");
        api.post("/api/products", "{\"sku\":\"C\",\"name\":\"mango\",\"price\":2,\"stock\":1,\"reorderThreshold\":0}");

        assertThat(skus(api.get("/api/products?sort=name").json())).containsExactly("B", "C", "A");
        assertThat(skus(api.get("/api/products?sort=-name").json())).containsExactly("A", "C", "B");
        assertThat(skus(api.get("/api/products?sort=price").json())).containsExactly("B", "C", "A");
        assertThat(skus(api.get("/api/products?sort=-stock").json())).containsExactly("B", "A", "C");
        assertThat(skus(api.get("/api/products?sort=-sku").json())).containsExactly("C", "B", "A");
        assertInvalid(api.get("/api/products?sort=cost;DROP"), "sort");
        assertInvalid(api.get("/api/products?sort=password"), "sort");
    }

    @Test
    void searchMatchesSkuOrNameWithoutRegardToCase() {
        api.post(
                "/api/products",
                "{\"sku\":\"LAP-001\",\"name\":\"ThinkPad\",\"price\":1,\"stock\":5,\"reorderThreshold\":0}");
        api.post(
                "/api/products",
                "{\"sku\":\"MOU-001\",\"name\":\"Wireless Mouse\",\"price\":1,\"stock\":5,\"reorderThreshold\":0}");
        api.post(
                "/api/products",
                "{\"sku\":\"PHO-001\",\"name\":\"Phone 100%\",\"price\":1,\"stock\":5,\"reorderThreshold\":0}");

        assertThat(skus(api.get("/api/products?q=lap").json())).containsExactly("LAP-001");
        assertThat(skus(api.get("/api/products?q=MOUSE").json())).containsExactly("MOU-001");
        assertThat(skus(api.get("/api/products?q=-001").json())).containsExactly("LAP-001", "MOU-001", "PHO-001");
        assertThat(skus(api.get("/api/products?q=100%25").json()))
                .as("%% is a literal, not a wildcard")
                .containsExactly("PHO-001");
        assertThat(skus(api.get("/api/products?q=10%25").json()))
                .as("a word matches the start of a word")
                .containsExactly("PHO-001");
        assertThat(skus(api.get("/api/products?q=hinkpad").json()))
                .as("not the middle of one")
                .isEmpty();
        assertThat(skus(api.get("/api/products?q=_").json()))
                .as("_ is a literal, not a wildcard")
                .isEmpty();
        assertThat(api.get("/api/products?q=nothing").json().get("total").asLong())
                .isZero();
    }

    @Test
    void lowStockListsOnlyProductsThatNeedRestocking() {
        api.post("/api/products", product("OK-1", "1.00", 10, 3));
        api.post("/api/products", product("AT-1", "1.00", 3, 3));
        api.post("/api/products", product("OUT-1", "1.00", 0, 3));

        JsonNode low = api.get("/api/products?lowStock=true").json();

        assertThat(skus(low)).containsExactly("AT-1", "OUT-1");
        assertThat(low.get("total").asLong()).isEqualTo(2);
        assertThat(skus(api.get("/api/products?lowStock=false").json())).containsExactly("AT-1", "OK-1", "OUT-1");
    }

    @Test
    void patchChangesOnlyTheFieldsGiven() {
        api.post("/api/products", FULL_LAPTOP);

        Api.Response patched = api.patch("/api/products/LAP-001", "{\"name\":\"Laptop 15\",\"price\":1099.50}");

        assertThat(patched.status()).isEqualTo(200);
        JsonNode p = patched.json();
        assertThat(p.get("name").asString()).isEqualTo("Laptop 15");
        assertThat(p.get("price").decimalValue()).isEqualByComparingTo("1099.50");
        assertThat(p.get("cost").decimalValue()).isEqualByComparingTo("700.00");
        assertThat(p.get("supplier").asString()).isEqualTo("Acme");
        assertThat(p.get("stock").asLong()).isEqualTo(10);
        assertThat(api.get("/api/products/LAP-001").json()).isEqualTo(p);
    }

    @Test
    void editsOfDifferentFieldsMadeAtTheSameTimeAreAllKept() throws Exception {
        api.post("/api/products", FULL_LAPTOP);
        String[] edits = {
            "{\"name\":\"Laptop 16\"}",
            "{\"price\":1249.00}",
            "{\"supplier\":\"Globex\"}",
            "{\"reorderThreshold\":5}",
            "{\"cost\":810.00}",
            "{\"barcode\":\"4006381333931\"}"
        };

        List<Api.Response> answers =
                AllAtOnce.send(edits.length, edits.length, i -> () -> api.patch("/api/products/LAP-001", edits[i]));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.text()).isEqualTo(200));
        JsonNode p = api.get("/api/products/LAP-001").json();
        assertThat(p.get("name").asString()).isEqualTo("Laptop 16");
        assertThat(p.get("price").decimalValue()).isEqualByComparingTo("1249.00");
        assertThat(p.get("supplier").asString()).isEqualTo("Globex");
        assertThat(p.get("reorderThreshold").asLong()).isEqualTo(5);
        assertThat(p.get("cost").decimalValue()).isEqualByComparingTo("810.00");
        assertThat(p.get("barcode").asString()).isEqualTo("4006381333931");
        assertThat(p.get("stock").asLong()).isEqualTo(10);
    }

    @Test
    void patchWithNullClearsOptionalFields() {
        api.post("/api/products", FULL_LAPTOP);

        JsonNode p = api.patch(
                        "/api/products/LAP-001",
                        "{\"cost\":null,\"reorderQuantity\":null,\"leadTimeDays\":null,\"supplier\":null,\"barcode\":null}")
                .json();

        for (String field : List.of("cost", "reorderQuantity", "leadTimeDays", "supplier", "barcode")) {
            assertThat(p.get(field) == null || p.get(field).isNull())
                    .as(field + " cleared")
                    .isTrue();
        }
        assertThat(p.get("name").asString()).isEqualTo("Laptop 14\"");
        JsonNode stored = api.get("/api/products/LAP-001").json();
        assertThat(stored.get("cost") == null || stored.get("cost").isNull()).isTrue();
    }

    @Test
    void patchCanSetEveryChangeableField() {
        api.post("/api/products", product("SET-1", "1.00", 10, 1));

        JsonNode p = api.send(
                        "PATCH",
                        "/api/products/SET-1",
                        "{\"name\":\"Set\",\"price\":2.50,\"reorderThreshold\":4,\"cost\":1.25,"
                                + "\"reorderQuantity\":20,\"leadTimeDays\":3,\"supplier\":\"Bolt & Co\",\"barcode\":\"4006381333931\"}",
                        java.util.Map.of("Content-Type", "application/merge-patch+json"))
                .json();

        assertThat(p.get("name").asString()).isEqualTo("Set");
        assertThat(p.get("price").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(p.get("reorderThreshold").asLong()).isEqualTo(4);
        assertThat(p.get("cost").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(p.get("reorderQuantity").asLong()).isEqualTo(20);
        assertThat(p.get("leadTimeDays").asInt()).isEqualTo(3);
        assertThat(p.get("supplier").asString()).isEqualTo("Bolt & Co");
        assertThat(p.get("barcode").asString()).isEqualTo("4006381333931");
    }

    @Test
    void patchRefusesToChangeStockUnitsSoldOrSku() {
        api.post("/api/products", product("FIX-1", "1.00", 10, 1));
        StoreCounts before = StoreCounts.of(dataSource);

        assertInvalid(api.patch("/api/products/FIX-1", "{\"stock\":99}"), "stock");
        assertInvalid(api.patch("/api/products/FIX-1", "{\"unitsSold\":0}"), "unitsSold");
        assertInvalid(api.patch("/api/products/FIX-1", "{\"sku\":\"FIX-2\"}"), "sku");
        assertInvalid(api.patch("/api/products/FIX-1", "{\"name\":\"Renamed\",\"stock\":99}"), "stock");
        assertInvalid(api.patch("/api/products/FIX-1", "{\"name\":null}"), "name");
        assertInvalid(api.patch("/api/products/FIX-1", "{\"price\":null}"), "price");
        assertInvalid(api.patch("/api/products/FIX-1", "{\"reorderThreshold\":null}"), "reorderThreshold");
        assertInvalid(api.patch("/api/products/FIX-1", "{\"colour\":\"red\"}"), "colour");

        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
        assertThat(api.get("/api/products/FIX-1").json().get("name").asString()).isEqualTo("FIX-1 product");
    }

    @Test
    void patchOfAnUnknownSkuIsNotFound() {
        assertProblem(api.patch("/api/products/NOPE-1", "{\"name\":\"x\"}"), 404, "unknown-sku");
    }

    @Test
    void deleteArchivesAndHidesTheProductFromLists() {
        api.post("/api/products", product("ARC-1", "1.00", 10, 1));
        api.post("/api/products", product("KEEP-1", "1.00", 10, 1));

        Api.Response deleted = api.delete("/api/products/ARC-1");

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertThat(skus(api.get("/api/products").json())).containsExactly("KEEP-1");
        assertThat(skus(api.get("/api/products?archived=true").json())).containsExactly("ARC-1");
        JsonNode archived = api.get("/api/products/ARC-1").json();
        assertThat(archived.get("archived").asBoolean()).isTrue();
        assertThat(archived.get("stock").asLong()).as("history is kept").isEqualTo(10);
        assertThat(api.delete("/api/products/ARC-1").status())
                .as("archiving twice is harmless")
                .isEqualTo(204);
    }

    @Test
    void deleteOfAnUnknownSkuIsNotFound() {
        assertProblem(api.delete("/api/products/NOPE-1"), 404, "unknown-sku");
    }

    @Test
    void restoreBringsAnArchivedProductBack() {
        api.post("/api/products", product("RES-1", "1.00", 10, 1));
        api.delete("/api/products/RES-1");

        Api.Response restored = api.post("/api/products/RES-1/restore", null);

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().get("archived").asBoolean()).isFalse();
        assertThat(skus(api.get("/api/products").json())).containsExactly("RES-1");
        assertThat(api.post("/api/purchases", purchase("RES-1", 1)).status()).isEqualTo(201);
        assertProblem(api.post("/api/products/NOPE-1/restore", null), 404, "unknown-sku");
    }

    static List<String> skus(JsonNode page) {
        List<String> skus = new ArrayList<>();
        page.get("items").forEach(p -> skus.add(p.get("sku").asString()));
        return skus;
    }
}

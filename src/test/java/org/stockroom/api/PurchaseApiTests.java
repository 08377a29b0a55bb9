package org.stockroom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.api.Problems.assertInvalid;
import static org.stockroom.api.Problems.assertProblem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

class PurchaseApiTests extends ApiTestSupport {

    @BeforeEach
    void aSmallShop() {
        api.post(
                "/api/products",
                "{\"sku\":\"LAP-001\",\"name\":\"Laptop\",\"price\":999.99,\"stock\":5,\"reorderThreshold\":3,\"cost\":700}");
        api.post(
                "/api/products",
                "{\"sku\":\"MOU-001\",\"name\":\"Mouse\",\"price\":24.99,\"stock\":50,\"reorderThreshold\":5}");
        api.post(
                "/api/products",
                "{\"sku\":\"PHO-001\",\"name\":\"Phone\",\"price\":599.00,\"stock\":2,\"reorderThreshold\":1}");
    }

    @Test
    void aPurchaseTakesEveryLineFromStockAndAnswersWhatWasSold() {
        Api.Response bought = api.post(
                "/api/purchases",
                "{\"reference\":\"order-1001\",\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":1},{\"sku\":\"LAP-001\",\"quantity\":2}]}");

        assertThat(bought.status()).isEqualTo(201);
        JsonNode p = bought.json();
        String id = p.get("id").asString();
        assertThat(bought.header("Location")).endsWith("/api/purchases/" + id);
        assertThat(p.get("reference").asString()).isEqualTo("order-1001");
        assertThat(p.get("currency").asString()).isEqualTo("USD");
        assertThat(p.get("total").toString()).isEqualTo("2024.97");
        assertThat(p.get("createdAt").asString()).endsWith("Z");
        JsonNode laptop = line(p, "LAP-001");
        assertThat(laptop.get("name").asString()).isEqualTo("Laptop");
        assertThat(laptop.get("quantity").asLong()).isEqualTo(2);
        assertThat(laptop.get("unitPrice").toString()).isEqualTo("999.99");
        assertThat(laptop.get("lineTotal").toString()).isEqualTo("1999.98");
        assertThat(line(p, "MOU-001").get("lineTotal").toString()).isEqualTo("24.99");
        assertThat(p.get("alerts")).hasSize(1);
        JsonNode alert = p.get("alerts").get(0);
        assertThat(alert.get("sku").asString()).isEqualTo("LAP-001");
        assertThat(alert.get("level").asString()).isEqualTo("LOW");
        assertThat(alert.get("stock").asLong()).isEqualTo(3);
        assertThat(alert.get("reorderThreshold").asLong()).isEqualTo(3);

        JsonNode lap = api.get("/api/products/LAP-001").json();
        assertThat(lap.get("stock").asLong()).isEqualTo(3);
        assertThat(lap.get("unitsSold").asLong()).isEqualTo(2);
        assertThat(api.get("/api/products/MOU-001").json().get("stock").asLong())
                .isEqualTo(49);
        assertThat(api.get("/api/products/PHO-001").json().get("stock").asLong())
                .isEqualTo(2);
    }

    @Test
    void aPurchaseThatRaisesNoAlertSaysSo() {
        JsonNode p = api.post("/api/purchases", purchase("MOU-001", 1)).json();

        assertThat(p.get("alerts")).isEmpty();
    }

    @Test
    void linesNamingTheSameSkuAreAddedTogether() {
        JsonNode p = api.post(
                        "/api/purchases",
                        "{\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":2},{\"sku\":\"MOU-001\",\"quantity\":3}]}")
                .json();

        assertThat(p.get("lines")).hasSize(1);
        assertThat(line(p, "MOU-001").get("quantity").asLong()).isEqualTo(5);
        assertThat(api.get("/api/products/MOU-001").json().get("stock").asLong())
                .isEqualTo(45);
    }

    @Test
    void mergedLinesAreCheckedAgainstTheStockTogether() {
        StoreCounts before = StoreCounts.of(dataSource);

        JsonNode problem = assertProblem(
                api.post(
                        "/api/purchases",
                        "{\"lines\":[{\"sku\":\"PHO-001\",\"quantity\":1},{\"sku\":\"PHO-001\",\"quantity\":2}]}"),
                409,
                "insufficient-stock");

        assertThat(problem.get("shortages")).hasSize(1);
        assertThat(problem.get("shortages").get(0).get("requested").asLong()).isEqualTo(3);
        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
    }

    @Test
    void notEnoughStockRefusesTheWholePurchaseAndListsEveryShortLine() {
        StoreCounts before = StoreCounts.of(dataSource);

        Api.Response refused = api.post(
                "/api/purchases",
                "{\"lines\":[{\"sku\":\"PHO-001\",\"quantity\":3},"
                        + "{\"sku\":\"MOU-001\",\"quantity\":1},{\"sku\":\"LAP-001\",\"quantity\":6}]}");

        JsonNode problem = assertProblem(refused, 409, "insufficient-stock");
        List<String> shortSkus = new ArrayList<>();
        problem.get("shortages").forEach(s -> shortSkus.add(s.get("sku").asString()));
        assertThat(shortSkus).containsExactlyInAnyOrder("PHO-001", "LAP-001");
        for (JsonNode shortage : problem.get("shortages")) {
            if (shortage.get("sku").asString().equals("PHO-001")) {
                assertThat(shortage.get("requested").asLong()).isEqualTo(3);
                assertThat(shortage.get("available").asLong()).isEqualTo(2);
            } else {
                assertThat(shortage.get("requested").asLong()).isEqualTo(6);
                assertThat(shortage.get("available").asLong()).isEqualTo(5);
            }
        }
        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
        assertThat(api.get("/api/products/MOU-001").json().get("stock").asLong())
                .as("the good line is not sold either")
                .isEqualTo(50);
    }

    @Test
    void unknownSkusRefuseThePurchaseAndAreNamed() {
        StoreCounts before = StoreCounts.of(dataSource);

        JsonNode problem = assertProblem(
                api.post(
                        "/api/purchases",
                        "{\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":1},"
                                + "{\"sku\":\"GHOST-1\",\"quantity\":1},{\"sku\":\"GHOST-2\",\"quantity\":1}]}"),
                422,
                "unknown-sku");

        assertThat(problem.get("skus").toString())
                .contains("GHOST-1", "GHOST-2")
                .doesNotContain("MOU-001");
        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
    }

    @Test
    void anArchivedProductCannotBeBought() {
        api.delete("/api/products/PHO-001");
        StoreCounts before = StoreCounts.of(dataSource);

        JsonNode problem = assertProblem(
                api.post(
                        "/api/purchases",
                        "{\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":1},{\"sku\":\"PHO-001\",\"quantity\":1}]}"),
                422,
                "product-archived");

        assertThat(problem.get("skus").toString()).contains("PHO-001").doesNotContain("MOU-001");
        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswersTheFirstPurchaseAndChangesNothing() {
        Map<String, String> key = Map.of("Idempotency-Key", "order-1001-attempt");
        Api.Response first = api.post("/api/purchases", purchase("LAP-001", 2), key);
        StoreCounts afterFirst = StoreCounts.of(dataSource);

        Api.Response again = api.post("/api/purchases", purchase("LAP-001", 2), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(StoreCounts.of(dataSource)).isEqualTo(afterFirst);
        assertThat(api.get("/api/products/LAP-001").json().get("stock").asLong())
                .isEqualTo(3);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        Map<String, String> key = Map.of("Idempotency-Key", "k-1");
        api.post("/api/purchases", purchase("LAP-001", 1), key);
        StoreCounts before = StoreCounts.of(dataSource);

        assertProblem(api.post("/api/purchases", purchase("LAP-001", 2), key), 422, "idempotency-key-reused");
        assertProblem(api.post("/api/purchases", purchase("MOU-001", 1), key), 422, "idempotency-key-reused");
        assertProblem(
                api.post(
                        "/api/purchases",
                        "{\"reference\":\"other\",\"lines\":[{\"sku\":\"LAP-001\",\"quantity\":1}]}",
                        key),
                422,
                "idempotency-key-reused");

        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
    }

    @Test
    void aRefusedPurchaseIsTriedAfreshUnderTheSameKey() {
        Map<String, String> key = Map.of("Idempotency-Key", "k-retry");
        assertProblem(api.post("/api/purchases", purchase("PHO-001", 3), key), 409, "insufficient-stock");
        api.post("/api/products/PHO-001/receipts", "{\"quantity\":5}");

        Api.Response retried = api.post("/api/purchases", purchase("PHO-001", 3), key);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("false");
    }

    @Test
    void anIdempotencyKeyIsOneTo255VisibleCharacters() {
        StoreCounts before = StoreCounts.of(dataSource);

        assertInvalid(
                api.post("/api/purchases", purchase("MOU-001", 1), Map.of("Idempotency-Key", "k".repeat(256))),
                "Idempotency-Key");
        assertInvalid(
                api.post("/api/purchases", purchase("MOU-001", 1), Map.of("Idempotency-Key", "two words")),
                "Idempotency-Key");

        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
        assertThat(api.post("/api/purchases", purchase("MOU-001", 1), Map.of("Idempotency-Key", "k".repeat(255)))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aPurchaseIsReadBackWithThePricesAtTheTimeOfSale() {
        JsonNode bought = api.post(
                        "/api/purchases", "{\"reference\":\"r-1\",\"lines\":[{\"sku\":\"PHO-001\",\"quantity\":1}]}")
                .json();
        api.patch("/api/products/PHO-001", "{\"price\":649.00,\"name\":\"Phone 2\"}");

        JsonNode read = api.get("/api/purchases/" + bought.get("id").asString()).json();

        assertThat(read.get("id").asString()).isEqualTo(bought.get("id").asString());
        assertThat(read.get("reference").asString()).isEqualTo("r-1");
        assertThat(read.get("total").toString()).isEqualTo("599.00");
        assertThat(line(read, "PHO-001").get("unitPrice").toString()).isEqualTo("599.00");
        assertThat(line(read, "PHO-001").get("name").asString()).isEqualTo("Phone");
        assertThat(read.get("createdAt").asString())
                .isEqualTo(bought.get("createdAt").asString());
    }

    @Test
    void anUnknownPurchaseIsNotFound() {
        assertProblem(api.get("/api/purchases/0190f1e2-0000-7000-8000-000000000000"), 404, "unknown-purchase");
        assertProblem(api.get("/api/purchases/nonsense"), 404, "unknown-purchase");
    }

    @Test
    void purchasesAreListedNewestFirstAndPaged() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.post("/api/purchases", purchase("MOU-001", 1))
                    .json()
                    .get("id")
                    .asString());
        }

        JsonNode page0 = api.get("/api/purchases?size=2").json();
        JsonNode page1 = api.get("/api/purchases?size=2&page=1").json();

        assertThat(ids(page0)).containsExactly(ids.get(2), ids.get(1));
        assertThat(ids(page1)).containsExactly(ids.get(0));
        assertThat(page0.get("total").asLong()).isEqualTo(3);
        assertThat(page0.get("items").get(0).get("lines")).hasSize(1);
    }

    @Test
    void purchasesCanBeFilteredBySku() {
        String mouse = api.post("/api/purchases", purchase("MOU-001", 1))
                .json()
                .get("id")
                .asString();
        String both = api.post(
                        "/api/purchases",
                        "{\"lines\":[{\"sku\":\"LAP-001\",\"quantity\":1},{\"sku\":\"MOU-001\",\"quantity\":1}]}")
                .json()
                .get("id")
                .asString();

        assertThat(ids(api.get("/api/purchases?sku=LAP-001").json())).containsExactly(both);
        assertThat(ids(api.get("/api/purchases?sku=MOU-001").json())).containsExactly(both, mouse);
        assertThat(ids(api.get("/api/purchases?sku=PHO-001").json())).isEmpty();
        assertThat(api.get("/api/purchases?sku=MOU-001").json().get("total").asLong())
                .isEqualTo(2);
    }

    @Test
    void purchasesCanBeFilteredByDatesBothInclusive() {
        String id = api.post("/api/purchases", purchase("MOU-001", 1))
                .json()
                .get("id")
                .asString();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertThat(ids(api.get("/api/purchases?from=" + today.minusDays(1) + "&to=" + today.plusDays(1))
                        .json()))
                .containsExactly(id);
        assertThat(ids(api.get("/api/purchases?from=" + today.minusDays(1)).json()))
                .containsExactly(id);
        assertThat(ids(api.get("/api/purchases?to=" + today.plusDays(1)).json()))
                .containsExactly(id);
        assertThat(ids(api.get("/api/purchases?from=" + today.plusDays(2)).json()))
                .isEmpty();
        assertThat(ids(api.get("/api/purchases?to=" + today.minusDays(2)).json()))
                .isEmpty();
        assertInvalid(api.get("/api/purchases?from=" + today + "&to=" + today.minusDays(1)), "to");
    }

    static JsonNode line(JsonNode purchase, String sku) {
        for (JsonNode line : purchase.get("lines")) {
            if (line.get("sku").asString().equals(sku)) {
                return line;
            }
        }
        throw new AssertionError("no line for " + sku + " in " + purchase);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    @Test
    void purchasesAreFoundByTheirExactReference() {
        api.post("/api/products", product("REF-1", "1.00", 10, 0));
        api.post("/api/purchases", "{\"reference\":\"order-7\",\"lines\":[{\"sku\":\"REF-1\",\"quantity\":1}]}");
        api.post("/api/purchases", "{\"reference\":\"order-77\",\"lines\":[{\"sku\":\"REF-1\",\"quantity\":2}]}");
        api.post("/api/purchases", purchase("REF-1", 3));

        var found = api.get("/api/purchases?reference=order-7").json();

        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("reference").asString()).isEqualTo("order-7");
        assertThat(api.get("/api/purchases?reference=order-8")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/purchases").json().get("total").asLong()).isEqualTo(3);
    }
}

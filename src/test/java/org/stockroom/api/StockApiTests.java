package org.stockroom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.api.Problems.assertInvalid;
import static org.stockroom.api.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

class StockApiTests extends ApiTestSupport {

    @BeforeEach
    void aMouseInStock() {
        api.post("/api/products", product("MOU-001", "24.99", 10, 2));
    }

    @Test
    void aReceiptRestocksAndAnswersTheMovement() {
        Api.Response received = api.post("/api/products/MOU-001/receipts", "{\"quantity\":20,\"note\":\"PO-77\"}");

        assertThat(received.status()).isEqualTo(201);
        JsonNode m = received.json();
        assertThat(m.get("id").asLong()).isPositive();
        assertThat(m.get("sku").asString()).isEqualTo("MOU-001");
        assertThat(m.get("type").asString()).isEqualTo("RECEIPT");
        assertThat(m.get("delta").asLong()).isEqualTo(20);
        assertThat(m.get("balanceAfter").asLong()).isEqualTo(30);
        assertThat(m.get("note").asString()).isEqualTo("PO-77");
        assertThat(m.get("actor").asString()).isNotBlank();
        assertThat(m.get("at").asString()).endsWith("Z");
        JsonNode product = api.get("/api/products/MOU-001").json();
        assertThat(product.get("stock").asLong()).isEqualTo(30);
        assertThat(product.get("unitsSold").asLong())
                .as("a receipt is not a sale")
                .isZero();
    }

    @Test
    void aReceiptNeedsNoNote() {
        Api.Response received = api.post("/api/products/MOU-001/receipts", "{\"quantity\":1}");

        assertThat(received.status()).isEqualTo(201);
        assertThat(received.json().get("balanceAfter").asLong()).isEqualTo(11);
    }

    @Test
    void aReceiptForAnUnknownProductIsNotFound() {
        StoreCounts before = StoreCounts.of(dataSource);

        assertProblem(api.post("/api/products/NOPE-1/receipts", "{\"quantity\":1}"), 404, "unknown-sku");

        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
    }

    @Test
    void anArchivedProductReceivesNothing() {
        api.delete("/api/products/MOU-001");
        StoreCounts before = StoreCounts.of(dataSource);

        JsonNode problem =
                assertProblem(api.post("/api/products/MOU-001/receipts", "{\"quantity\":1}"), 422, "product-archived");

        assertThat(problem.get("skus").toString()).contains("MOU-001");
        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
    }

    @Test
    void aReceiptQuantityIsOneToAMillion() {
        StoreCounts before = StoreCounts.of(dataSource);

        for (String quantity :
                List.of("0", "-1", "1000001", "2.5", "\"3\"", "true", "null", "99999999999999999999999")) {
            assertInvalid(api.post("/api/products/MOU-001/receipts", "{\"quantity\":" + quantity + "}"), "quantity");
        }
        assertInvalid(api.post("/api/products/MOU-001/receipts", "{\"note\":\"no quantity\"}"), "quantity");
        assertInvalid(
                api.post("/api/products/MOU-001/receipts", "{\"quantity\":1,\"note\":\"" + "n".repeat(501) + "\"}"),
                "note");

        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
        assertThat(api.post("/api/products/MOU-001/receipts", "{\"quantity\":1000000}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theLedgerListsEveryChangeNewestFirstAndSumsToTheStock() {
        String purchaseId = api.post("/api/purchases", purchase("MOU-001", 3))
                .json()
                .get("id")
                .asString();
        api.post("/api/products/MOU-001/receipts", "{\"quantity\":5}");
        api.post("/api/purchases", purchase("MOU-001", 1));

        JsonNode ledger = api.get("/api/products/MOU-001/movements").json();

        List<String> types = new ArrayList<>();
        long sum = 0;
        for (JsonNode m : ledger.get("items")) {
            types.add(m.get("type").asString());
            sum += m.get("delta").asLong();
        }
        assertThat(types.subList(0, 3)).containsExactly("SALE", "RECEIPT", "SALE");
        assertThat(sum)
                .isEqualTo(api.get("/api/products/MOU-001").json().get("stock").asLong())
                .isEqualTo(11);
        assertThat(ledger.get("total").asLong()).isEqualTo(ledger.get("items").size());
        JsonNode sale = ledger.get("items").get(2);
        assertThat(sale.get("delta").asLong()).isEqualTo(-3);
        assertThat(sale.get("balanceAfter").asLong()).isEqualTo(7);
        assertThat(sale.get("purchaseId").asString()).isEqualTo(purchaseId);
        assertThat(ledger.get("items").get(0).get("balanceAfter").asLong()).isEqualTo(11);
    }

    @Test
    void theLedgerIsPaged() {
        for (int i = 0; i < 3; i++) {
            api.post("/api/products/MOU-001/receipts", "{\"quantity\":" + (i + 1) + "}");
        }

        JsonNode page = api.get("/api/products/MOU-001/movements?page=0&size=2").json();

        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("delta").asLong()).isEqualTo(3);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertInvalid(api.get("/api/products/MOU-001/movements?size=0"), "size");
        assertInvalid(api.get("/api/products/MOU-001/movements?page=-1"), "page");
    }

    @Test
    void theLedgerOfAnUnknownProductIsNotFound() {
        assertProblem(api.get("/api/products/NOPE-1/movements"), 404, "unknown-sku");
    }
}

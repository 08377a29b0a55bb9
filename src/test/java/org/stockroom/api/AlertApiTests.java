package org.stockroom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.api.Problems.assertInvalid;
import static org.stockroom.api.Problems.assertProblem;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

/** The life of a restock alert, driven only through the API. */
class AlertApiTests extends ApiTestSupport {

    @Test
    void noAlertWhileStockIsAboveTheThreshold() {
        api.post("/api/products", product("MOU-1", "10.00", 10, 3));
        api.post("/api/purchases", purchase("MOU-1", 6));

        assertThat(api.get("/api/alerts").json()).isEmpty();
        assertThat(api.get("/api/alerts?status=all").json()).isEmpty();
    }

    @Test
    void reachingTheThresholdRaisesALowAlert() {
        api.post("/api/products", product("MOU-1", "10.00", 10, 3));

        JsonNode bought = api.post("/api/purchases", purchase("MOU-1", 7)).json();

        assertThat(bought.get("alerts").get(0).get("level").asString()).isEqualTo("LOW");
        JsonNode alerts = api.get("/api/alerts").json();
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("id").asLong()).isPositive();
        assertThat(alert.get("sku").asString()).isEqualTo("MOU-1");
        assertThat(alert.get("name").asString()).isEqualTo("MOU-1 product");
        assertThat(alert.get("level").asString()).isEqualTo("LOW");
        assertThat(alert.get("stock").asLong()).isEqualTo(3);
        assertThat(alert.get("reorderThreshold").asLong()).isEqualTo(3);
        assertThat(alert.get("raisedAt").asString()).endsWith("Z");
        assertThat(alert.get("acknowledgedAt").isNull()).isTrue();
        assertThat(alert.get("resolvedAt").isNull()).isTrue();
    }

    @Test
    void sellingTheLastUnitEscalatesTheSameAlertToOut() {
        api.post("/api/products", product("MOU-1", "10.00", 5, 3));
        api.post("/api/purchases", purchase("MOU-1", 2));
        long id = api.get("/api/alerts").json().get(0).get("id").asLong();

        JsonNode quiet = api.post("/api/purchases", purchase("MOU-1", 1)).json();
        JsonNode last = api.post("/api/purchases", purchase("MOU-1", 2)).json();

        assertThat(quiet.get("alerts"))
                .as("a sale that leaves the alert as it was tells nobody")
                .isEmpty();
        assertThat(last.get("alerts").get(0).get("level").asString()).isEqualTo("OUT");
        JsonNode alerts = api.get("/api/alerts?status=all").json();
        assertThat(alerts).as("one alert per product").hasSize(1);
        assertThat(alerts.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(alerts.get(0).get("level").asString()).isEqualTo("OUT");
        assertThat(alerts.get(0).get("stock").asLong()).isZero();
    }

    @Test
    void aProductCreatedAtOrBelowItsThresholdRaisesAnAlertAtOnce() {
        api.post("/api/products", product("LOW-1", "1.00", 2, 2));
        api.post("/api/products", product("OUT-1", "1.00", 0, 2));
        api.post("/api/products", product("FINE-1", "1.00", 3, 2));

        JsonNode alerts = api.get("/api/alerts").json();

        assertThat(alerts).hasSize(2);
        assertThat(levelOf(alerts, "LOW-1")).isEqualTo("LOW");
        assertThat(levelOf(alerts, "OUT-1")).isEqualTo("OUT");
    }

    @Test
    void aReceiptThatLiftsStockAboveTheThresholdResolvesTheAlert() {
        api.post("/api/products", product("MOU-1", "10.00", 0, 3));
        api.post("/api/products/MOU-1/receipts", "{\"quantity\":3}");
        JsonNode stillLow = api.get("/api/alerts").json();
        assertThat(stillLow).hasSize(1);
        assertThat(levelOf(stillLow, "MOU-1"))
                .as("back from OUT to LOW, still open")
                .isEqualTo("LOW");

        api.post("/api/products/MOU-1/receipts", "{\"quantity\":1}");

        assertThat(api.get("/api/alerts").json()).isEmpty();
        JsonNode resolved = api.get("/api/alerts?status=resolved").json();
        assertThat(resolved).hasSize(1);
        assertThat(resolved.get(0).get("resolvedAt").isNull()).isFalse();
        assertThat(resolved.get(0).get("stock").asLong())
                .as("stock at resolution")
                .isEqualTo(4);
    }

    @Test
    void runningLowAgainRaisesANewAlert() {
        api.post("/api/products", product("MOU-1", "10.00", 4, 3));
        api.post("/api/purchases", purchase("MOU-1", 1));
        api.post("/api/products/MOU-1/receipts", "{\"quantity\":10}");

        api.post("/api/purchases", purchase("MOU-1", 10));

        assertThat(api.get("/api/alerts").json()).hasSize(1);
        assertThat(api.get("/api/alerts?status=all").json()).hasSize(2);
        assertThat(api.get("/api/alerts?status=resolved").json()).hasSize(1);
    }

    @Test
    void raisingTheThresholdRaisesAnAlertAndLoweringItResolvesIt() {
        api.post("/api/products", product("MOU-1", "10.00", 5, 3));

        api.patch("/api/products/MOU-1", "{\"reorderThreshold\":5}");
        JsonNode open = api.get("/api/alerts").json();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("reorderThreshold").asLong()).isEqualTo(5);

        api.patch("/api/products/MOU-1", "{\"reorderThreshold\":4}");
        assertThat(api.get("/api/alerts").json()).isEmpty();
        assertThat(api.get("/api/alerts?status=resolved").json()).hasSize(1);
    }

    @Test
    void changingAnotherFieldLeavesTheAlertAlone() {
        api.post("/api/products", product("MOU-1", "10.00", 1, 3));
        long id = api.get("/api/alerts").json().get(0).get("id").asLong();

        api.patch("/api/products/MOU-1", "{\"name\":\"Mouse\"}");

        JsonNode alerts = api.get("/api/alerts?status=all").json();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(alerts.get(0).get("name").asString()).isEqualTo("Mouse");
    }

    @Test
    void archivingResolvesTheAlertAndRestoringRaisesItAgain() {
        api.post("/api/products", product("MOU-1", "10.00", 1, 3));

        api.delete("/api/products/MOU-1");
        assertThat(api.get("/api/alerts").json()).isEmpty();
        assertThat(api.get("/api/alerts?status=resolved").json()).hasSize(1);

        api.post("/api/products/MOU-1/restore", null);
        assertThat(api.get("/api/alerts").json()).hasSize(1);
    }

    @Test
    void acknowledgingRecordsThatSomeoneSawTheAlertAndKeepsItOpen() {
        api.post("/api/products", product("MOU-1", "10.00", 1, 3));
        long id = api.get("/api/alerts").json().get(0).get("id").asLong();

        Api.Response acknowledged = api.post("/api/alerts/" + id + "/acknowledge", null);

        assertThat(acknowledged.status()).isEqualTo(200);
        JsonNode alert = acknowledged.json();
        assertThat(alert.get("id").asLong()).isEqualTo(id);
        assertThat(alert.get("acknowledgedAt").isNull()).isFalse();
        assertThat(alert.get("resolvedAt").isNull()).isTrue();
        assertThat(api.get("/api/alerts").json().get(0).get("acknowledgedAt").asString())
                .isEqualTo(alert.get("acknowledgedAt").asString());

        JsonNode twice = api.post("/api/alerts/" + id + "/acknowledge", null).json();
        assertThat(twice.get("acknowledgedAt").asString())
                .as("the first acknowledgement stays")
                .isEqualTo(alert.get("acknowledgedAt").asString());
    }

    @Test
    void acknowledgingAnUnknownAlertIsNotFound() {
        assertProblem(api.post("/api/alerts/987654/acknowledge", null), 404, "unknown-alert");
        assertInvalid(api.post("/api/alerts/abc/acknowledge", null), "id");
    }

    @Test
    void theStatusFilterKnowsOpenResolvedAndAll() {
        api.post("/api/products", product("A-1", "1.00", 1, 3));
        api.post("/api/products", product("B-1", "1.00", 1, 3));
        api.post("/api/products/B-1/receipts", "{\"quantity\":10}");

        assertThat(api.get("/api/alerts?status=open").json()).hasSize(1);
        assertThat(api.get("/api/alerts?status=resolved").json()).hasSize(1);
        assertThat(api.get("/api/alerts?status=all").json()).hasSize(2);
        assertThat(api.get("/api/alerts?status=OPEN").json()).hasSize(1);
        assertInvalid(api.get("/api/alerts?status=closed"), "status");
    }

    private static String levelOf(JsonNode alerts, String sku) {
        for (JsonNode alert : alerts) {
            if (alert.get("sku").asString().equals(sku)) {
                return alert.get("level").asString();
            }
        }
        throw new AssertionError("no alert for " + sku + " in " + alerts);
    }
}

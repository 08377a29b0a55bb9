package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

class AuditTests extends ApiTestSupport {

    @Test
    void productChangesNameTheirActor() {
        Api staff = as("sam", "STAFF");
        staff.post("/api/products", product("LAP-1", "10.00", 5, 1));
        staff.patch("/api/products/LAP-1", "{\"price\":12.00}");
        api.delete("/api/products/LAP-1");

        var events = api.get("/api/audit?action=product.").json().get("items");

        assertThat(events.findValuesAsString("action"))
                .containsExactly("product.changed", "product.changed", "product.created");
        assertThat(events.findValuesAsString("actor")).containsExactly("admin", "sam", "sam");
        assertThat(events.get(0).get("detail").asString()).contains("archived=true");
        assertThat(events.get(1).get("detail").asString()).contains("price=12.00");
    }

    @Test
    void webhookChangesAreAudited() {
        String id = api.post(
                        "/api/webhooks", "{\"url\":\"https://hooks.example.com/stock\",\"events\":[\"alert.raised\"]}")
                .json()
                .get("id")
                .asString();
        api.delete("/api/webhooks/" + id);

        var events = api.get("/api/audit?action=webhook.").json().get("items");

        assertThat(events.findValuesAsString("action")).containsExactly("webhook.deleted", "webhook.created");
        assertThat(events.get(1).get("target").asString()).isEqualTo(id);
    }

    @Test
    void onlyAnOwnerReadsTheAuditTrail() {
        assertThat(as("sam", "STAFF").get("/api/audit").status()).isEqualTo(403);
        assertThat(anonymous.get("/api/audit").status()).isEqualTo(401);
    }
}

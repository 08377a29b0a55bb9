package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

class AuthenticationTests extends ApiTestSupport {

    @Test
    void withoutCredentialsTheApiAnswers401ProblemDetails() {
        Api.Response response = anonymous.get("/api/products");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("unauthorized");
        assertThat(response.header("WWW-Authenticate")).contains("Basic");
    }

    @Test
    void healthIsPublicButOtherActuatorEndpointsNeedAnOwner() {
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(as("sam", "STAFF").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(api.get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIs401AndChangesNothing() {
        Api.Response response =
                anonymous.withBasic("admin", "not-the-password").post("/api/products", product("P-1", "1.00", 1, 0));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("Wrong username or password");
        assertThat(api.get("/api/products").json().get("total").asLong()).isZero();
    }

    @Test
    void aViewersPurchaseIs403AndChangesNothing() {
        api.post("/api/products", product("LAP-1", "999.99", 5, 1));
        Api viewer = as("vera", "VIEWER");

        Api.Response refused = viewer.post("/api/purchases", purchase("LAP-1", 1));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("forbidden");
        assertThat(viewer.get("/api/products/LAP-1").json().get("stock").asLong())
                .isEqualTo(5);
        assertThat(api.get("/api/purchases").json().get("total").asLong()).isZero();
    }

    @Test
    void theLedgerNamesTheSignedInUserAsActor() {
        api.post("/api/products", product("LAP-1", "999.99", 5, 1));
        Api staff = as("sam", "STAFF");

        assertThat(staff.post("/api/purchases", purchase("LAP-1", 2)).status()).isEqualTo(201);
        assertThat(api.post("/api/products/LAP-1/receipts", "{\"quantity\":3}").status())
                .isEqualTo(201);

        var movements = api.get("/api/products/LAP-1/movements").json().get("items");
        assertThat(movements.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(movements.get(1).get("actor").asString()).isEqualTo("sam");
    }

    @Test
    void aDisabledUserIsRefusedAtTheNextRequest() {
        Api staff = as("sam", "STAFF");
        assertThat(staff.get("/api/products").status()).isEqualTo(200);

        assertThat(api.patch("/api/users/sam", "{\"disabled\":true}").status()).isEqualTo(200);

        assertThat(staff.get("/api/products").status()).isEqualTo(401);
    }

    @Test
    void aChangedRoleAppliesAtTheNextRequest() {
        api.post("/api/products", product("LAP-1", "999.99", 5, 1));
        Api sam = as("sam", "STAFF");
        assertThat(sam.post("/api/purchases", purchase("LAP-1", 1)).status()).isEqualTo(201);

        api.patch("/api/users/sam", "{\"role\":\"VIEWER\"}");

        assertThat(sam.post("/api/purchases", purchase("LAP-1", 1)).status()).isEqualTo(403);
    }
}

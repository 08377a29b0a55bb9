package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

class TokenTests extends ApiTestSupport {

    @Test
    void aTokenIsShownOnceAndWorksWithItsRole() {
        Api.Response issued = api.post("/api/tokens", "{\"name\":\"shop-sync\",\"role\":\"STAFF\",\"expiresAt\":null}");

        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        assertThat(token).startsWith("sr_");
        assertThat(api.get("/api/tokens").text()).doesNotContain(token);

        Api sync = anonymous.withToken(token);
        api.post("/api/products", product("LAP-1", "10.00", 5, 1));
        assertThat(sync.post("/api/purchases", purchase("LAP-1", 1)).status()).isEqualTo(201);
        assertThat(sync.get("/api/users").status()).isEqualTo(403);
        assertThat(api.get("/api/products/LAP-1/movements")
                        .json()
                        .get("items")
                        .get(0)
                        .get("actor")
                        .asString())
                .isEqualTo("token:shop-sync");
        assertThat(api.get("/api/tokens").json().get(0).get("lastUsedAt").isNull())
                .isFalse();
    }

    @Test
    void aRevokedTokenStopsAtTheNextRequest() {
        Api.Response issued = api.post("/api/tokens", "{\"name\":\"shop-sync\",\"role\":\"VIEWER\"}");
        Api sync = anonymous.withToken(issued.json().get("token").asString());
        assertThat(sync.get("/api/products").status()).isEqualTo(200);

        assertThat(api.delete("/api/tokens/" + issued.json().get("id").asString())
                        .status())
                .isEqualTo(204);

        Api.Response refused = sync.get("/api/products");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asString()).isEqualTo("unauthorized");
        assertThat(api.get("/api/tokens").json().get(0).get("revokedAt").isNull())
                .isFalse();
    }

    @Test
    void anExpiredTokenIsRefusedAndAPastExpiryCannotBeSet() {
        assertThat(api.post(
                                "/api/tokens",
                                "{\"name\":\"old\",\"role\":\"VIEWER\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/tokens").json().size()).isZero();
    }

    @Test
    void anExpiryBeyondTheYear9999IsRefusedNotFailed() {
        // ISO instants may carry a signed year of up to nine digits; their epoch millis do not fit in a long.
        for (String expiry :
                new String[] {"+300000000-01-01T00:00:00Z", "-300000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"}) {
            Api.Response refused =
                    api.post("/api/tokens", "{\"name\":\"far\",\"role\":\"VIEWER\",\"expiresAt\":\"" + expiry + "\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).isEqualTo("invalid-request");
        }
        assertThat(api.get("/api/tokens").json().size()).isZero();
        assertThat(api.post(
                                "/api/tokens",
                                "{\"name\":\"late\",\"role\":\"VIEWER\",\"expiresAt\":\"9999-12-31T00:00:00Z\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anUnknownTokenIs401() {
        assertThat(anonymous
                        .withToken("sr_not-a-real-token")
                        .get("/api/products")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aTokenOfADisabledCreatorStops() {
        as("owner2", "OWNER");
        Api owner2 = anonymous.withBasic("owner2", USER_PASSWORD);
        Api sync = anonymous.withToken(owner2.post("/api/tokens", "{\"name\":\"sync\",\"role\":\"STAFF\"}")
                .json()
                .get("token")
                .asString());
        assertThat(sync.get("/api/products").status()).isEqualTo(200);

        api.patch("/api/users/owner2", "{\"disabled\":true}");

        assertThat(sync.get("/api/products").status()).isEqualTo(401);
    }

    @Test
    void revokingAnUnknownTokenIs404() {
        Api.Response response = api.delete("/api/tokens/nope");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("unknown-token");
    }

    @Test
    void tokenChangesAreAudited() {
        String id = api.post("/api/tokens", "{\"name\":\"shop-sync\",\"role\":\"VIEWER\"}")
                .json()
                .get("id")
                .asString();
        api.delete("/api/tokens/" + id);

        var events = api.get("/api/audit?action=token.").json().get("items");

        assertThat(events.findValuesAsString("action")).containsExactly("token.revoked", "token.created");
        assertThat(events.get(0).get("target").asString()).isEqualTo(id);
    }
}

package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/**
 * The API's lean path: credentials are checked against the database once per cache lifetime (5 s),
 * a change made elsewhere (another instance, the {@code user} command) is honoured when that
 * lifetime ends, no session is made, and Spring Security's filters are not each observed.
 */
class ApiCredentialsTests extends ApiTestSupport {

    /** The cache's default lifetime and a margin for a busy machine. */
    private static final Duration WITHIN_THE_CACHE_LIFETIME = Duration.ofSeconds(15);

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Test
    void aTokenRevokedByAnotherInstanceIsRefusedOnceTheCacheLifetimeEnds() {
        Api.Response issued = api.post("/api/tokens", "{\"name\":\"shop-sync\",\"role\":\"VIEWER\"}");
        Api sync = anonymous.withToken(issued.json().get("token").asString());
        assertThat(sync.get("/api/products").status()).isEqualTo(200);

        // What another instance's DELETE /api/tokens/{id} writes; this instance is not told.
        jdbc().sql("UPDATE api_token SET revoked_at = 1 WHERE id = :id")
                .param("id", issued.json().get("id").asString())
                .update();

        assertThat(sync.get("/api/products").status())
                .as("still remembered: no database read per request")
                .isEqualTo(200);
        await().atMost(WITHIN_THE_CACHE_LIFETIME)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> sync.get("/api/products").status() == 401);
    }

    @Test
    void aPasswordChangedByAnotherInstanceIsRefusedOnceTheCacheLifetimeEnds() {
        Api sam = as("sam", "STAFF");
        assertThat(sam.get("/api/products").status()).isEqualTo(200);
        String otherHash = jdbc().sql("SELECT password_hash FROM app_user WHERE username = 'admin'")
                .query(String.class)
                .single();

        jdbc().sql("UPDATE app_user SET password_hash = :h WHERE username = 'sam'")
                .param("h", otherHash)
                .update();

        assertThat(sam.get("/api/products").status())
                .as("still remembered: no database read per request")
                .isEqualTo(200);
        await().atMost(WITHIN_THE_CACHE_LIFETIME)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> sam.get("/api/products").status() == 401);
    }

    @Test
    void aPasswordChangedHereIsRefusedAtTheNextRequest() {
        Api sam = as("sam", "STAFF");
        assertThat(sam.get("/api/products").status()).isEqualTo(200);

        assertThat(api.patch("/api/users/sam", "{\"password\":\"another-long-password-9\"}")
                        .status())
                .isEqualTo(200);

        assertThat(sam.get("/api/products").status()).isEqualTo(401);
        assertThat(anonymous
                        .withBasic("sam", "another-long-password-9")
                        .get("/api/products")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTokenWhoseCreatorLosesTheRoleActsWithLessAtTheNextRequest() {
        as("owner2", "OWNER");
        Api owner2 = anonymous.withBasic("owner2", USER_PASSWORD);
        Api sync = anonymous.withToken(owner2.post("/api/tokens", "{\"name\":\"sync\",\"role\":\"STAFF\"}")
                .json()
                .get("token")
                .asString());
        api.post("/api/products", product("LAP-1", "10.00", 5, 1));
        assertThat(sync.post("/api/purchases", purchase("LAP-1", 1)).status()).isEqualTo(201);

        assertThat(api.patch("/api/users/owner2", "{\"role\":\"VIEWER\"}").status())
                .isEqualTo(200);

        assertThat(sync.post("/api/purchases", purchase("LAP-1", 1)).status()).isEqualTo(403);
        assertThat(sync.get("/api/products").status()).isEqualTo(200);
    }

    @Test
    void theApiMakesNoSessionForTokensOrBasic() {
        String token = api.post("/api/tokens", "{\"name\":\"sync\",\"role\":\"STAFF\"}")
                .json()
                .get("token")
                .asString();
        api.post("/api/products", product("LAP-1", "10.00", 5, 1));

        Api.Response byToken = anonymous.withToken(token).post("/api/purchases", purchase("LAP-1", 1));
        Api.Response byBasic = api.post("/api/purchases", purchase("LAP-1", 1));

        assertThat(byToken.status()).isEqualTo(201);
        assertThat(byBasic.status()).isEqualTo(201);
        assertThat(byToken.header("Set-Cookie")).isNull();
        assertThat(byBasic.header("Set-Cookie")).isNull();
    }

    @Test
    void securityFiltersAreNotEachObservedWithoutATracer() {
        assertThat(api.get("/api/products").status()).isEqualTo(200);

        assertThat(api.get("/actuator/metrics").text())
                .contains("http.server.requests")
                .doesNotContain("spring.security.filterchains")
                .doesNotContain("spring.security.authentications");
    }
}

package org.stockroom.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/**
 * When the connection to the database breaks during COMMIT, nobody knows whether the purchase was
 * made: the answer says so (503 {@code outcome-unknown}) and tells the client how to find out
 * without buying twice. The connection really breaks: a deferred trigger makes the database end its
 * own session while it runs the COMMIT. PostgreSQL only (SQLite has no connection to break).
 */
class OutcomeUnknownTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.stockroom.support.Database database;

    @BeforeEach
    void breakTheConnectionAtCommitOfMarkedPurchases() {
        Assumptions.assumeTrue(
                database == org.stockroom.support.Database.POSTGRESQL, "only PostgreSQL has a connection to break");
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION end_session_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_terminate_backend(pg_backend_pid());
                    RETURN NULL;
                END $$""").update();
        jdbc.sql("""
                CREATE CONSTRAINT TRIGGER end_session_at_commit AFTER INSERT ON purchase
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                WHEN (NEW.reference LIKE 'break-at-commit%')
                EXECUTE FUNCTION end_session_at_commit()""").update();
        api.post("/api/products", product("MUG-1", "12.50", 10, 0));
    }

    @AfterEach
    void repair() {
        if (database == org.stockroom.support.Database.POSTGRESQL) {
            stopBreaking();
        }
    }

    @Test
    void aPurchaseWithAKeyWhoseCommitBrokeIsAnsweredOutcomeUnknownAndTheRetryWithTheKeySettlesIt() {
        String body = "{\"reference\":\"break-at-commit-1\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":3}]}";

        Api.Response broken = api.post("/api/purchases", body, Map.of("Idempotency-Key", "order-1001"));

        assertThat(broken.status()).as(broken.toString()).isEqualTo(503);
        assertThat(broken.contentType()).startsWith("application/problem+json");
        assertThat(broken.json().get("code").asString()).isEqualTo("outcome-unknown");
        assertThat(broken.json().get("detail").asString())
                .contains("may or may not have been made")
                .contains("same Idempotency-Key")
                .doesNotContain("nothing was changed");

        stopBreaking();
        Api.Response retried = api.post("/api/purchases", body, Map.of("Idempotency-Key", "order-1001"));
        Api.Response again = api.post("/api/purchases", body, Map.of("Idempotency-Key", "order-1001"));

        assertThat(retried.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get("/api/products/MUG-1").json().get("stock").asLong()).isEqualTo(7);
        assertThat(api.get("/api/purchases?reference=break-at-commit-1")
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aPurchaseWithoutAKeyWhoseCommitBrokeSaysWhereToLookBeforeBuyingAgain() {
        Api.Response broken = api.post(
                "/api/purchases",
                "{\"reference\":\"break-at-commit-2\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}");

        assertThat(broken.status()).as(broken.toString()).isEqualTo(503);
        assertThat(broken.json().get("code").asString()).isEqualTo("outcome-unknown");
        assertThat(broken.json().get("reference").asString()).isEqualTo("break-at-commit-2");
        assertThat(broken.json().get("detail").asString())
                .contains("GET /api/purchases?reference=break-at-commit-2")
                .doesNotContain("nothing was changed");
        // Here the session ended before COMMIT completed, so the lookup it points to finds nothing.
        assertThat(api.get("/api/purchases?reference=break-at-commit-2")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/products/MUG-1").json().get("stock").asLong()).isEqualTo(10);
    }

    private void stopBreaking() {
        jdbc.sql("DROP TRIGGER IF EXISTS end_session_at_commit ON purchase").update();
    }
}

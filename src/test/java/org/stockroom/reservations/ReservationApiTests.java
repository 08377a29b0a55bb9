package org.stockroom.reservations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

/** Every path and error code of the reservations contract (shared/API.md, "Reservations"). */
class ReservationApiTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aSmallShop() {
        api.post("/api/products", product("LAP-001", "999.99", 5, 1));
        api.post("/api/products", product("MOU-001", "24.99", 50, 5));
    }

    @Test
    void aReservationHoldsUnitsFromAvailableWithoutTouchingStockOrTheLedger() {
        Api.Response made = api.post(
                "/api/reservations",
                "{\"reference\":\"cart-88\",\"lines\":[{\"sku\":\"LAP-001\",\"quantity\":2},{\"sku\":\"MOU-001\",\"quantity\":1}],"
                        + "\"expiresInSeconds\":900}");

        assertThat(made.status()).isEqualTo(201);
        JsonNode r = made.json();
        String id = r.get("id").asString();
        assertThat(made.header("Location")).endsWith("/api/reservations/" + id);
        assertThat(r.get("reference").asString()).isEqualTo("cart-88");
        assertThat(r.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(java.time.Duration.between(
                        java.time.Instant.parse(r.get("createdAt").asString()),
                        java.time.Instant.parse(r.get("expiresAt").asString())))
                .hasSeconds(900);
        assertThat(r.get("lines")).hasSize(2);
        JsonNode laptop = api.get("/api/products/LAP-001").json();
        assertThat(laptop.get("stock").asLong()).isEqualTo(5);
        assertThat(laptop.get("reserved").asLong()).isEqualTo(2);
        assertThat(laptop.get("available").asLong()).isEqualTo(3);
        assertThat(laptop.get("backordered").asLong()).isZero();
        assertThat(laptop.get("incoming").asLong()).isZero();
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE type <> 'ADJUSTMENT'"))
                .isZero();
        assertThat(api.get("/api/reservations/" + id)
                        .json()
                        .get("lines")
                        .get(0)
                        .get("sku")
                        .asString())
                .isEqualTo("LAP-001");
    }

    @Test
    void aPurchaseCannotTakeHeldUnitsAndItsShortageIsCountedAgainstAvailable() {
        api.post("/api/reservations", reservation("LAP-001", 4));

        Api.Response refused = api.post("/api/purchases", purchase("LAP-001", 2));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("insufficient-stock");
        JsonNode shortage = refused.json().get("shortages").get(0);
        assertThat(shortage.get("available").asLong()).isEqualTo(1);
        assertThat(api.post("/api/purchases", purchase("LAP-001", 1)).status()).isEqualTo(201);
    }

    @Test
    void holdsFollowAvailableIntoNeedsRestockAndTheAlert() {
        api.post("/api/reservations", reservation("LAP-001", 5));

        JsonNode laptop = api.get("/api/products/LAP-001").json();
        assertThat(laptop.get("needsRestock").asBoolean()).isTrue();
        JsonNode alert = api.get("/api/alerts").json().get(0);
        assertThat(alert.get("sku").asString()).isEqualTo("LAP-001");
        assertThat(alert.get("level").asString()).isEqualTo("OUT");
    }

    @Test
    void allLinesAreHeldOrNone() {
        Api.Response refused = api.post(
                "/api/reservations",
                "{\"lines\":[{\"sku\":\"LAP-001\",\"quantity\":6},{\"sku\":\"MOU-001\",\"quantity\":1}]}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("insufficient-stock");
        assertThat(api.get("/api/products/MOU-001").json().get("reserved").asLong())
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM reservation")).isZero();
    }

    @Test
    void unknownArchivedAndMalformedRequestsAreRefusedAndHoldNothing() {
        api.delete("/api/products/MOU-001");

        Api.Response unknown = api.post("/api/reservations", reservation("NOPE-1", 1));
        Api.Response archived = api.post("/api/reservations", reservation("MOU-001", 1));
        Api.Response tooShort = api.post(
                "/api/reservations", "{\"lines\":[{\"sku\":\"LAP-001\",\"quantity\":1}],\"expiresInSeconds\":59}");
        Api.Response noLines = api.post("/api/reservations", "{\"lines\":[]}");

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("code").asString()).isEqualTo("unknown-sku");
        assertThat(archived.status()).isEqualTo(422);
        assertThat(archived.json().get("code").asString()).isEqualTo("product-archived");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("code").asString()).isEqualTo("invalid-request");
        assertThat(noLines.status()).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM reservation")).isZero();
        assertThat(count("SELECT COALESCE(SUM(reserved), 0) FROM product")).isZero();
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstReservationAndADifferentBodyIsRefused() {
        Map<String, String> key = Map.of("Idempotency-Key", "cart-88-try");
        Api.Response first = api.post("/api/reservations", reservation("LAP-001", 2), key);
        Api.Response again = api.post("/api/reservations", reservation("LAP-001", 2), key);
        Api.Response other = api.post("/api/reservations", reservation("LAP-001", 3), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asString()).isEqualTo("idempotency-key-reused");
        assertThat(api.get("/api/products/LAP-001").json().get("reserved").asLong())
                .isEqualTo(2);
    }

    @Test
    void aCommitBuysExactlyTheHeldLinesOnceAndACommittedReservationCannotBeReleased() {
        String id = api.post("/api/reservations", reservation("LAP-001", 2))
                .json()
                .get("id")
                .asString();

        Api.Response committed = api.post("/api/reservations/" + id + "/commit", "");
        Api.Response again = api.post("/api/reservations/" + id + "/commit", "");
        Api.Response release = api.delete("/api/reservations/" + id);

        assertThat(committed.status()).isEqualTo(201);
        JsonNode purchase = committed.json();
        assertThat(purchase.get("lines")).hasSize(1);
        assertThat(purchase.get("lines").get(0).get("quantity").asLong()).isEqualTo(2);
        assertThat(purchase.get("total").toString()).isEqualTo("1999.98");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString())
                .isEqualTo(purchase.get("id").asString());
        assertThat(release.status()).isEqualTo(409);
        assertThat(release.json().get("code").asString()).isEqualTo("reservation-not-active");
        JsonNode r = api.get("/api/reservations/" + id).json();
        assertThat(r.get("status").asString()).isEqualTo("COMMITTED");
        assertThat(r.get("purchaseId").asString()).isEqualTo(purchase.get("id").asString());
        JsonNode laptop = api.get("/api/products/LAP-001").json();
        assertThat(laptop.get("stock").asLong()).isEqualTo(3);
        assertThat(laptop.get("reserved").asLong()).isZero();
        assertThat(laptop.get("unitsSold").asLong()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE type = 'SALE' AND sku = 'LAP-001'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM purchase")).isEqualTo(1);
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void aReleaseGivesTheUnitsBackAndAReleasedReservationCannotBeCommitted() {
        String id = api.post("/api/reservations", reservation("LAP-001", 5))
                .json()
                .get("id")
                .asString();

        Api.Response released = api.delete("/api/reservations/" + id);
        Api.Response releasedAgain = api.delete("/api/reservations/" + id);
        Api.Response commit = api.post("/api/reservations/" + id + "/commit", "");

        assertThat(released.status()).isEqualTo(204);
        assertThat(releasedAgain.status()).isEqualTo(204);
        assertThat(commit.status()).isEqualTo(409);
        assertThat(commit.json().get("code").asString()).isEqualTo("reservation-not-active");
        assertThat(api.get("/api/reservations/" + id).json().get("status").asString())
                .isEqualTo("RELEASED");
        assertThat(api.get("/api/products/LAP-001").json().get("available").asLong())
                .isEqualTo(5);
        assertThat(api.get("/api/alerts?status=open").json()).isEmpty();
    }

    @Test
    void reservationsAreListedByStatusAndUnknownOnesAreNotFound() {
        String kept = api.post("/api/reservations", reservation("LAP-001", 1))
                .json()
                .get("id")
                .asString();
        String gone = api.post("/api/reservations", reservation("MOU-001", 1))
                .json()
                .get("id")
                .asString();
        api.delete("/api/reservations/" + gone);

        JsonNode active = api.get("/api/reservations?status=active").json();
        JsonNode released = api.get("/api/reservations?status=released").json();

        assertThat(active).hasSize(1);
        assertThat(active.get(0).get("id").asString()).isEqualTo(kept);
        assertThat(released).hasSize(1);
        assertThat(released.get(0).get("id").asString()).isEqualTo(gone);
        assertThat(api.get("/api/reservations").json()).hasSize(2);
        assertThat(api.get("/api/reservations?status=bogus").status()).isEqualTo(400);
        Api.Response missing = api.get("/api/reservations/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("unknown-reservation");
        assertThat(api.post("/api/reservations/nope/commit", "").status()).isEqualTo(404);
        assertThat(api.delete("/api/reservations/nope").status()).isEqualTo(404);
    }

    @Test
    void aDueReservationExpiresWithinFiveSecondsWithoutAnyRequestAndCannotThenBeCommitted() throws Exception {
        String id = api.post("/api/reservations", reservation("LAP-001", 5))
                .json()
                .get("id")
                .asString();
        jdbc.sql("UPDATE reservation SET expires_at = :now WHERE id = :id")
                .param("now", System.currentTimeMillis())
                .param("id", id)
                .update();

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (status(id).equals("ACTIVE") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(status(id)).isEqualTo("EXPIRED");
        assertThat(count("SELECT reserved FROM product WHERE sku = 'LAP-001'")).isZero();
        Api.Response commit = api.post("/api/reservations/" + id + "/commit", "");
        assertThat(commit.status()).isEqualTo(409);
        assertThat(commit.json().get("code").asString()).isEqualTo("reservation-not-active");
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void stockCannotBeCountedOrAdjustedBelowWhatIsHeld() {
        api.post("/api/reservations", reservation("LAP-001", 4));

        Api.Response count =
                api.post("/api/products/LAP-001/adjustments", "{\"countedQuantity\":3,\"reason\":\"COUNT\"}");
        Api.Response damaged = api.post("/api/products/LAP-001/adjustments", "{\"delta\":-2,\"reason\":\"DAMAGED\"}");

        assertThat(count.status()).isEqualTo(409);
        assertThat(damaged.status()).isEqualTo(409);
        assertThat(api.get("/api/products/LAP-001").json().get("stock").asLong())
                .isEqualTo(5);
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM reservation WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    static String reservation(String sku, long quantity) {
        return "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

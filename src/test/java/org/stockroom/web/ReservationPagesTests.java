package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.web.Forms.field;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/** The Reservations page's forms, posted as a browser without JavaScript posts them. */
class ReservationPagesTests extends ApiTestSupport {

    private Forms forms;

    @BeforeEach
    void forms() {
        forms = new Forms(port);
    }

    private String hold(String reference, String sku, long quantity) {
        return api.post(
                        "/api/reservations",
                        "{\"reference\":\"" + reference + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":"
                                + quantity + "}]}")
                .json()
                .get("id")
                .asString();
    }

    @Test
    void theListShowsActiveHoldsByDefaultAndFiltersByStatusAndProduct() {
        api.post("/api/products", product("CUP", "3.00", 10, 2));
        api.post("/api/products", product("MUG", "5.00", 10, 2));
        String cup = hold("cart-cup", "CUP", 2);
        hold("cart-mug", "MUG", 1);
        api.delete("/api/reservations/" + cup);

        assertThat(api.get("/reservations").text()).contains("cart-mug").doesNotContain("cart-cup");
        assertThat(api.get("/reservations?status=released").text())
                .contains("cart-cup")
                .doesNotContain("cart-mug");
        assertThat(api.get("/reservations?status=all&sku=MUG").text())
                .contains("cart-mug")
                .doesNotContain("cart-cup");
        assertThat(api.get("/reservations?status=expired").text()).contains("No expired reservations here.");
        assertThat(api.get("/reservations?status=nonsense").text())
                .as("an unknown filter shows the active ones")
                .contains("cart-mug");
        assertThat(api.get("/products/MUG").text()).contains("/reservations?sku=MUG");
    }

    @Test
    void holdingCommittingAndReleasingEndOnReloadableAddresses() {
        api.post("/api/products", product("CUP", "3.00", 10, 2));

        Api.Response held = forms.post(
                "/reservations",
                List.of(
                        field("sku", "CUP"),
                        field("quantity", "3"),
                        field("minutes", "30"),
                        field("reference", "phone order")));
        assertThat(held.status()).isEqualTo(302);
        assertThat(held.header("Location")).contains("/reservations?held=");
        var reservation = api.get("/api/reservations?status=active").json().get(0);
        String id = reservation.get("id").asString();
        assertThat(reservation.get("reference").asString()).isEqualTo("phone order");
        assertThat(java.time.Duration.between(
                        java.time.Instant.parse(reservation.get("createdAt").asString()),
                        java.time.Instant.parse(reservation.get("expiresAt").asString())))
                .isEqualTo(java.time.Duration.ofMinutes(30));

        Api.Response committed = forms.post("/reservations/" + id + "/commit", List.of());
        assertThat(committed.status()).isEqualTo(302);
        String purchase =
                api.get("/api/reservations/" + id).json().get("purchaseId").asString();
        assertThat(committed.header("Location")).endsWith("/reservations?committed=" + id + "&purchase=" + purchase);
        assertThat(api.get("/reservations?committed=" + id + "&purchase=" + purchase)
                        .text())
                .contains("Committed: the held units are sold.")
                .contains("/sales/" + purchase);
        assertThat(api.get("/api/products/CUP").json().get("stock").asLong()).isEqualTo(7);

        String other = hold("cart-2", "CUP", 1);
        Api.Response released = forms.post("/reservations/" + other + "/release", List.of());
        assertThat(released.status()).isEqualTo(302);
        assertThat(released.header("Location")).endsWith("/reservations?released=" + other);
        assertThat(api.get("/api/products/CUP").json().get("reserved").asLong()).isZero();
    }

    @Test
    void refusalsShowTheListAgainWithWhyAndChangeNothing() {
        api.post("/api/products", product("CUP", "3.00", 2, 0));
        String id = hold("cart-1", "CUP", 1);
        api.delete("/api/reservations/" + id);

        Api.Response commit = forms.post("/reservations/" + id + "/commit", List.of());
        assertThat(commit.status()).isEqualTo(409);
        assertThat(commit.text()).contains("is released, not active");

        Api.Response short_ = forms.post("/reservations", List.of(field("sku", "CUP"), field("quantity", "3")));
        assertThat(short_.status()).isEqualTo(409);
        assertThat(short_.text()).contains("Not enough stock");

        Api.Response badMinutes = forms.post(
                "/reservations", List.of(field("sku", "CUP"), field("quantity", "1"), field("minutes", "0")));
        assertThat(badMinutes.status()).isEqualTo(400);
        assertThat(badMinutes.text()).contains("minutes: must be from 1 to 10080");

        Api.Response unknown = forms.post("/reservations/nope/release", List.of());
        assertThat(unknown.status()).isEqualTo(404);

        var cup = api.get("/api/products/CUP").json();
        assertThat(cup.get("reserved").asLong()).isZero();
        assertThat(cup.get("stock").asLong()).isEqualTo(2);
        assertThat(api.get("/api/purchases").json().get("items")).isEmpty();
    }
}

package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.web.Forms.field;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/** The product page's "Adjust stock" form, posted as a browser without JavaScript posts it. */
class StockAdjustmentPageTests extends ApiTestSupport {

    private Forms forms;

    @BeforeEach
    void forms() {
        forms = new Forms(port);
    }

    @Test
    void aStocktakeSetsTheCountedStockAndShowsInTheLedgerWithItsReasonAndNote() {
        api.post("/api/products", product("CUP", "3.00", 10, 2));

        Api.Response counted = forms.post(
                "/products/CUP/adjustments",
                List.of(
                        field("kind", "count"),
                        field("amount", "7"),
                        field("reason", "COUNT"),
                        field("adjustNote", "November count")));

        assertThat(counted.status()).isEqualTo(302);
        assertThat(counted.header("Location")).endsWith("/products/CUP?adjusted=-3&stock=7");
        assertThat(api.get("/api/products/CUP").json().get("stock").asLong()).isEqualTo(7);
        String page = api.get("/products/CUP?adjusted=-3&stock=7").text();
        assertThat(page)
                .contains("Stock adjusted by -3; it is now 7.")
                .contains("ADJUSTMENT (COUNT)")
                .contains("November count");
    }

    @Test
    void aCountEnteredInTheProductListIsAStocktakeInTheLedger() {
        api.post("/api/products", product("CUP", "3.00", 10, 2));
        assertThat(api.get("/products").text()).contains("id=\"count-CUP\"");

        Api.Response counted = forms.post("/products/CUP/count", List.of(field("counted", "8")));

        assertThat(counted.status()).isEqualTo(302);
        assertThat(counted.header("Location")).endsWith("/products?counted=CUP");
        assertThat(api.get("/api/products/CUP").json().get("stock").asLong()).isEqualTo(8);
        assertThat(api.get("/products/CUP").text())
                .contains("ADJUSTMENT (COUNT)")
                .contains("Counted in the product list");
    }

    @Test
    void aCountThatIsNotAWholeNumberChangesNothing() {
        api.post("/api/products", product("CUP", "3.00", 10, 2));

        Api.Response refused = forms.post("/products/CUP/count", List.of(field("counted", "eight")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(api.get("/api/products/CUP").json().get("stock").asLong()).isEqualTo(10);
    }

    @Test
    void aCountBelowTheHeldUnitsIsRefusedWithTheRefusalsOwnStatus() {
        api.post("/api/products", product("CUP", "3.00", 10, 2));
        assertThat(api.post(
                                "/api/reservations",
                                "{\"reference\":\"cart-1\",\"lines\":[{\"sku\":\"CUP\",\"quantity\":5}]}")
                        .status())
                .isEqualTo(201);

        Api.Response refused = forms.post("/products/CUP/count", List.of(field("counted", "3")));

        assertThat(refused.status())
                .as("insufficient-stock is a 409, as in the API")
                .isEqualTo(409);
        assertThat(forms.post("/products/NOPE/count", List.of(field("counted", "3")))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/products/CUP").json().get("stock").asLong()).isEqualTo(10);
    }

    @Test
    void aViewerSeesTheLedgerButNoFormToChangeStock() {
        api.post("/api/products", product("CUP", "3.00", 10, 2));

        String page = as("reader", "VIEWER").get("/products/CUP").text();

        assertThat(page)
                .contains("id=\"ledger\"")
                .doesNotContain("id=\"adjust-form\"")
                .doesNotContain("/receipts")
                .doesNotContain("href=\"/settings\"");
        assertThat(as("clerk", "STAFF").get("/products/CUP").text())
                .contains("id=\"adjust-form\"")
                .contains("/receipts");
    }

    @Test
    void aSignedChangeWithAReasonTakesUnitsAway() {
        api.post("/api/products", product("CUP", "3.00", 10, 2));

        Api.Response damaged = forms.post(
                "/products/CUP/adjustments",
                List.of(
                        field("kind", "delta"),
                        field("amount", "-2"),
                        field("reason", "DAMAGED"),
                        field("adjustNote", "")));

        assertThat(damaged.status()).isEqualTo(302);
        assertThat(api.get("/api/products/CUP").json().get("stock").asLong()).isEqualTo(8);
        assertThat(api.get("/api/products/CUP/movements")
                        .json()
                        .get("items")
                        .get(0)
                        .get("reason")
                        .asString())
                .isEqualTo("DAMAGED");
    }

    @Test
    void aCountThatMatchesTheStockIsRecordedAndSaidSo() {
        api.post("/api/products", product("CUP", "3.00", 10, 2));

        Api.Response counted = forms.post(
                "/products/CUP/adjustments",
                List.of(
                        field("kind", "count"),
                        field("amount", "10"),
                        field("reason", "COUNT"),
                        field("adjustNote", "")));

        assertThat(counted.header("Location")).endsWith("?adjusted=0&stock=10");
        assertThat(api.get("/products/CUP?adjusted=0&stock=10").text()).contains("the shelf matches the stock of 10");
    }

    @Test
    void takingAwayMoreThanIsInStockIsRefusedOnThePageAndChangesNothing() {
        api.post("/api/products", product("CUP", "3.00", 2, 1));

        Api.Response refused = forms.post(
                "/products/CUP/adjustments",
                List.of(
                        field("kind", "delta"),
                        field("amount", "-5"),
                        field("reason", "LOST"),
                        field("adjustNote", "")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text())
                .contains("id=\"adjust-problem\"")
                .contains("Stock cannot go below zero: 2 in stock, 5 to take away. Nothing was changed.")
                .contains("value=\"-5\"")
                .contains("<option value=\"LOST\" selected=\"selected\">");
        assertThat(api.get("/api/products/CUP").json().get("stock").asLong()).isEqualTo(2);
        assertThat(api.get("/api/products/CUP/movements?type=ADJUSTMENT")
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aQuantityThatIsNotANumberAndAMissingReasonAreRefusedBesideTheirFields() {
        api.post("/api/products", product("CUP", "3.00", 2, 1));

        Api.Response refused = forms.post(
                "/products/CUP/adjustments",
                List.of(field("kind", "delta"), field("amount", "two"), field("reason", ""), field("adjustNote", "")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text())
                .contains("id=\"amount-error\"")
                .contains("Quantity must be a whole number")
                .contains("id=\"reason-error\"")
                .contains("Reason must be chosen")
                .doesNotContain("id=\"quantity-error\"")
                .doesNotContain("id=\"adjust-problem\"");
        assertThat(api.get("/api/products/CUP").json().get("stock").asLong()).isEqualTo(2);
    }

    @Test
    void aChangeOfZeroIsRefusedWithTheDomainsMessageBesideTheQuantity() {
        api.post("/api/products", product("CUP", "3.00", 2, 1));

        Api.Response refused = forms.post(
                "/products/CUP/adjustments",
                List.of(
                        field("kind", "delta"),
                        field("amount", "0"),
                        field("reason", "FOUND"),
                        field("adjustNote", "")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text())
                .contains("id=\"amount-error\"")
                .contains("Quantity must be a whole number from -1000000 to 1000000, not 0");
    }
}

package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.web.Forms.field;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

class ReceiptPagesTests extends ApiTestSupport {

    private Forms forms;

    @BeforeEach
    void forms() {
        forms = new Forms(port);
    }

    @Test
    void itemsTakenBackFromAReceiptGoBackIntoStockAndTheRefundIsShown() {
        api.post("/api/products", product("MUG", "4.00", 10, 2));
        api.post("/api/products", product("CAP", "9.00", 10, 2));
        String id = sale("{\"lines\":[{\"sku\":\"MUG\",\"quantity\":3},{\"sku\":\"CAP\",\"quantity\":1}]}");

        Api.Response taken = forms.post(
                "/sales/" + id + "/returns",
                List.of(
                        field("sku", "CAP"),
                        field("quantity", ""),
                        field("sku", "MUG"),
                        field("quantity", "2"),
                        field("note", "Chipped")));

        assertThat(taken.status()).isEqualTo(302);
        assertThat(taken.header("Location")).endsWith("/sales/" + id + "?returned=2");
        assertThat(stockOf("MUG")).isEqualTo(9);
        assertThat(stockOf("CAP")).isEqualTo(9);
        assertThat(api.get("/sales/" + id).text())
                .contains("id=\"returns\"")
                .contains("2 × MUG")
                .contains("USD 8.00")
                .contains("(Chipped)");
    }

    @Test
    void takingBackMoreThanWasSoldIsRefusedOnTheReceiptAndChangesNothing() {
        api.post("/api/products", product("MUG", "4.00", 10, 2));
        String id = sale("{\"lines\":[{\"sku\":\"MUG\",\"quantity\":3}]}");

        Api.Response refused =
                forms.post("/sales/" + id + "/returns", List.of(field("sku", "MUG"), field("quantity", "5")));

        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.text()).contains("id=\"return-problem\"").contains("value=\"5\"");
        assertThat(stockOf("MUG")).isEqualTo(7);
        assertThat(api.get("/sales/" + id).text()).doesNotContain("id=\"returns\"");
    }

    @Test
    void theSalesListFindsSalesByProductAndDates() {
        api.post("/api/products", product("MUG", "4.00", 10, 2));
        api.post("/api/products", product("CAP", "9.00", 10, 2));
        sale("{\"lines\":[{\"sku\":\"MUG\",\"quantity\":1}]}");
        sale("{\"lines\":[{\"sku\":\"CAP\",\"quantity\":2}]}");

        assertThat(api.get("/sales?sku=MUG").text()).contains("1 × MUG").doesNotContain("2 × CAP");
        assertThat(api.get("/sales?from=2001-01-01&to=2001-01-31").text())
                .contains("No sales match")
                .doesNotContain("× MUG");
        Api.Response backwards = api.get("/sales?from=2001-02-01&to=2001-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text()).contains("the wrong way round");
    }

    private String sale(String body) {
        Api.Response made = api.post("/api/purchases", body);
        assertThat(made.status()).isEqualTo(201);
        return made.json().get("id").asString();
    }

    private long stockOf(String sku) {
        return api.get("/api/products/" + sku).json().get("stock").asLong();
    }
}

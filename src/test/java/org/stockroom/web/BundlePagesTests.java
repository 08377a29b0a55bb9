package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

/** The product pages of a bundle: added through the form, its components on its page, marked in the list. */
class BundlePagesTests extends ApiTestSupport {

    private JsonNode product(String sku) {
        return api.get("/api/products/" + sku).json();
    }

    private void aGiftSetOfTwoMugsAndACoaster(long mugs, long coasters, long threshold) {
        api.post("/api/products", product("MUG", "8.00", mugs, 0));
        api.post("/api/products", product("COASTER", "2.00", coasters, 0));
        Api.Response gift = api.post(
                "/api/products",
                "{\"sku\":\"GIFT\",\"name\":\"Gift set\",\"price\":15.00,\"reorderThreshold\":" + threshold
                        + ",\"components\":[{\"sku\":\"MUG\",\"quantity\":2},{\"sku\":\"COASTER\",\"quantity\":1}]}");
        assertThat(gift.status()).as(gift.text()).isEqualTo(201);
    }

    @Test
    void theProductFormAddsABundleAndThePagesShowIt() {
        aGiftSetOfTwoMugsAndACoaster(10, 3, 0);
        var forms = new Forms(port);

        Api.Response added = forms.post(
                "/products",
                List.of(
                        java.util.Map.entry("sku", "DUO"),
                        java.util.Map.entry("name", "Mug duo"),
                        java.util.Map.entry("price", "14.00"),
                        java.util.Map.entry("stock", ""),
                        java.util.Map.entry("reorderThreshold", "1"),
                        java.util.Map.entry("components", "MUG:2")));

        assertThat(added.status()).as(added.text()).isEqualTo(302);
        assertThat(product("DUO").get("stock").asLong()).isEqualTo(5);
        String page = api.get("/products/DUO").text();
        assertThat(page).contains("Bundle of").contains("href=\"/products/MUG\"");
        assertThat(api.get("/products").text()).contains("class=\"tag bundle\"");
        assertThat(api.get("/products/DUO/edit").text()).contains("id=\"components\"");

        Api.Response refused = forms.post(
                "/products",
                List.of(
                        java.util.Map.entry("sku", "BAD"),
                        java.util.Map.entry("name", "Bad"),
                        java.util.Map.entry("price", "1.00"),
                        java.util.Map.entry("stock", ""),
                        java.util.Map.entry("reorderThreshold", "1"),
                        java.util.Map.entry("components", "GIFT:1")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(api.get("/api/products/BAD").status()).isEqualTo(404);
    }
}

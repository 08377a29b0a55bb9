package org.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/**
 * A product's picture is the address of an image the shop hosts elsewhere: set, changed and
 * cleared like any optional field, and refused unless it is an http or https address, since the
 * pages put it in an image's source.
 */
class ProductImageTests extends ApiTestSupport {

    private static final List<String> NOT_PICTURES = List.of(
            "javascript:alert(1)",
            "data:image/png;base64,iVBORw0KGgo=",
            "ftp://files.example.com/tee.png",
            "/images/tee.png",
            "https://exa mple.com/tee.png",
            "https:///tee.png",
            "https://cdn.example.com/" + "a".repeat(2040) + ".png");

    @Test
    void aPictureIsSetChangedAndCleared() {
        Api.Response created = api.post("/api/products", withPicture("TEE", "  https://cdn.example.com/tee.jpg "));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("imageUrl").asString()).isEqualTo("https://cdn.example.com/tee.jpg");
        assertThat(api.get("/api/products/TEE").json().get("imageUrl").asString())
                .isEqualTo("https://cdn.example.com/tee.jpg");

        Api.Response changed = api.patch("/api/products/TEE", "{\"imageUrl\":\"http://shop.example/tee-2.jpg?v=3\"}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("imageUrl").asString()).isEqualTo("http://shop.example/tee-2.jpg?v=3");

        Api.Response renamed = api.patch("/api/products/TEE", "{\"name\":\"Organic tee\"}");
        assertThat(renamed.json().get("imageUrl").asString())
                .as("a change of another field keeps the picture")
                .isEqualTo("http://shop.example/tee-2.jpg?v=3");

        Api.Response cleared = api.patch("/api/products/TEE", "{\"imageUrl\":null}");
        assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
        assertThat(cleared.json().get("imageUrl").isNull()).isTrue();
        assertThat(api.get("/api/products")
                        .json()
                        .get("items")
                        .get(0)
                        .get("imageUrl")
                        .isNull())
                .isTrue();
    }

    @Test
    void anAddressThatIsNotAWebPictureIsRefusedAndChangesNothing() {
        api.post("/api/products", withPicture("KEPT", "https://cdn.example.com/kept.jpg"));

        for (String notAPicture : NOT_PICTURES) {
            Api.Response added = api.post("/api/products", withPicture("NEW-1", notAPicture));
            assertThat(added.status()).as(notAPicture + ": " + added.text()).isEqualTo(400);
            assertThat(added.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("imageUrl");
            assertThat(api.get("/api/products/NEW-1").status()).isEqualTo(404);

            Api.Response patched =
                    api.patch("/api/products/KEPT", "{\"imageUrl\":\"" + notAPicture + "\",\"name\":\"Renamed\"}");
            assertThat(patched.status()).as(notAPicture + ": " + patched.text()).isEqualTo(400);
        }
        var kept = api.get("/api/products/KEPT").json();
        assertThat(kept.get("imageUrl").asString()).isEqualTo("https://cdn.example.com/kept.jpg");
        assertThat(kept.get("name").asString()).isEqualTo("KEPT product");
    }

    @Test
    void theProductListAndPageShowThePictureAndNothingForAProductWithout() {
        api.post("/api/products", withPicture("TEE", "https://cdn.example.com/tee.jpg?size=small&v=2"));
        api.post("/api/products", product("MUG", "5.00", 3, 1));

        String list = api.get("/products").text();
        assertThat(list)
                .contains("<img class=\"thumb\" src=\"https://cdn.example.com/tee.jpg?size=small&amp;v=2\"")
                .containsOnlyOnce("class=\"thumb\"");
        assertThat(api.get("/products/TEE").text())
                .contains("id=\"product-image\"")
                .contains("alt=\"Picture of TEE product\"");
        assertThat(api.get("/products/MUG").text()).doesNotContain("product-image");
    }

    private static String withPicture(String sku, String imageUrl) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + sku + " product\",\"price\":20.00,\"stock\":5,"
                + "\"reorderThreshold\":1,\"imageUrl\":\"" + imageUrl + "\"}";
    }
}

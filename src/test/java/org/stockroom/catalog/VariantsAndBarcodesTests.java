package org.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

class VariantsAndBarcodesTests extends ApiTestSupport {

    @Test
    void variantsCarryTheirGroupAndOptionsInOrderAndListByGroup() {
        Api.Response created = api.post(
                "/api/products",
                "{\"sku\":\"TEE-M-RED\",\"name\":\"Tee - M / Red\",\"price\":20,\"stock\":3,\"reorderThreshold\":1,"
                        + "\"group\":\"tee\",\"options\":{\"Size\":\"M\",\"Color\":\"Red\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        api.post(
                "/api/products",
                "{\"sku\":\"TEE-L-RED\",\"name\":\"Tee - L / Red\",\"price\":20,\"stock\":3,\"reorderThreshold\":1,"
                        + "\"group\":\"tee\",\"options\":{\"Size\":\"L\",\"Color\":\"Red\"}}");
        api.post("/api/products", product("MUG", "5.00", 3, 1));

        assertThat(created.json().get("options").toString()).isEqualTo("{\"Size\":\"M\",\"Color\":\"Red\"}");
        assertThat(skus(api.get("/api/products?group=tee").json())).containsExactly("TEE-L-RED", "TEE-M-RED");
        assertThat(api.get("/api/products/MUG").json().get("group").isNull()).isTrue();

        Api.Response patched = api.patch(
                "/api/products/TEE-L-RED", "{\"options\":{\"Size\":\"XL\",\"Color\":\"Red\"},\"group\":\"tee-2\"}");

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.json().get("options").toString()).isEqualTo("{\"Size\":\"XL\",\"Color\":\"Red\"}");
        assertThat(skus(api.get("/api/products?group=tee").json())).containsExactly("TEE-M-RED");
        assertThat(skus(api.get("/api/products?q=tee-2").json())).containsExactly("TEE-L-RED");
    }

    @Test
    void badOptionsAreRefusedFieldByField() {
        Api.Response response = api.post(
                "/api/products",
                "{\"sku\":\"T\",\"name\":\"T\",\"price\":1,\"stock\":1,\"reorderThreshold\":0,\"options\":{\"Size\":\" \"}}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("options.Size");

        api.post("/api/products", product("T", "1.00", 1, 0));
        Api.Response patch = api.patch("/api/products/T", "{\"options\":{\"Size\":3}}");
        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.json().get("errors").get(0).get("field").asString()).isEqualTo("options.Size");
    }

    @Test
    void aProductIsFoundByItsExactBarcode() {
        api.post("/api/products", withBarcode("MUG", "4006381333931"));
        api.post("/api/products", withBarcode("CUP", "4006381333"));

        JsonNode found = api.get("/api/products/by-barcode/4006381333931").json();
        assertThat(found.get("sku").asString()).isEqualTo("MUG");
        Api.Response missing = api.get("/api/products/by-barcode/400638133393");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("unknown-barcode");
        assertThat(skus(api.get("/api/products?q=4006381333931").json())).containsExactly("MUG");
        assertThat(skus(api.get("/api/products?q=4006381333").json()))
                .as("a barcode matches whole, not as the start of a longer one")
                .containsExactly("CUP");
    }

    @Test
    void aWrongEanOrUpcCheckDigitIsAWarningAndOtherCodesAreAccepted() {
        Api.Response wrongEan = api.post("/api/products", withBarcode("E-1", "4006381333932"));
        Api.Response rightUpc = api.post("/api/products", withBarcode("U-1", "012345678905"));
        Api.Response wrongUpc = api.post("/api/products", withBarcode("U-2", "012345678900"));
        Api.Response code128 = api.post("/api/products", withBarcode("C-1", "SHELF-A7/0042"));

        assertThat(List.of(wrongEan.status(), rightUpc.status(), wrongUpc.status(), code128.status()))
                .containsOnly(201);
        assertThat(wrongEan.json().get("barcodeWarning").asString())
                .isEqualTo("barcode 4006381333932 looks like an EAN-13 but its check digit should be 1");
        assertThat(wrongUpc.json().get("barcodeWarning").asString())
                .contains("UPC-A")
                .contains("should be 5");
        assertThat(rightUpc.json().has("barcodeWarning")).isFalse();
        assertThat(code128.json().has("barcodeWarning")).isFalse();
        assertThat(api.get("/api/products/E-1").json().get("barcodeWarning").asString())
                .contains("check digit");
    }

    private static String withBarcode(String sku, String barcode) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + sku
                + " product\",\"price\":1,\"stock\":1,\"reorderThreshold\":0," + "\"barcode\":\"" + barcode + "\"}";
    }

    static List<String> skus(JsonNode page) {
        List<String> skus = new ArrayList<>();
        page.get("items").forEach(p -> skus.add(p.get("sku").asString()));
        return skus;
    }
}

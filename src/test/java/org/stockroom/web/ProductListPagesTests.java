package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.web.Forms.field;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/**
 * The product list without a browser: the bulk edit's form (ticked products or the whole filter,
 * all or nothing, audited), the variant groups folded in the table, and the sale form's scan field
 * when no script takes its Enter.
 */
class ProductListPagesTests extends ApiTestSupport {

    private Forms forms;

    @BeforeEach
    void forms() {
        forms = new Forms(port);
    }

    @Test
    void theTickedProductsChangeTogetherAndTheEditIsAudited() {
        api.post("/api/products", product("PEN", "2.00", 50, 5));
        api.post("/api/products", product("INK", "6.00", 10, 1));
        api.post("/api/products", product("PAD", "3.00", 10, 1));

        Api.Response edited = forms.post(
                "/products/bulk/edit",
                List.of(
                        field("scope", "selected"),
                        field("sku", "PEN"),
                        field("sku", "INK"),
                        field("reorderThreshold", "9"),
                        field("leadTimeDays", "4"),
                        field("supplier", "Acme"),
                        field("pricePercent", "10")));

        assertThat(edited.status()).as(edited.text()).isEqualTo(302);
        assertThat(edited.header("Location")).contains("bulkEdited=2");
        Api.Response pen = api.get("/api/products/PEN");
        assertThat(pen.json().get("reorderThreshold").asLong()).isEqualTo(9);
        assertThat(pen.json().get("leadTimeDays").asLong()).isEqualTo(4);
        assertThat(pen.json().get("supplier").asString()).isEqualTo("Acme");
        assertThat(pen.json().get("price").decimalValue()).isEqualByComparingTo("2.20");
        assertThat(api.get("/api/products/INK").json().get("price").decimalValue())
                .isEqualByComparingTo("6.60");
        assertThat(api.get("/api/products/PAD").json().get("reorderThreshold").asLong())
                .as("an unticked product is left alone")
                .isEqualTo(1);
        assertThat(api.get("/api/audit").text()).contains("products.bulk-edited");
    }

    @Test
    void everyProductMatchingTheFilterCanBeArchivedAtOnce() {
        api.post("/api/products", product("TEE-S", "20.00", 5, 1));
        api.post("/api/products", product("TEE-M", "20.00", 5, 1));
        api.post("/api/products", product("PEN", "2.00", 50, 5));

        Api.Response edited = forms.post(
                "/products/bulk/edit", List.of(field("scope", "filter"), field("q", "tee"), field("archive", "true")));

        assertThat(edited.status()).as(edited.text()).isEqualTo(302);
        assertThat(edited.header("Location")).contains("q=tee").contains("bulkEdited=2");
        assertThat(api.get("/api/products/TEE-S").json().get("archived").asBoolean())
                .isTrue();
        assertThat(api.get("/api/products/TEE-M").json().get("archived").asBoolean())
                .isTrue();
        assertThat(api.get("/api/products/PEN").json().get("archived").asBoolean())
                .isFalse();
    }

    @Test
    void aRefusedBulkEditChangesNothingAndComesBackWithItsMessagesAndTicks() {
        api.post("/api/products", product("PEN", "2.00", 50, 5));
        api.post("/api/products", product("INK", "6.00", 10, 1));

        Api.Response refused = forms.post(
                "/products/bulk/edit",
                List.of(
                        field("scope", "selected"),
                        field("sku", "PEN"),
                        field("sku", "INK"),
                        field("reorderThreshold", "3"),
                        field("reorderQuantity", "0")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text())
                .contains("Nothing was changed.")
                .contains("id=\"bulk-reorderQuantity-error\"")
                .containsPattern("id=\"pick-PEN\"[^>]*checked");
        assertThat(api.get("/api/products/PEN").json().get("reorderThreshold").asLong())
                .isEqualTo(5);

        Api.Response nothingTicked =
                forms.post("/products/bulk/edit", List.of(field("scope", "selected"), field("reorderThreshold", "3")));
        assertThat(nothingTicked.status()).isEqualTo(400);
        assertThat(nothingTicked.text()).contains("none ticked");
    }

    @Test
    void aVariantGroupFoldsIntoOneRowWithItsVariantsBeneath() {
        api.post("/api/products", variant("TEE-M", "organic-tee", "M"));
        api.post("/api/products", variant("TEE-S", "organic-tee", "S"));
        api.post("/api/products", product("PEN", "2.00", 50, 5));

        String page = api.get("/products").text();

        assertThat(page).contains("class=\"group-row\"").contains("2 variants").contains("Size: S");
        assertThat(page.indexOf("class=\"group-row\""))
                .as("the group row stands above its variants")
                .isLessThan(page.indexOf("id=\"row-TEE-M\""));
        assertThat(api.get("/products?group=organic-tee").text())
                .contains("id=\"row-TEE-S\"")
                .doesNotContain("id=\"row-PEN\"");
    }

    @Test
    void aFoldedGroupShowsThePictureOfItsFirstVariantThatHasOne() {
        api.post("/api/products", variant("TEE-M", "organic-tee", "M"));
        api.post(
                "/api/products",
                variant("TEE-S", "organic-tee", "S")
                        .replace("}}", "},\"imageUrl\":\"https://cdn.example.com/tee-s.jpg\"}"));
        api.post("/api/products", variant("CAP-M", "cap", "M"));
        api.post("/api/products", variant("CAP-L", "cap", "L"));

        String page = api.get("/products").text();

        String teeRow = groupRow(page, "organic-tee");
        assertThat(teeRow).contains("<img class=\"thumb\" src=\"https://cdn.example.com/tee-s.jpg\"");
        assertThat(groupRow(page, "cap")).as("no variant of cap has a picture").doesNotContain("<img");
    }

    private static String groupRow(String page, String group) {
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                        "<tr class=\"group-row\"[^>]*data-group=\"" + group + "\">.*?</tr>",
                        java.util.regex.Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).as("a folded row for " + group).isTrue();
        return row.group();
    }

    @Test
    void withoutScriptsTheSaleFormsScanFieldAddsTheProductInsteadOfRecordingTheSale() {
        api.post(
                "/api/products",
                "{\"sku\":\"PEN\",\"name\":\"Pen\",\"price\":2.00,\"stock\":50,\"reorderThreshold\":5,"
                        + "\"barcode\":\"4006381333931\"}");

        // A browser without JavaScript sends the form's first button, "Record sale", on Enter.
        Api.Response scanned = forms.post(
                "/sales",
                List.of(
                        field("action", "record"),
                        field("sku", "PEN"),
                        field("quantity", "1"),
                        field("scan", "4006381333931")));

        assertThat(scanned.status()).isEqualTo(200);
        assertThat(scanned.text()).contains("Added Pen (PEN).").containsPattern("id=\"quantity-0\"[^>]*value=\"2\"");
        assertThat(api.get("/api/products/PEN").json().get("stock").asLong()).isEqualTo(50);
    }

    private static String variant(String sku, String group, String size) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"Organic tee " + size + "\",\"price\":20.00,\"stock\":4,"
                + "\"reorderThreshold\":1,\"group\":\"" + group + "\",\"options\":{\"Size\":\"" + size + "\"}}";
    }
}

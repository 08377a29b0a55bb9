package org.stockroom.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.stockroom.settings.Settings;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * The store-wide defaults fill what a file does not give, and the preview says so: the defaults
 * saved in the settings, else the configuration's.
 */
@TestPropertySource(
        properties = {"stockroom.catalog.default-reorder-threshold=3", "stockroom.catalog.default-reorder-quantity=12"})
class ImportDefaultsTests extends ApiTestSupport {

    @Autowired
    Settings settings;

    @Test
    void newProductsWithoutAThresholdGetTheStoreDefaultsAndThePreviewNamesThem() {
        String file =
                "sku,name,price,stock,reorderThreshold\nA-1,Apple,1.00,10,\nB-2,Banana,1.00,2,5\nC-3,Cherry,1.00,2,\n";

        Api.Response preview = upload("/api/imports?dryRun=true", file);

        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        JsonNode defaults = preview.json().get("defaultsApplied");
        assertThat(defaults.get("reorderThreshold").asLong()).isEqualTo(3);
        assertThat(defaults.get("reorderQuantity").asLong()).isEqualTo(12);
        assertThat(defaults.get("skus").toString()).isEqualTo("[\"A-1\",\"C-3\"]");

        assertThat(upload("/api/imports", file).status()).isEqualTo(201);
        JsonNode apple = api.get("/api/products/A-1").json();
        assertThat(apple.get("reorderThreshold").asLong()).isEqualTo(3);
        assertThat(apple.get("reorderQuantity").asLong()).isEqualTo(12);
        assertThat(api.get("/api/products/B-2").json().get("reorderQuantity").isNull())
                .as("a row that gives its threshold gets no defaults")
                .isTrue();
        assertThat(api.get("/api/alerts").json().toString()).contains("\"C-3\"").doesNotContain("\"A-1\"");
    }

    @Test
    void theDefaultsSavedInTheSettingsWinOverTheConfiguration() {
        settings.update(new Settings.Change(null, null, null, "7", null));
        try {
            Api.Response preview = upload("/api/imports?dryRun=true", "sku,name,price\nD-4,Date,1.00\n");

            JsonNode defaults = preview.json().get("defaultsApplied");
            assertThat(defaults.get("reorderThreshold").asLong()).isEqualTo(7);
            assertThat(defaults.get("reorderQuantity").asLong())
                    .as("a default the settings leave empty falls back to the configuration")
                    .isEqualTo(12);

            settings.update(new Settings.Change(null, null, null, "7", "40"));
            assertThat(upload("/api/imports", "sku,name,price\nD-4,Date,1.00\n").status())
                    .isEqualTo(201);
            JsonNode date = api.get("/api/products/D-4").json();
            assertThat(date.get("reorderThreshold").asLong()).isEqualTo(7);
            assertThat(date.get("reorderQuantity").asLong()).isEqualTo(40);
        } finally {
            settings.update(new Settings.Change(null, null, null, null, null));
        }
    }

    @Test
    void updatesKeepTheirThreshold() {
        api.post("/api/products", product("A-1", "1.00", 5, 1));

        Api.Response response = upload("/api/imports", "sku,name,price\nA-1,Apple,2.00\n");

        assertThat(response.json().has("defaultsApplied")).isFalse();
        assertThat(api.get("/api/products/A-1").json().get("reorderThreshold").asLong())
                .isEqualTo(1);
    }

    private Api.Response upload(String path, String csv) {
        return api.uploadCsv(path, csv);
    }
}

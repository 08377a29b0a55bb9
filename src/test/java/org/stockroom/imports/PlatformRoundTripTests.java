package org.stockroom.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * A catalog imported from Shopify or WooCommerce and exported in the platform's format names the
 * same variants the platform has (handle or parent, option values, SKU), and imports back into
 * Stockroom without a change.
 */
class PlatformRoundTripTests extends ApiTestSupport {

    @Test
    void aShopifyCatalogExportsAsTheSameVariantsAndImportsBackUnchanged() throws Exception {
        String original = ImportApiTests.resource("shopify-products.csv");
        Api.Response imported = upload("/api/imports", original);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.json().get("created").toString())
                .isEqualTo("[\"TEE-S-RED\",\"TEE-M-RED\",\"TEE-M-SAGE\",\"MUG-SAGE\"]");
        JsonNode sage = api.get("/api/products/TEE-M-SAGE").json();
        assertThat(sage.get("name").asString()).isEqualTo("Organic Tee - M / Sage");
        assertThat(sage.get("supplier").asString()).isEqualTo("Sage & Co");
        assertThat(sage.get("group").asString()).isEqualTo("organic-tee");
        assertThat(sage.get("options").toString()).isEqualTo("{\"Size\":\"M\",\"Color\":\"Sage\"}");
        assertThat(sage.get("imageUrl").asString())
                .as("a variant without an image of its own shows its product's first")
                .isEqualTo("https://cdn.shopify.com/s/files/tee-red.jpg");
        assertThat(api.get("/api/products/MUG-SAGE").json().get("imageUrl").asString())
                .isEqualTo("https://cdn.shopify.com/s/files/mug.jpg");

        Api.Response export = api.get("/api/exports/products?format=shopify");

        assertThat(export.status()).isEqualTo(200);
        assertThat(variants(export.text(), "Handle", "Option1 Value", "Option2 Value", "Variant SKU"))
                .isEqualTo(variants(original, "Handle", "Option1 Value", "Option2 Value", "Variant SKU"));
        List<CSVRecord> rows = records(export.text());
        assertThat(rows.get(0).get("Title")).isEqualTo("Organic Tee");
        assertThat(rows.get(0).get("Vendor")).isEqualTo("Sage & Co");
        assertThat(rows.get(0).get("Option1 Name")).isEqualTo("Size");
        assertThat(rows.get(0).get("Option2 Name")).isEqualTo("Color");
        assertThat(rows.get(1).get("Title"))
                .as("Shopify reads a handle's title from its first row")
                .isEmpty();
        CSVRecord mug = rows.get(3);
        assertThat(mug.get("Option1 Name")).isEqualTo("Title");
        assertThat(mug.get("Option1 Value")).isEqualTo("Default Title");
        assertThat(mug.get("Variant Barcode")).isEqualTo("4006381333931");
        assertThat(mug.get("Variant Inventory Qty")).isEqualTo("40");

        Api.Response again = upload("/api/imports", export.text());

        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(again.json().get("created").size()).isZero();
        assertThat(again.json().get("updated").size()).as(again.text()).isZero();
        assertThat(again.json().get("unchanged").asLong()).isEqualTo(4);
    }

    @Test
    void wooCommercesSampleCatalogExportsAsTheSameVariationsAndImportsBackUnchanged() throws Exception {
        String original = ImportApiTests.resource("woocommerce-sample_products.csv");
        assertThat(upload("/api/imports", original).status()).isEqualTo(201);

        Api.Response export = api.get("/api/exports/products?format=woocommerce");

        assertThat(export.status()).isEqualTo(200);
        List<CSVRecord> rows = records(export.text());
        assertThat(variations(rows)).isEqualTo(variations(records(original)));
        assertThat(rows.stream().map(r -> r.get("Type")).distinct())
                .as("the variable parents exist in WooCommerce already")
                .containsExactlyInAnyOrder("simple", "variation");
        CSVRecord belt = rows.stream()
                .filter(r -> r.get("SKU").equals("woo-belt"))
                .findFirst()
                .orElseThrow();
        assertThat(belt.get("In stock?")).isEqualTo("1");
        assertThat(api.get("/api/products/woo-vneck-tee-green")
                        .json()
                        .get("imageUrl")
                        .asString())
                .as("a variation's first image")
                .isEqualTo(
                        "https://woocommercecore.mystagingwebsite.com/wp-content/uploads/2017/12/vnech-tee-green-1.jpg");

        assertThat(belt.get("Stock"))
                .as("not tracked in WooCommerce, so not tracked on the way back")
                .isEmpty();

        Api.Response again = upload("/api/imports", export.text());

        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(again.json().get("created").size()).isZero();
        assertThat(again.json().get("updated").size()).as(again.text()).isZero();
        assertThat(again.json().get("unchanged").asLong()).isEqualTo(21);
    }

    /** Each variation as WooCommerce identifies it: SKU, parent, and its attribute values. */
    private static Map<String, String> variations(List<CSVRecord> rows) {
        Map<String, String> variations = new java.util.TreeMap<>();
        for (CSVRecord row : rows) {
            if (row.get("Type").equals("variation")) {
                StringBuilder key = new StringBuilder(row.get("Parent"));
                for (int i = 1; row.isMapped("Attribute " + i + " name"); i++) {
                    String value = row.get("Attribute " + i + " value(s)");
                    if (!value.isEmpty()) {
                        key.append(' ')
                                .append(row.get("Attribute " + i + " name"))
                                .append('=')
                                .append(value);
                    }
                }
                variations.put(row.get("SKU"), key.toString());
            }
        }
        return variations;
    }

    private static List<List<String>> variants(String csv, String... columns) {
        return records(csv).stream()
                .filter(r -> !r.get("Variant SKU").isEmpty())
                .map(r -> java.util.Arrays.stream(columns).map(r::get).toList())
                .sorted(java.util.Comparator.comparing(Object::toString))
                .toList();
    }

    private static List<CSVRecord> records(String csv) {
        try {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(csv))
                    .getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Api.Response upload(String path, String csv) {
        return api.uploadCsv(path, csv);
    }
}

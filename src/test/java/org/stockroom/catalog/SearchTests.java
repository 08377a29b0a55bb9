package org.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.catalog.VariantsAndBarcodesTests.skus;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.ApiTestSupport;

class SearchTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndexBackfill backfill;

    @Test
    void everyWordMustMatchTheStartOfAWordOfSkuNameSupplierOrGroup() {
        add("MUG-SAGE", "Stoneware mug", "Potters Guild", "mugs", "Color", "Sage");
        add("MUG-RED", "Stoneware mug", "Potters Guild", "mugs", "Color", "Red");
        add("TEE-SAGE", "Organic tee", "Sage & Co", "tees", "Size", "M");
        add("SAUCER", "Sage saucer", null, null, null, null);

        assertThat(skus(api.get("/api/products?q=mug%20sage").json()))
                .as("mug in the name, sage in the SKU")
                .containsExactly("MUG-SAGE");
        assertThat(skus(api.get("/api/products?q=sage").json())).containsExactly("MUG-SAGE", "SAUCER", "TEE-SAGE");
        assertThat(skus(api.get("/api/products?q=SAG%20co").json()))
                .as("supplier words, any case, as prefixes")
                .containsExactly("TEE-SAGE");
        assertThat(skus(api.get("/api/products?q=tees").json())).as("the group").containsExactly("TEE-SAGE");
        assertThat(skus(api.get("/api/products?q=potters%20red").json())).containsExactly("MUG-RED");
        assertThat(skus(api.get("/api/products?q=mug%20blue").json())).isEmpty();
        assertThat(api.get("/api/products?q=mug%20sage").json().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void renamingAProductOrChangingItsSupplierChangesWhatFindsIt() {
        add("P-1", "Blue bowl", "Acme", null, null, null);

        api.patch("/api/products/P-1", "{\"name\":\"Green plate\",\"supplier\":\"Globex\"}");

        assertThat(skus(api.get("/api/products?q=bowl").json())).isEmpty();
        assertThat(skus(api.get("/api/products?q=acme").json())).isEmpty();
        assertThat(skus(api.get("/api/products?q=plate%20glob").json())).containsExactly("P-1");
    }

    @Test
    void aProductWithoutWordsGetsThemFromTheStartThatRunsTheMigrations() {
        add("LAMP-1", "Brass lamp", null, null, null, null);
        jdbc.sql("DELETE FROM product_word WHERE sku = 'LAMP-1'").update();
        assertThat(skus(api.get("/api/products?q=brass").json())).isEmpty();

        backfill.indexProductsCreatedBeforeTheIndex();

        assertThat(skus(api.get("/api/products?q=brass").json())).containsExactly("LAMP-1");
    }

    /**
     * The embedded engine's plan for a two-word search reads product_word's primary key by range
     * and product by key: no scan of either table. SQLite only: PostgreSQL's planner rightly
     * prefers a sequential scan of the few rows a test has, so its plan says nothing there.
     */
    @Test
    void aSearchReadsTheWordIndexNotEveryProduct() throws Exception {
        try (var connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().equals("SQLite")) {
                return;
            }
        }
        ProductQuery query = new ProductQuery("mug sage", false, false, "sku", 0, 50);
        var plan = jdbc.sql("EXPLAIN QUERY PLAN SELECT sku FROM product" + ProductRepository.where(query)
                        + " ORDER BY sku LIMIT 50")
                .params(ProductRepository.params(query))
                .query((rs, n) -> rs.getString("detail"))
                .list();

        assertThat(plan).as(String.join("\n", plan)).noneMatch(step -> step.startsWith("SCAN"));
        assertThat(plan).anyMatch(step -> step.contains("product_word") && step.contains("word>? AND word<?"));
    }

    private void add(String sku, String name, String supplier, String group, String option, String value) {
        var created = api.post(
                "/api/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"price\":1,\"stock\":5,\"reorderThreshold\":0"
                        + (supplier == null ? "" : ",\"supplier\":\"" + supplier + "\"")
                        + (group == null ? "" : ",\"group\":\"" + group + "\"")
                        + (option == null ? "" : ",\"options\":{\"" + option + "\":\"" + value + "\"}")
                        + "}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }
}

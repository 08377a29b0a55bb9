package org.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite runs on SQLite and on PostgreSQL; these expectations are written without reference to
 * either, so passing on both means both give the same answers: text sorts by code point whatever
 * the database's collation, names come back exactly as stored, and money stays exact.
 */
class SameResultsOnEveryEngineTests extends ApiTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Byte order of UTF-8, which is code point order: what SQLite and PostgreSQL's "C" collation both use. */
    private static final Comparator<String> CODE_POINTS = (a, b) -> {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    };

    private void add(String sku, String name, String price, long stock) {
        String body = JSON.writeValueAsString(Map.of(
                "sku",
                sku,
                "name",
                name,
                "price",
                new java.math.BigDecimal(price),
                "stock",
                stock,
                "reorderThreshold",
                0));
        assertThat(api.post("/api/products", body).status()).as(body).isEqualTo(201);
    }

    private List<String> listed(String field, String sort) {
        List<String> values = new ArrayList<>();
        for (JsonNode item :
                api.get("/api/products?size=500&sort=" + sort).json().get("items")) {
            values.add(item.get(field).asString());
        }
        return values;
    }

    @Test
    void skusSortInByteOrderWhateverTheDatabaseCollation() {
        List<String> skus = List.of("b-2", "B-1", "a", "A", "_x", "Z9", "0", "z.1", "a_b", "a-b", "a.b");
        skus.forEach(sku -> add(sku, "Item " + sku, "1.00", 1));

        List<String> expected = skus.stream().sorted(CODE_POINTS).toList();
        assertThat(listed("sku", "sku")).containsExactlyElementsOf(expected);
        assertThat(listed("sku", "-sku"))
                .containsExactlyElementsOf(
                        expected.stream().sorted(CODE_POINTS.reversed()).toList());
    }

    @Test
    void namesSortCaseInsensitivelyByCodePointWithSkuBreakingTies() {
        List<String> names = List.of(
                "apple",
                "Banana",
                "banana split",
                "Zebra",
                "Äpfel",
                "éclair",
                "Eclair",
                "日本茶",
                "😀 smile",
                "\uFF21 fullwidth",
                "ǅ title",
                "apple");
        for (int i = 0; i < names.size(); i++) {
            add("N-" + (char) ('A' + i), names.get(i), "1.00", 1);
        }

        List<String> byKey = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            byKey.add(names.get(i).toLowerCase(Locale.ROOT) + "\u0000" + "N-" + (char) ('A' + i));
        }
        List<String> expectedSkus = byKey.stream()
                .sorted(CODE_POINTS)
                .map(k -> k.substring(k.indexOf('\u0000') + 1))
                .toList();
        assertThat(listed("sku", "name")).containsExactlyElementsOf(expectedSkus);
    }

    @Test
    void unicodeNamesComeBackExactlyAsStoredInCanonicalForm() {
        add("U-1", "Cre\u0300me bru\u0302le\u0301e", "1.00", 1);
        add("U-2", "👩‍👩‍👧 family pack", "1.00", 1);
        add("U-3", "Ωmega 日本語 ﷽", "1.00", 1);

        assertThat(api.get("/api/products/U-1").json().get("name").asString()).isEqualTo("Crème brûlée");
        assertThat(api.get("/api/products/U-2").json().get("name").asString()).isEqualTo("👩‍👩‍👧 family pack");
        assertThat(api.get("/api/products/U-3").json().get("name").asString()).isEqualTo("Ωmega 日本語 ﷽");
        assertThat(listed("sku", "sku").size()).isEqualTo(3);
        JsonNode found = api.get("/api/products?q=CR%C3%88ME").json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("sku").asString()).isEqualTo("U-1");
    }

    @Test
    void moneyStaysExactThroughPurchasesAndSums() {
        add("M-1", "Dime", "0.10", 1000);
        add("M-2", "Big ticket", "999999999.99", 10);
        add("M-3", "Thirds", "0.33", 1000);

        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/purchases", purchase("M-1", 1)).status()).isEqualTo(201);
        }
        var big = api.post(
                "/api/purchases", "{\"lines\":[{\"sku\":\"M-2\",\"quantity\":7},{\"sku\":\"M-3\",\"quantity\":3}]}");
        assertThat(big.status()).isEqualTo(201);
        assertThat(big.json().get("total").decimalValue()).isEqualByComparingTo("7000000000.92");
        assertThat(big.text()).contains("\"total\":7000000000.92");

        JsonNode report = api.get("/api/reports/sales").json();
        assertThat(report.get("totals").get("revenue").decimalValue()).isEqualByComparingTo("7000000001.22");
        assertThat(report.get("totals").get("units").asLong()).isEqualTo(13);
        JsonNode dime = null;
        for (JsonNode p : report.get("products")) {
            if (p.get("sku").asString().equals("M-1")) {
                dime = p;
            }
        }
        assertThat(dime).isNotNull();
        assertThat(dime.get("revenue").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(api.get("/api/products/M-2").json().get("price").decimalValue())
                .isEqualByComparingTo("999999999.99");
    }
}

package org.stockroom.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.ApiTestSupport;

/** V80 turns the free-text suppliers products named before purchasing existed into supplier records, one per name. */
class SupplierMigrationTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDistinctFreeTextSupplierBecomesOneRecord() throws IOException {
        for (String[] p : new String[][] {{"A-1", "Acme"}, {"A-2", "Acme"}, {"B-1", "Bolt & Nut"}, {"C-1", null}}) {
            api.post(
                    "/api/products",
                    "{\"sku\":\"" + p[0] + "\",\"name\":\"" + p[0]
                            + "\",\"price\":1.00,\"stock\":1,\"reorderThreshold\":0"
                            + (p[1] == null ? "" : ",\"supplier\":\"" + p[1] + "\"") + "}");
        }
        // As before V80: products name suppliers, but there are no supplier records.
        jdbc.sql("DELETE FROM supplier").update();

        String script =
                new ClassPathResource("db/migration/V80__purchasing.sql").getContentAsString(StandardCharsets.UTF_8);
        String insert = Arrays.stream(script.split(";"))
                .map(String::strip)
                .map(s -> s.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b))
                .filter(s -> s.strip().startsWith("INSERT INTO supplier"))
                .findFirst()
                .orElseThrow();
        jdbc.sql(insert).update();

        assertThat(jdbc.sql("SELECT name FROM supplier ORDER BY name")
                        .query(String.class)
                        .list())
                .containsExactly("Acme", "Bolt & Nut");
    }
}

package org.stockroom.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.ApiTestSupport;

/**
 * V31 repairs the returns stored before returns of unknown cost stayed unknown: their unit cost
 * of 0 becomes unknown again where the purchase line had none, a real cost of 0 stays, and the
 * rollups are rebuilt at the next start.
 */
class ReturnsOfUnknownCostMigrationTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReturnStoredWithAZeroCostIsUnknownAgainWhereTheSaleHadNoCost() throws IOException {
        api.post("/api/products", product("NOCOST-1", "2.00", 10, 1));
        api.post(
                "/api/products",
                "{\"sku\":\"FREE-1\",\"name\":\"Free\",\"price\":2.00,\"stock\":10,\"reorderThreshold\":1,\"cost\":0}");
        String id = api.post(
                        "/api/purchases",
                        "{\"lines\":[{\"sku\":\"NOCOST-1\",\"quantity\":2},{\"sku\":\"FREE-1\",\"quantity\":2}]}")
                .json()
                .get("id")
                .asString();
        assertThat(api.post(
                                "/api/purchases/" + id + "/returns",
                                "{\"lines\":[{\"sku\":\"NOCOST-1\",\"quantity\":1},"
                                        + "{\"sku\":\"FREE-1\",\"quantity\":1}]}")
                        .status())
                .isEqualTo(201);
        jdbc.sql("UPDATE purchase_return_line SET unit_cost = 0").update();
        jdbc.sql("INSERT INTO sales_rollup_state (id, zone, built_at) VALUES (1, 'UTC', 0) ON CONFLICT (id) DO NOTHING")
                .update();

        String script = new ClassPathResource("db/migration/V31__returns_of_unknown_cost.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        String statements =
                script.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n"));
        Arrays.stream(statements.split(";"))
                .filter(sql -> !sql.isBlank())
                .forEach(sql -> jdbc.sql(sql).update());

        assertThat(jdbc.sql("SELECT sku, unit_cost FROM purchase_return_line ORDER BY sku")
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getObject(2))
                        .list())
                .containsExactly("FREE-1=0", "NOCOST-1=null");
        assertThat(jdbc.sql("SELECT zone FROM sales_rollup_state")
                        .query(String.class)
                        .single())
                .as("rebuilt at the next start")
                .isEmpty();
    }
}

package org.stockroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.ApiTestSupport;

/**
 * The Prometheus scrape shows the store's own meters, and counts what happened: purchases made
 * and refused by reason, units sold, alerts raised by level, the outbox backlog, batch sizes and
 * import rows. Counters are cumulative over the suite's shared application, so each test compares
 * a value before and after.
 */
class MetricsTests extends ApiTestSupport {

    @Test
    void purchasesUnitsRefusalsAndAlertsAreCounted() {
        api.post("/api/products", product("MET-1", "10.00", 5, 2));
        String before = scrape();

        assertThat(api.post("/api/purchases", purchase("MET-1", 3)).status()).isEqualTo(201);
        assertThat(api.post("/api/purchases", purchase("MET-1", 9)).status()).isEqualTo(409);
        assertThat(api.post("/api/purchases", purchase("NO-SUCH-SKU", 1)).status())
                .isEqualTo(422);

        String after = scrape();
        assertThat(delta(before, after, "stockroom_purchases_total", "reason=\"none\",result=\"made\""))
                .isEqualTo(1.0);
        assertThat(delta(
                        before, after, "stockroom_purchases_total", "reason=\"insufficient-stock\",result=\"refused\""))
                .isEqualTo(1.0);
        assertThat(delta(before, after, "stockroom_purchases_total", "reason=\"unknown-sku\",result=\"refused\""))
                .isEqualTo(1.0);
        assertThat(delta(before, after, "stockroom_units_sold_total", "")).isEqualTo(3.0);
        assertThat(delta(before, after, "stockroom_alerts_raised_total", "level=\"LOW\""))
                .isEqualTo(1.0);
        assertThat(value(after, "stockroom_purchases_batch_size_count", "")).isGreaterThanOrEqualTo(1.0);
        assertThat(after).contains("stockroom_outbox_backlog").contains("stockroom_outbox_oldest_age_seconds");
    }

    @Test
    void importRowsAreCounted() {
        String before = scrape();
        String csv = "sku,name,price,stock,reorder_threshold\nMET-I1,One,1.00,5,1\nMET-I2,Two,2.00,5,1\n";
        String boundary = "----stockroom-metrics";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"catalog.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n";
        var answer = api.send(
                "POST",
                "/api/imports",
                body,
                java.util.Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(delta(before, scrape(), "stockroom_imports_rows_total", "outcome=\"created\""))
                .isEqualTo(2.0);
    }

    @Test
    void onlyOwnersMayScrape() {
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(as("met-staff", "STAFF").get("/actuator/prometheus").status())
                .isEqualTo(403);
        var token = api.post("/api/tokens", "{\"name\":\"prometheus\",\"role\":\"OWNER\"}");
        assertThat(token.status()).isEqualTo(201);
        var scraped = anonymous.withToken(token.json().path("token").asString()).get("/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.text()).contains("stockroom_purchases_total");
    }

    @Test
    void infoShowsTheBuildAndTheCommit() {
        var info = api.get("/actuator/info");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().path("build").path("version").asString()).isNotBlank();
        assertThat(info.json().path("git").path("commit").path("id").asString()).isNotBlank();
    }

    private String scrape() {
        var answer = api.get("/actuator/prometheus");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.text();
    }

    private static double delta(String before, String after, String name, String labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    /** The sample of {@code name} whose labels include {@code labels}; 0 when the series is absent. */
    private static double value(String scrape, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$")
                .matcher(scrape);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            if (found.contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}

package org.stockroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
    @ExtendWith(OutputCaptureExtension.class)
    void anAlertOfAPurchaseThatWasRefusedWholeIsNeitherCountedNorLogged(CapturedOutput output) {
        api.post("/api/products", product("MET-A", "10.00", 5, 2));
        api.post("/api/products", product("MET-B", "10.00", 1, 0));
        String before = scrape();

        // The first line takes MET-A to its threshold; the second cannot be sold, so nothing is.
        String bothLines = "{\"lines\":[{\"sku\":\"MET-A\",\"quantity\":3},{\"sku\":\"MET-B\",\"quantity\":2}]}";
        assertThat(api.post("/api/purchases", bothLines).status()).isEqualTo(409);

        assertThat(delta(before, scrape(), "stockroom_alerts_raised_total", "level=\"LOW\""))
                .isZero();
        assertThat(output.getOut()).doesNotContain("sku=MET-A");

        assertThat(api.post("/api/purchases", purchase("MET-A", 3)).status()).isEqualTo(201);
        assertThat(delta(before, scrape(), "stockroom_alerts_raised_total", "level=\"LOW\""))
                .isEqualTo(1.0);
        assertThat(output.getOut()).contains("restock alert alert.raised: sku=MET-A level=LOW stock=2");
    }

    @Test
    void reservationsAreCountedByWhatBecameOfThem() throws Exception {
        api.post("/api/products", product("MET-R", "10.00", 10, 1));
        String hold = "{\"reference\":\"cart-met\",\"lines\":[{\"sku\":\"MET-R\",\"quantity\":2}]}";
        String before = scrape();

        var first = api.post("/api/reservations", hold);
        var second = api.post("/api/reservations", hold);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        String committed = first.json().path("id").asString();
        assertThat(api.post("/api/reservations/" + committed + "/commit", "").status())
                .isEqualTo(201);
        // Committing again answers the same purchase and is not a second commit.
        assertThat(api.post("/api/reservations/" + committed + "/commit", "").status())
                .isEqualTo(200);
        String released = second.json().path("id").asString();
        assertThat(api.delete("/api/reservations/" + released).status()).isEqualTo(204);
        assertThat(api.delete("/api/reservations/" + released).status()).isEqualTo(204);
        // A refused hold holds nothing, so counts nothing.
        assertThat(api.post("/api/reservations", hold.replace("\"quantity\":2", "\"quantity\":99"))
                        .status())
                .isEqualTo(409);

        String after = scrape();
        assertThat(delta(before, after, "stockroom_reservations_total", "result=\"held\""))
                .isEqualTo(2.0);
        assertThat(delta(before, after, "stockroom_reservations_total", "result=\"committed\""))
                .isEqualTo(1.0);
        assertThat(delta(before, after, "stockroom_reservations_total", "result=\"released\""))
                .isEqualTo(1.0);
        assertThat(after).contains("stockroom_reservations_total{result=\"expired\"}");
    }

    @Test
    void importRowsAreCounted() {
        String before = scrape();
        String csv = "sku,name,price,stock,reorder_threshold\nMET-I1,One,1.00,5,1\nMET-I2,Two,2.00,5,1\n";
        var answer = api.uploadCsv("/api/imports", csv);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(delta(before, scrape(), "stockroom_imports_rows_total", "outcome=\"created\""))
                .isEqualTo(2.0);
    }

    /** A dashboard panel on a name the scrape does not show stays empty without any error in Grafana. */
    @Test
    void theGrafanaDashboardQueriesOnlyMetersTheScrapeShows() throws Exception {
        api.get("/api/products");
        String scrape = scrape();
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "grafana-dashboard.json"));
        Matcher expressions =
                Pattern.compile("\"expr\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dashboard);
        java.util.Set<String> names = new java.util.TreeSet<>();
        while (expressions.find()) {
            Matcher name = Pattern.compile("([a-z_][a-z0-9_]*)\\{").matcher(expressions.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        assertThat(names).contains("stockroom_purchases_total", "stockroom_channels_pushes_total");
        java.util.List<String> missing = names.stream()
                .filter(n -> !Pattern.compile("(?m)^" + Pattern.quote(n) + "[{ ]")
                        .matcher(scrape)
                        .find())
                .toList();
        assertThat(missing)
                .as("queried by docs/grafana-dashboard.json, absent from the scrape")
                .isEmpty();
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

package org.stockroom.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake WooCommerce REST API v3 (WireMock, random port): products paginated with
 * {@code X-WP-TotalPages}, the variations of variable products, {@code GET /products?sku=}, and
 * {@code PUT} of a product's or variation's stock; on demand 401 and 429 with Retry-After.
 */
final class FakeWooCommerce implements AutoCloseable {

    static final String KEY = "ck_test_key";
    static final String SECRET = "cs_test_secret";
    static final String BASE = "/wp-json/wc/v3";

    record Product(long id, String sku, String type, Long stock, List<Product> variations) {}

    record Put(String path, long quantity, boolean manageStock) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    FakeWooCommerce() {
        server.start();
        putAnswers(okJson("{}"));
    }

    String url() {
        return "http://localhost:" + server.port();
    }

    /** The catalog, one product a page. */
    void catalog(List<Product> products) {
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            server.stubFor(get(urlPathEqualTo(BASE + "/products"))
                    .withQueryParam("page", equalTo("" + (i + 1)))
                    .withQueryParam("oauth_consumer_key", equalTo(KEY))
                    .willReturn(okJson("[" + json(p, 0) + "]").withHeader("X-WP-TotalPages", "" + products.size())));
            if (p.variations() != null) {
                StringBuilder vs = new StringBuilder();
                for (Product v : p.variations()) {
                    vs.append(vs.length() > 0 ? "," : "").append(json(v, p.id()));
                }
                server.stubFor(get(urlPathEqualTo(BASE + "/products/" + p.id() + "/variations"))
                        .withQueryParam("page", equalTo("1"))
                        .willReturn(okJson("[" + vs + "]").withHeader("X-WP-TotalPages", "1")));
            }
        }
    }

    private static String json(Product p, long parent) {
        return "{\"id\":" + p.id() + ",\"parent_id\":" + parent + ",\"name\":\"Product " + p.id() + "\",\"type\":\""
                + p.type() + "\",\"sku\":\"" + (p.sku() == null ? "" : p.sku()) + "\",\"manage_stock\":"
                + (p.stock() != null) + ",\"stock_quantity\":" + p.stock() + ",\"stock_status\":\"instock\"}";
    }

    @SafeVarargs
    final void putAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
        server.resetScenarios();
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i == answers.length - 1 ? state : "answer-" + (i + 1);
            server.stubFor(put(urlPathMatching(BASE + "/products/.*"))
                    .inScenario("put")
                    .whenScenarioStateIs(state)
                    .willReturn(answers[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder status(int status, String retryAfter) {
        var answer = aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"code\":\"woocommerce_rest_cannot_edit\",\"message\":\"Sorry, you are not allowed to edit this resource.\",\"data\":{\"status\":"
                                + status + "}}");
        return retryAfter == null ? answer : answer.withHeader("Retry-After", retryAfter);
    }

    List<LoggedRequest> putRequests() {
        return server.findAll(putRequestedFor(urlPathMatching(BASE + "/products/.*")));
    }

    List<Put> puts() {
        List<Put> puts = new ArrayList<>();
        for (LoggedRequest r : putRequests()) {
            JsonNode body = JSON.readTree(r.getBodyAsString());
            puts.add(new Put(
                    r.getUrl().replaceAll("\\?.*", ""),
                    body.path("stock_quantity").asLong(),
                    body.path("manage_stock").asBoolean()));
        }
        return puts;
    }

    Long shows(String path) {
        Long last = null;
        for (Put p : puts()) {
            if (p.path().equals(BASE + path)) {
                last = p.quantity();
            }
        }
        return last;
    }

    @Override
    public void close() {
        server.stop();
    }
}

package org.stockroom.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake Shopify Admin GraphQL API (WireMock, random port): {@code productVariants} with cursor
 * pagination and per-location available quantities, {@code inventorySetQuantities} answering as
 * Shopify does, and on demand its refusals: 401, 429 with Retry-After, and the 200 THROTTLED answer
 * with {@code extensions.cost.throttleStatus}.
 */
final class FakeShopify implements AutoCloseable {

    static final String TOKEN = "shpat_test_token";
    static final String LOCATION = "gid://shopify/Location/1";
    static final String VERSION = "2025-01";
    static final String PATH = "/admin/api/" + VERSION + "/graphql.json";

    record Variant(String sku, long itemId, Long available) {}

    record SetCall(String inventoryItemId, String locationId, long quantity, String name) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    FakeShopify() {
        server.start();
        setAnswers(ok());
    }

    String url() {
        return "http://localhost:" + server.port();
    }

    /** The catalog, served two variants a page so that reading it takes the cursor several times. */
    void catalog(List<Variant> variants) {
        int pages = Math.max(1, (variants.size() + 1) / 2);
        for (int p = 0; p < pages; p++) {
            List<Variant> page = variants.subList(2 * p, Math.min(variants.size(), 2 * p + 2));
            StringBuilder nodes = new StringBuilder();
            for (Variant v : page) {
                if (nodes.length() > 0) {
                    nodes.append(',');
                }
                nodes.append("{\"sku\":")
                        .append(v.sku() == null ? "null" : "\"" + v.sku() + "\"")
                        .append(",\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/")
                        .append(v.itemId())
                        .append("\",\"inventoryLevel\":")
                        .append(
                                v.available() == null
                                        ? "null"
                                        : "{\"quantities\":[{\"name\":\"available\",\"quantity\":" + v.available()
                                                + "}]}")
                        .append("}}");
            }
            boolean more = p < pages - 1;
            String body = "{\"data\":{\"productVariants\":{\"pageInfo\":{\"hasNextPage\":" + more
                    + ",\"endCursor\":" + (more ? "\"cursor-" + (p + 1) + "\"" : "null") + "},\"nodes\":[" + nodes
                    + "]}},\"extensions\":{\"cost\":{\"requestedQueryCost\":12,\"actualQueryCost\":6,"
                    + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":1994,\"restoreRate\":100.0}}}}";
            server.stubFor(post(urlEqualTo(PATH))
                    .atPriority(p == 0 ? 5 : 1)
                    .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                    .withRequestBody(containing("productVariants"))
                    .withRequestBody(containing(p == 0 ? "\"variables\"" : "\"after\":\"cursor-" + p + "\""))
                    .willReturn(okJson(body)));
        }
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok() {
        return okJson("{\"data\":{\"inventorySetQuantities\":{\"inventoryAdjustmentGroup\":{\"id\":"
                + "\"gid://shopify/InventoryAdjustmentGroup/1\"},\"userErrors\":[]}},\"extensions\":{\"cost\":"
                + "{\"requestedQueryCost\":10,\"actualQueryCost\":10,\"throttleStatus\":{\"maximumAvailable\":2000.0,"
                + "\"currentlyAvailable\":1990,\"restoreRate\":100.0}}}}");
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder throttled() {
        return okJson(
                "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\",\"documentation\":"
                        + "\"https://shopify.dev/api/usage/rate-limits\"}}],\"extensions\":{\"cost\":{\"requestedQueryCost\":10,"
                        + "\"actualQueryCost\":null,\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":0,"
                        + "\"restoreRate\":100.0}}}}");
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder status(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Retry-After", "1")
                .withBody(
                        "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}");
    }

    /** Answers inventorySetQuantities with these responses in turn, the last one from then on. */
    @SafeVarargs
    final void setAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
        server.resetScenarios();
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i == answers.length - 1 ? state : "answer-" + (i + 1);
            server.stubFor(post(urlEqualTo(PATH))
                    .atPriority(3)
                    .inScenario("set")
                    .whenScenarioStateIs(state)
                    .withRequestBody(containing("inventorySetQuantities"))
                    .willReturn(answers[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    /** Every inventorySetQuantities call received, in order. */
    List<SetCall> setCalls() {
        List<SetCall> calls = new ArrayList<>();
        server.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("inventorySetQuantities")))
                .forEach(r -> {
                    JsonNode input =
                            JSON.readTree(r.getBodyAsString()).path("variables").path("input");
                    JsonNode q = input.path("quantities").get(0);
                    calls.add(new SetCall(
                            q.path("inventoryItemId").asString(),
                            q.path("locationId").asString(),
                            q.path("quantity").asLong(),
                            input.path("name").asString()));
                });
        return calls;
    }

    /** What the storefront shows for an inventory item: the last quantity set for it, or null. */
    Long shows(long itemId) {
        Long last = null;
        for (SetCall call : setCalls()) {
            if (call.inventoryItemId().equals("gid://shopify/InventoryItem/" + itemId)) {
                last = call.quantity();
            }
        }
        return last;
    }

    @Override
    public void close() {
        server.stop();
    }
}

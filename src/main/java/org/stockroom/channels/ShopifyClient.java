package org.stockroom.channels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shopify's GraphQL Admin API at the pinned version. The catalog is {@code productVariants}, 100 at
 * a time by cursor, with each variant's inventory item and its {@code available} quantity at the
 * channel's location; stock is set with {@code inventorySetQuantities} (name {@code available}).
 * Shopify limits by query cost: a THROTTLED answer comes with 200 and the bucket's state in
 * {@code extensions.cost.throttleStatus}, from which the wait until enough points are restored is
 * computed.
 */
@Component
class ShopifyClient implements Platform {

    static final String VARIANTS = "query Variants($first: Int!, $after: String, $location: ID!) { "
            + "productVariants(first: $first, after: $after) { pageInfo { hasNextPage endCursor } "
            + "nodes { sku inventoryItem { id inventoryLevel(locationId: $location) { "
            + "quantities(names: [\"available\"]) { name quantity } } } } } }";

    static final String SET_QUANTITIES = "mutation SetAvailable($input: InventorySetQuantitiesInput!) { "
            + "inventorySetQuantities(input: $input) { inventoryAdjustmentGroup { id } "
            + "userErrors { code field message } } }";

    private final PlatformHttp http;
    private final JsonMapper json;
    private final ChannelProperties properties;

    ShopifyClient(PlatformHttp http, JsonMapper json, ChannelProperties properties) {
        this.http = http;
        this.json = json;
        this.properties = properties;
    }

    /** {@code https://<shop domain>}, or the URL as given when it names its scheme (a test's fake Shopify). */
    static String adminBase(String shopDomain) {
        String base = shopDomain.contains("://") ? shopDomain : "https://" + shopDomain;
        return base.replaceAll("/+$", "");
    }

    @Override
    public List<Item> catalog(Connection connection) {
        List<Item> items = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("first", 100);
            variables.put("after", after);
            variables.put("location", connection.locationId());
            JsonNode page = call(connection, VARIANTS, variables).path("productVariants");
            for (JsonNode node : page.path("nodes")) {
                String sku = node.path("sku").asString("");
                JsonNode item = node.path("inventoryItem");
                if (sku.isBlank() || item.path("id").isMissingNode()) {
                    items.add(new Item(sku.isBlank() ? null : sku, null, null, null));
                    continue;
                }
                Long available = null;
                for (JsonNode q : item.path("inventoryLevel").path("quantities")) {
                    if ("available".equals(q.path("name").asString(""))) {
                        available = q.path("quantity").asLong();
                    }
                }
                items.add(new Item(sku, item.path("id").asString(), null, available));
            }
            JsonNode info = page.path("pageInfo");
            after = info.path("hasNextPage").asBoolean(false)
                    ? info.path("endCursor").asString(null)
                    : null;
        } while (after != null);
        return items;
    }

    @Override
    public void setAvailable(Connection connection, ChannelRepository.Push push, long quantity) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "available");
        input.put("reason", "correction");
        input.put("ignoreCompareQuantity", true);
        input.put("referenceDocumentUri", "stockroom://sku/" + push.sku());
        input.put(
                "quantities",
                List.of(Map.of(
                        "inventoryItemId", push.remoteId(),
                        "locationId", connection.locationId(),
                        "quantity", quantity)));
        JsonNode result =
                call(connection, SET_QUANTITIES, Map.of("input", input)).path("inventorySetQuantities");
        JsonNode errors = result.path("userErrors");
        if (errors.isArray() && !errors.isEmpty()) {
            String message = errors.get(0).path("message").asString("");
            boolean gone = message.toLowerCase(java.util.Locale.ROOT).contains("not found")
                    || message.toLowerCase(java.util.Locale.ROOT).contains("does not exist");
            throw new Failure(
                    gone ? Failure.Kind.NOT_FOUND : Failure.Kind.TRANSIENT,
                    200,
                    "inventorySetQuantities refused: " + message,
                    null);
        }
    }

    private JsonNode call(Connection connection, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        PlatformHttp.Answer answer = http.send(
                "POST",
                adminBase(connection.baseUrl()) + "/admin/api/" + properties.shopifyApiVersion() + "/graphql.json",
                Map.of("X-Shopify-Access-Token", connection.accessToken()),
                json.writeValueAsString(body));
        JsonNode root;
        try {
            root = json.readTree(answer.body());
        } catch (RuntimeException e) {
            throw new Failure(
                    Failure.Kind.TRANSIENT, answer.status(), "Shopify answered something other than JSON", null);
        }
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            String code = errors.get(0).path("extensions").path("code").asString("");
            if (code.equals("THROTTLED")) {
                throw new Failure(Failure.Kind.RATE_LIMITED, 200, "Shopify throttled the call", throttleWait(root));
            }
            if (code.equals("ACCESS_DENIED")) {
                throw new Failure(Failure.Kind.UNAUTHORIZED, 200, "Shopify denied access: a scope is missing", null);
            }
            throw new Failure(
                    Failure.Kind.TRANSIENT,
                    200,
                    "Shopify refused the query: "
                            + errors.get(0).path("message").asString(""),
                    null);
        }
        return root.path("data");
    }

    /** How long until the bucket holds the points the refused query asked for, from Shopify's own figures. */
    static Duration throttleWait(JsonNode root) {
        JsonNode cost = root.path("extensions").path("cost");
        JsonNode status = cost.path("throttleStatus");
        double restoreRate = status.path("restoreRate").asDouble(50);
        double available = status.path("currentlyAvailable").asDouble(0);
        double requested = cost.path("requestedQueryCost").asDouble(10);
        double seconds = Math.max(0, requested - available) / Math.max(1, restoreRate);
        return Duration.ofMillis(Math.max(500, (long) Math.ceil(seconds * 1000)));
    }
}

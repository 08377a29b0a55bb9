package org.stockroom.channels;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WooCommerce's REST API v3. The catalog is {@code GET /products}, 100 a page, and the variations
 * of each variable product; stock is set with {@code PUT /products/{id}} or
 * {@code /products/{parent}/variations/{id}}, and an item the channel no longer has under its old
 * id is found again by {@code GET /products?sku=}. Over HTTPS the consumer key and secret go as
 * HTTP Basic; over plain HTTP WooCommerce requires OAuth 1.0a "one-legged" signatures
 * (HMAC-SHA256 over the method, URL and sorted parameters, keyed with the consumer secret).
 */
@Component
class WooCommerceClient implements Platform {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformHttp http;
    private final JsonMapper json;

    WooCommerceClient(PlatformHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public List<Item> catalog(Connection connection) {
        List<Item> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            PlatformHttp.Answer answer = get(connection, "/products", Map.of("per_page", "100", "page", "" + page));
            JsonNode products = json.readTree(answer.body());
            for (JsonNode product : products) {
                String id = product.path("id").asString();
                if ("variable".equals(product.path("type").asString(""))) {
                    items.addAll(variations(connection, id));
                } else {
                    items.add(item(product, null));
                }
            }
            int totalPages =
                    answer.header("X-WP-TotalPages").map(Integer::parseInt).orElse(page);
            if (products.isEmpty() || page >= totalPages) {
                return items;
            }
        }
    }

    private List<Item> variations(Connection connection, String parentId) {
        List<Item> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            PlatformHttp.Answer answer = get(
                    connection, "/products/" + parentId + "/variations", Map.of("per_page", "100", "page", "" + page));
            JsonNode variations = json.readTree(answer.body());
            for (JsonNode variation : variations) {
                items.add(item(variation, parentId));
            }
            int totalPages =
                    answer.header("X-WP-TotalPages").map(Integer::parseInt).orElse(page);
            if (variations.isEmpty() || page >= totalPages) {
                return items;
            }
        }
    }

    private static Item item(JsonNode node, String parentId) {
        String sku = node.path("sku").asString("");
        JsonNode quantity = node.path("stock_quantity");
        boolean managed = node.path("manage_stock").asBoolean(false);
        return new Item(
                sku.isBlank() ? null : sku,
                node.path("id").asString(),
                parentId,
                managed && quantity.isNumber() ? quantity.asLong() : null);
    }

    /** The channel's item with this SKU (a product or a variation), found by WooCommerce's SKU filter. */
    Item find(Connection connection, String sku) {
        JsonNode found =
                json.readTree(get(connection, "/products", Map.of("sku", sku)).body());
        if (found.isEmpty()) {
            throw new Failure(Failure.Kind.NOT_FOUND, 200, "no product with this SKU on the channel", null);
        }
        JsonNode product = found.get(0);
        int parent = product.path("parent_id").asInt(0);
        return item(product, parent == 0 ? null : "" + parent);
    }

    @Override
    public void setAvailable(Connection connection, ChannelRepository.Push push, long quantity) {
        String path = push.remoteParentId() == null
                ? "/products/" + push.remoteId()
                : "/products/" + push.remoteParentId() + "/variations/" + push.remoteId();
        String body = json.writeValueAsString(Map.of("manage_stock", true, "stock_quantity", quantity));
        send(connection, "PUT", path, Map.of(), body);
    }

    private PlatformHttp.Answer get(Connection connection, String path, Map<String, String> query) {
        return send(connection, "GET", path, query, null);
    }

    private PlatformHttp.Answer send(
            Connection connection, String method, String path, Map<String, String> query, String body) {
        String url = connection.baseUrl().replaceAll("/+$", "") + "/wp-json/wc/v3" + path;
        boolean https = URI.create(url).getScheme().equalsIgnoreCase("https");
        TreeMap<String, String> params = new TreeMap<>(query);
        Map<String, String> headers = Map.of();
        if (https) {
            headers = Map.of(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((connection.consumerKey() + ":" + connection.consumerSecret())
                                            .getBytes(StandardCharsets.UTF_8)));
        } else {
            params.putAll(oauth(method, url, query, connection, System.currentTimeMillis() / 1000, nonce()));
        }
        StringBuilder full = new StringBuilder(url);
        char sep = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            full.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            sep = '&';
        }
        return http.send(method, full.toString(), headers, body);
    }

    /** The oauth_* parameters of a one-legged OAuth 1.0a request, signature included. */
    static Map<String, String> oauth(
            String method, String url, Map<String, String> query, Connection connection, long timestamp, String nonce) {
        TreeMap<String, String> params = new TreeMap<>(query);
        params.put("oauth_consumer_key", connection.consumerKey());
        params.put("oauth_nonce", nonce);
        params.put("oauth_signature_method", "HMAC-SHA256");
        params.put("oauth_timestamp", Long.toString(timestamp));
        StringBuilder normalized = new StringBuilder();
        TreeMap<String, String> encoded = new TreeMap<>();
        params.forEach((k, v) -> encoded.put(encode(k), encode(v)));
        encoded.forEach((k, v) -> {
            if (normalized.length() > 0) {
                normalized.append('&');
            }
            normalized.append(k).append('=').append(v);
        });
        String base = method.toUpperCase(Locale.ROOT) + "&" + encode(url) + "&" + encode(normalized.toString());
        String signature;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    (connection.consumerSecret() + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            signature = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        TreeMap<String, String> oauth = new TreeMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("oauth_")) {
                oauth.put(k, v);
            }
        });
        oauth.put("oauth_signature", signature);
        return oauth;
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** RFC 3986 percent-encoding, as OAuth 1.0a requires (space as %20, "~" unescaped). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}

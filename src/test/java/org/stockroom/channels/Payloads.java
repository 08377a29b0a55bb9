package org.stockroom.channels;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook bodies shaped like the platforms' documented examples (Shopify's orders/create,
 * orders/cancelled and refunds/create samples; WooCommerce's order resource), with our SKUs, and
 * signed the way the platforms sign them: base64 HMAC-SHA256 of the raw body with the secret.
 */
final class Payloads {

    private Payloads() {}

    static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Shopify order line: {@code sku} may be null (a custom item). */
    static String shopifyLine(long id, String sku, long quantity) {
        return "{\"id\":" + id + ",\"admin_graphql_api_id\":\"gid://shopify/LineItem/" + id + "\","
                + "\"fulfillable_quantity\":" + quantity
                + ",\"fulfillment_service\":\"manual\",\"fulfillment_status\":null,"
                + "\"gift_card\":false,\"grams\":100,\"name\":\"Item " + id
                + "\",\"price\":\"199.00\",\"product_exists\":true,"
                + "\"product_id\":632910392,\"properties\":[],\"quantity\":" + quantity + ",\"requires_shipping\":true,"
                + "\"sku\":" + (sku == null ? "null" : "\"" + sku + "\"") + ",\"taxable\":true,\"title\":\"Item " + id
                + "\","
                + "\"total_discount\":\"0.00\",\"variant_id\":808950810,\"variant_inventory_management\":\"shopify\","
                + "\"variant_title\":null,\"vendor\":null,\"tax_lines\":[],\"duties\":[],\"discount_allocations\":[]}";
    }

    static String shopifyOrder(long id, String name, String... lines) {
        return "{\"id\":" + id + ",\"admin_graphql_api_id\":\"gid://shopify/Order/" + id + "\",\"app_id\":null,"
                + "\"browser_ip\":null,\"buyer_accepts_marketing\":true,\"cancel_reason\":null,\"cancelled_at\":null,"
                + "\"cart_token\":null,\"checkout_id\":null,\"checkout_token\":null,\"confirmed\":false,"
                + "\"contact_email\":\"jon@example.com\",\"created_at\":\"2026-12-01T10:00:00-05:00\",\"currency\":\"USD\","
                + "\"current_subtotal_price\":\"398.00\",\"email\":\"jon@example.com\",\"financial_status\":\"voided\","
                + "\"fulfillment_status\":\"pending\",\"name\":\"" + name + "\",\"note\":null,\"order_number\":"
                + name.replace("#", "")
                + ",\"processed_at\":null,\"subtotal_price\":\"388.00\",\"tags\":\"tag1, tag2\","
                + "\"test\":true,\"total_price\":\"403.00\",\"line_items\":[" + String.join(",", lines) + "],"
                + "\"shipping_lines\":[],\"refunds\":[]}";
    }

    static String shopifyCancelled(long id, String name, String... lines) {
        return shopifyOrder(id, name, lines)
                .replace(
                        "\"cancel_reason\":null,\"cancelled_at\":null",
                        "\"cancel_reason\":\"customer\",\"cancelled_at\":\"2026-12-01T11:00:00-05:00\"");
    }

    /** A refund line: {@code restockType} is Shopify's restock_type (return, cancel, legacy_restock, no_restock). */
    static String refundLine(long id, long lineItemId, String sku, long quantity, String restockType) {
        return "{\"id\":" + id + ",\"line_item_id\":" + lineItemId + ",\"location_id\":null,\"quantity\":" + quantity
                + ",\"restock_type\":\"" + restockType + "\",\"subtotal\":199.0,\"total_tax\":0.0,\"line_item\":"
                + shopifyLine(lineItemId, sku, quantity) + "}";
    }

    static String shopifyRefund(long id, long orderId, String... lines) {
        return "{\"id\":" + id + ",\"order_id\":" + orderId + ",\"created_at\":\"2026-12-01T12:00:00-05:00\","
                + "\"note\":\"Things were damaged\",\"user_id\":null,\"processed_at\":\"2026-12-01T12:00:00-05:00\","
                + "\"restock\":true,\"duties\":[],\"total_duties_set\":null,\"admin_graphql_api_id\":"
                + "\"gid://shopify/Refund/" + id + "\",\"refund_line_items\":[" + String.join(",", lines) + "],"
                + "\"transactions\":[],\"order_adjustments\":[]}";
    }

    static String wooLine(long id, String sku, long quantity) {
        return "{\"id\":" + id + ",\"name\":\"Woo item " + id + "\",\"product_id\":93,\"variation_id\":0,\"quantity\":"
                + quantity + ",\"tax_class\":\"\",\"subtotal\":\"20.00\",\"subtotal_tax\":\"0.00\",\"total\":\"20.00\","
                + "\"total_tax\":\"0.00\",\"taxes\":[],\"meta_data\":[],\"sku\":\"" + (sku == null ? "" : sku)
                + "\",\"price\":20}";
    }

    static String wooOrder(long id, String status, String... lines) {
        return "{\"id\":" + id + ",\"parent_id\":0,\"number\":\"" + id + "\",\"order_key\":\"wc_order_58d2d042d1d\","
                + "\"created_via\":\"checkout\",\"version\":\"9.4.0\",\"status\":\"" + status
                + "\",\"currency\":\"USD\","
                + "\"date_created\":\"2026-12-01T10:00:00\",\"discount_total\":\"0.00\",\"shipping_total\":\"10.00\","
                + "\"total\":\"29.35\",\"customer_id\":0,\"billing\":{\"first_name\":\"John\",\"last_name\":\"Doe\"},"
                + "\"payment_method\":\"bacs\",\"line_items\":[" + String.join(",", lines) + "],\"tax_lines\":[],"
                + "\"shipping_lines\":[],\"fee_lines\":[],\"coupon_lines\":[],\"refunds\":[]}";
    }
}

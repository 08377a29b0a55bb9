package org.stockroom.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.Text;

/**
 * What the owner gives to connect a storefront. Shopify: {@code shopDomain}, {@code accessToken}
 * (Admin API token of a custom app), {@code webhookSecret}, {@code locationId}. WooCommerce:
 * {@code siteUrl}, {@code consumerKey}, {@code consumerSecret}, {@code webhookSecret}. Every field
 * error is reported at once.
 */
public record ConnectRequest(
        String type,
        String name,
        String shopDomain,
        String accessToken,
        String webhookSecret,
        String locationId,
        String siteUrl,
        String consumerKey,
        String consumerSecret) {

    public ConnectRequest {
        List<FieldError> errors = new ArrayList<>();
        ChannelType parsed = parse(type);
        if (parsed == null) {
            errors.add(new FieldError("type", "must be shopify or woocommerce"));
        }
        name = Text.clean("name", name, 100, true, errors);
        webhookSecret = secret("webhookSecret", webhookSecret, errors);
        if (parsed == ChannelType.SHOPIFY) {
            shopDomain = Text.clean("shopDomain", shopDomain, 255, true, errors);
            accessToken = secret("accessToken", accessToken, errors);
            locationId = Text.clean("locationId", locationId, 255, true, errors);
            if (locationId != null && !locationId.startsWith("gid://shopify/Location/")) {
                errors.add(new FieldError("locationId", "must be a location gid (gid://shopify/Location/...)"));
            }
            if (siteUrl != null || consumerKey != null || consumerSecret != null) {
                errors.add(new FieldError("type", "a Shopify channel takes shopDomain, accessToken and locationId"));
            }
        } else if (parsed == ChannelType.WOOCOMMERCE) {
            siteUrl = Text.clean("siteUrl", siteUrl, 255, true, errors);
            consumerKey = secret("consumerKey", consumerKey, errors);
            consumerSecret = secret("consumerSecret", consumerSecret, errors);
            if (shopDomain != null || accessToken != null || locationId != null) {
                errors.add(
                        new FieldError("type", "a WooCommerce channel takes siteUrl, consumerKey and consumerSecret"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    ChannelType channelType() {
        return parse(type);
    }

    /** Where Stockroom calls the platform. */
    String baseUrl() {
        return channelType() == ChannelType.SHOPIFY ? ShopifyClient.adminBase(shopDomain) : siteUrl;
    }

    private static ChannelType parse(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "shopify" -> ChannelType.SHOPIFY;
            case "woocommerce" -> ChannelType.WOOCOMMERCE;
            default -> null;
        };
    }

    private static String secret(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (value.length() > 512 || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            errors.add(new FieldError(field, "must be 1 to 512 visible ASCII characters"));
            return null;
        }
        return value;
    }

    /** Never prints the secrets, so a request logged by accident gives nothing away. */
    @Override
    public String toString() {
        return "ConnectRequest[type=" + type + ", name=" + name + ", shopDomain=" + shopDomain + ", siteUrl=" + siteUrl
                + ", locationId=" + locationId + "]";
    }
}

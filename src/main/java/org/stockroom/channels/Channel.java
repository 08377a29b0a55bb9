package org.stockroom.channels;

import java.time.Instant;

/**
 * A connected storefront as the owner sees it; never its secrets. {@code shopDomain} and
 * {@code locationId} are Shopify's, {@code siteUrl} WooCommerce's.
 */
public record Channel(
        String id,
        String type,
        String name,
        ChannelStatus status,
        String statusReason,
        String webhookPath,
        String shopDomain,
        String locationId,
        String siteUrl,
        Instant createdAt,
        Instant lastSyncAt,
        String lastSyncError,
        boolean syncPending,
        long listedSkus,
        long pendingPushes) {

    /** Where the owner opens an order of this channel in the platform's admin. */
    public String orderUrl(String orderId) {
        return type.equals(ChannelType.SHOPIFY.apiName())
                ? ShopifyClient.adminBase(shopDomain) + "/admin/orders/" + orderId
                : siteUrl.replaceAll("/+$", "") + "/wp-admin/post.php?post=" + orderId + "&action=edit";
    }
}

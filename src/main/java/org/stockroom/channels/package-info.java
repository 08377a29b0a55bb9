/**
 * Sales channels: Shopify and WooCommerce storefronts whose signed order webhooks become purchases
 * exactly once, and whose stock levels are kept equal to Stockroom's available stock.
 *
 * <p>Owns and alone writes the tables {@code sales_channel}, {@code channel_inbox},
 * {@code channel_order}, {@code channel_order_line}, {@code channel_refund}, {@code channel_listing}
 * and {@code channel_sync_log}. Stock moves only through {@code sales} (purchases, returns), which
 * go through {@code stock}; a stock change reaches this package as
 * {@link org.stockroom.stock.AvailableChanged} in the changing transaction.
 */
package org.stockroom.channels;

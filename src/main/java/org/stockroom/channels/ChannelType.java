package org.stockroom.channels;

import java.util.Locale;

/** The storefront platforms Stockroom speaks to. */
public enum ChannelType {
    SHOPIFY,
    WOOCOMMERCE;

    /** The name in the API ({@code shopify}, {@code woocommerce}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.stockroom.imports;

import java.util.Locale;
import java.util.Set;
import org.stockroom.support.InvalidRequestException;

/** The catalog files Stockroom reads: its own, and the product exports of Shopify and WooCommerce. */
public enum ImportFormat {
    STOCKROOM,
    SHOPIFY,
    WOOCOMMERCE;

    /** Recognizes a file by its header row, whose names are compared without case, spaces or punctuation. */
    static ImportFormat detect(Set<String> normalizedHeaders) {
        if (normalizedHeaders.contains("handle") && normalizedHeaders.contains("variantsku")) {
            return SHOPIFY;
        }
        if (normalizedHeaders.contains("sku")
                && (normalizedHeaders.contains("regularprice") || normalizedHeaders.contains("lowstockamount"))) {
            return WOOCOMMERCE;
        }
        if (normalizedHeaders.contains("sku")) {
            return STOCKROOM;
        }
        throw new InvalidRequestException(
                "file",
                "the header row is not one of a Stockroom, Shopify or WooCommerce product CSV "
                        + "(a Stockroom file needs at least a sku column)");
    }

    /** Parses {@code auto} (null) or a format name, case-insensitive. */
    public static ImportFormat parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("format", "must be auto, stockroom, shopify or woocommerce");
        }
    }

    static String normalize(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}

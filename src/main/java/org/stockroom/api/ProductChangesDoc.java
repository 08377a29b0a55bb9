package org.stockroom.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * The shape of a product's merge patch, for the OpenAPI document only: {@link ProductPatch} reads
 * the body as a map, since a record cannot tell an absent field from a null one.
 */
@Schema(
        name = "ProductChanges",
        description = "Fields to change; absent ones stay, null clears an optional one. `sku`, `stock` and "
                + "`unitsSold` cannot be changed here.")
record ProductChangesDoc(
        @Schema(maxLength = 200, example = "Laptop 14\"") String name,
        @Schema(minimum = "0", example = "999.99") BigDecimal price,
        @Schema(minimum = "0", example = "3") Long reorderThreshold,

        @Schema(minimum = "0", nullable = true, example = "700.00")
        BigDecimal cost,

        @Schema(minimum = "1", nullable = true, example = "10")
        Long reorderQuantity,

        @Schema(minimum = "0", nullable = true, example = "7")
        Integer leadTimeDays,

        @Schema(nullable = true, example = "Acme") String supplier,
        @Schema(nullable = true, example = "4006381333931") String barcode,

        @Schema(
                nullable = true,
                description = "The variant group (Shopify handle, WooCommerce parent)",
                example = "organic-tee")
        String group,

        @Schema(nullable = true, description = "Variant options, option name to value, in option order")
        java.util.Map<String, String> options,

        @Schema(
                nullable = true,
                maxLength = 2048,
                description = "The address (http or https) of the product's picture, shown as its thumbnail",
                example = "https://cdn.example.com/laptop-14.jpg")
        String imageUrl) {}

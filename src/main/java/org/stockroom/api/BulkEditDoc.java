package org.stockroom.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * The shape of {@code POST /api/products/bulk}, for the OpenAPI document only: {@link BulkEditRequest}
 * reads the body as a map, since in {@code set} an absent member stays and a null one clears.
 */
@Schema(
        name = "BulkEdit",
        description = "Which products (`skus`, or `filter`), and what to do with them (`set`, `pricePercent`, "
                + "`archive`); all of it or nothing.",
        example = "{\"skus\":[\"LAP-001\",\"MOU-001\"],\"set\":{\"reorderThreshold\":5,\"supplier\":\"Acme\"},"
                + "\"pricePercent\":-10}")
record BulkEditDoc(
        @ArraySchema(
                arraySchema = @Schema(description = "The products to change, by SKU (or give `filter`)"),
                schema = @Schema(example = "LAP-001"))
        List<String> skus,

        @Schema(description = "Every product the list would show with these parameters (or give `skus`)")
        Filter filter,

        @Schema(description = "Members to set; null clears an optional one")
        Changes set,

        @Schema(
                description = "Moves every price by this percentage, rounded to the currency",
                minimum = "-99",
                maximum = "1000",
                example = "-10")
        BigDecimal pricePercent,

        @Schema(description = "Archives the products", example = "false")
        Boolean archive) {

    @Schema(name = "BulkEditFilter")
    record Filter(
            @Schema(description = "Words to match, as in the list's q", example = "laptop")
            String q,

            @Schema(description = "Only products that need restocking")
            Boolean lowStock,

            @Schema(description = "Archived products instead of those for sale")
            Boolean archived,

            @Schema(description = "The variants of one group", example = "tee")
            String group) {}

    @Schema(name = "BulkEditChanges")
    record Changes(
            @Schema(minimum = "0", example = "5") Long reorderThreshold,

            @Schema(minimum = "1", nullable = true, example = "10")
            Long reorderQuantity,

            @Schema(minimum = "0", nullable = true, example = "7")
            Integer leadTimeDays,

            @Schema(nullable = true, example = "Acme") String supplier) {}
}

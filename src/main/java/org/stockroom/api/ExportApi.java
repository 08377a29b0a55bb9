package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockroom.Store;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.imports.CatalogExport;
import org.stockroom.support.InvalidRequestException;

@RestController
@RequestMapping("/api/exports")
@Tag(name = "Imports and exports")
class ExportApi {

    private final CatalogExport export;

    ExportApi(Store store) {
        this.export = store.exports();
    }

    @GetMapping("/products")
    @Operation(
            summary = "Export products as CSV",
            description =
                    "The products matching the filter (q, lowStock, archived, group, as in GET /api/products; "
                            + "default: every product for sale) as CSV. format=stockroom (default) imports back unchanged; "
                            + "format=shopify is Shopify's product CSV and format=woocommerce WooCommerce's, with variants grouped "
                            + "under their handle or parent, so that importing the file into the platform updates the same variants.")
    @ApiResponse(
            responseCode = "200",
            description = "The products, streamed as they are read",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(
                                            type = "string",
                                            description = "RFC 4180 CSV with a header row",
                                            example =
                                                    "sku,name,price,stock,reorder_threshold\nLAP-001,Laptop,999.99,10,3\n")))
    @ApiResponse(
            responseCode = "400",
            description = "An unknown format or an invalid filter",
            content = @Content(mediaType = "application/problem+json"))
    void products(
            @RequestParam(defaultValue = "stockroom") String format,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean lowStock,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) String group,
            HttpServletResponse response)
            throws IOException {
        ProductQuery filter = new ProductQuery(q, lowStock, archived, "sku", 0, 500, group);
        switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "stockroom" -> {
                csv(response, "products.csv");
                export.products(response.getWriter(), filter);
            }
            case "shopify" -> {
                csv(response, "products-shopify.csv");
                export.shopifyProducts(response.getWriter(), filter);
            }
            case "woocommerce" -> {
                csv(response, "products-woocommerce.csv");
                export.woocommerceProducts(response.getWriter(), filter);
            }
            default -> throw new InvalidRequestException("format", "must be stockroom, shopify or woocommerce");
        }
    }

    @Operation(
            summary = "Export stock levels for Shopify",
            description =
                    "Stock of every product in Shopify's inventory CSV, for the location `stockroom.imports.shopify-location`.")
    @ApiResponse(
            responseCode = "200",
            description = "Shopify inventory CSV",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(
                                            type = "string",
                                            description = "Shopify's inventory import format",
                                            example = "Handle,Title,SKU,Location,On hand\n")))
    @GetMapping("/inventory")
    void inventory(@RequestParam(defaultValue = "shopify") String format, HttpServletResponse response)
            throws IOException {
        if (!format.equalsIgnoreCase("shopify")) {
            throw new InvalidRequestException("format", "must be shopify");
        }
        csv(response, "inventory-shopify.csv");
        export.shopifyInventory(response.getWriter(), export.shopifyLocation());
    }

    private static void csv(HttpServletResponse response, String filename) {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}

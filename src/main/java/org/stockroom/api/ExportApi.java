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
import org.stockroom.imports.CatalogExport;
import org.stockroom.support.InvalidRequestException;

@RestController
@Tag(name = "Imports and exports")
@RequestMapping("/api/exports")
class ExportApi {

    private final CatalogExport export;

    ExportApi(Store store) {
        this.export = store.exports();
    }

    @Operation(
            summary = "Export the catalog as CSV",
            description =
                    "Every product in the columns the import reads, so the file can be edited and imported again.")
    @ApiResponse(
            responseCode = "200",
            description = "The catalog, streamed as it is read",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(
                                            type = "string",
                                            description = "RFC 4180 CSV with a header row",
                                            example =
                                                    "sku,name,price,stock,reorder_threshold\nLAP-001,Laptop,999.99,10,3\n")))
    @GetMapping("/products")
    void products(HttpServletResponse response) throws IOException {
        csv(response, "products.csv");
        export.products(response.getWriter());
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

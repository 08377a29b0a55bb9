package org.stockroom.api;

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
@RequestMapping("/api/exports")
class ExportApi {

    private final CatalogExport export;
    private final String shopifyLocation;

    ExportApi(
            Store store,
            @org.springframework.beans.factory.annotation.Value("${stockroom.imports.shopify-location:Shop location}")
                    String shopifyLocation) {
        this.export = store.exports();
        this.shopifyLocation = shopifyLocation;
    }

    @GetMapping("/products")
    void products(HttpServletResponse response) throws IOException {
        csv(response, "products.csv");
        export.products(response.getWriter());
    }

    @GetMapping("/inventory")
    void inventory(@RequestParam(defaultValue = "shopify") String format, HttpServletResponse response)
            throws IOException {
        if (!format.equalsIgnoreCase("shopify")) {
            throw new InvalidRequestException("format", "must be shopify");
        }
        csv(response, "inventory-shopify.csv");
        export.shopifyInventory(response.getWriter(), shopifyLocation);
    }

    private static void csv(HttpServletResponse response, String filename) {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}

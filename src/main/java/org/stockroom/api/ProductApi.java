package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.stockroom.Store;
import org.stockroom.catalog.NewProduct;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.support.Page;

@RestController
@Tag(name = "Products")
@RequestMapping("/api/products")
class ProductApi {

    private final Store store;

    ProductApi(Store store) {
        this.store = store;
    }

    @Operation(
            summary = "Add a product",
            description = "Adds a product to the catalog with its opening stock; the answer's Location names it.")
    @ApiResponse(responseCode = "201", description = "The product was added")
    @ApiResponse(responseCode = "409", description = "A product has this SKU already: `duplicate-sku`")
    @PostMapping
    ResponseEntity<ProductView> add(@RequestBody NewProduct product, UriComponentsBuilder uri) {
        ProductView added = view(store.addProduct(product));
        URI location =
                uri.path("/api/products/{sku}").buildAndExpand(added.sku()).toUri();
        return ResponseEntity.created(location).body(added);
    }

    @Operation(
            summary = "List products",
            description = "A page of products, filtered by text (`q` in SKU, name or barcode) and low stock, sorted.")
    @GetMapping
    Page<ProductView> list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean lowStock,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "sku") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page<Product> products = store.products(new ProductQuery(q, lowStock, archived, sort, page, size));
        Map<String, Long> incoming = store.purchasing()
                .incoming(products.items().stream().map(p -> p.sku().value()).toList());
        return products.map(p -> ProductView.of(p, incoming.getOrDefault(p.sku().value(), 0L)));
    }

    @Operation(summary = "Read a product", description = "One product by its SKU, archived ones included.")
    @GetMapping("/{sku}")
    ProductView get(@PathVariable String sku) {
        return view(store.product(sku));
    }

    @Operation(
            summary = "Change a product",
            description = "JSON merge patch of name, price, reorderThreshold, cost, reorderQuantity, leadTimeDays, "
                    + "supplier and barcode; stock changes only through receipts and adjustments.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ProductChangesDoc.class)),
                @Content(
                        mediaType = "application/merge-patch+json",
                        schema = @Schema(implementation = ProductChangesDoc.class))
            })
    @PatchMapping(
            path = "/{sku}",
            consumes = {"application/json", "application/merge-patch+json"})
    ProductView update(@PathVariable String sku, @RequestBody Map<String, Object> changes) {
        return view(store.updateProduct(sku, ProductPatch.read(changes)));
    }

    @Operation(
            summary = "Archive a product",
            description = "History is kept; the product is no longer sold or listed, and can be restored.")
    @ApiResponse(responseCode = "204", description = "The product is archived")
    /** Archives: history is kept, the product is no longer sold or listed. */
    @DeleteMapping("/{sku}")
    ResponseEntity<Void> archive(@PathVariable String sku) {
        store.archive(sku);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Restore an archived product", description = "The product is listed and sold again.")
    @PostMapping("/{sku}/restore")
    ProductView restore(@PathVariable String sku) {
        return view(store.restore(sku));
    }

    private ProductView view(Product product) {
        return ProductView.of(product, store.purchasing().incoming(product.sku().value()));
    }
}

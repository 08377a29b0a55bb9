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
import org.stockroom.catalog.BulkEdit;
import org.stockroom.catalog.NewProduct;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.support.Page;

@RestController
@RequestMapping("/api/products")
@Tag(name = "Products", description = "The catalog: products, variants, barcodes, bulk edits")
class ProductApi {

    private final Store store;

    ProductApi(Store store) {
        this.store = store;
    }

    @Operation(
            summary = "Add a product",
            description = "Adds a product to the catalog with its opening stock; the answer's Location names it. "
                    + "With `components` ([{sku, quantity}]) the product is a bundle: it holds no stock of its own "
                    + "(stock omitted or 0), its stock is what its components allow, and selling or reserving it "
                    + "takes its components. A bundle's components never change.")
    @ApiResponse(responseCode = "201", description = "The product was added")
    @ApiResponse(
            responseCode = "409",
            description = "A product has this SKU already: `duplicate-sku`",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "A bundle's component is unknown (`unknown-component`), archived (`component-archived`), "
                    + "itself a bundle (`nested-bundle`) or the bundle itself (`bundle-cycle`); or a bundle was "
                    + "given stock (`bundle-has-no-stock`)",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping
    ResponseEntity<ProductView> add(@RequestBody NewProduct product, UriComponentsBuilder uri) {
        ProductView added = view(store.addProduct(product));
        URI location =
                uri.path("/api/products/{sku}").buildAndExpand(added.sku()).toUri();
        return ResponseEntity.created(location).body(added);
    }

    @GetMapping
    @Operation(
            summary = "List products",
            description =
                    "Pages of products. Every word of q must match: the start of a word of the SKU, name, "
                            + "supplier or group (case-insensitive), or the whole barcode. group lists the variants of one group.")
    @ApiResponse(responseCode = "200", description = "A page of products")
    @ApiResponse(
            responseCode = "400",
            description = "A parameter is invalid",
            content = @Content(mediaType = "application/problem+json"))
    Page<ProductView> list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean lowStock,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "sku") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String group) {
        Page<Product> products = store.products(new ProductQuery(q, lowStock, archived, sort, page, size, group));
        Map<String, Long> incoming = store.purchasing()
                .incoming(products.items().stream().map(p -> p.sku().value()).toList());
        return products.map(p -> ProductView.of(p, incoming.getOrDefault(p.sku().value(), 0L)));
    }

    @GetMapping("/by-barcode/{code}")
    @Operation(
            summary = "Find a product by barcode",
            description = "The product whose barcode is exactly code (a product for sale before an archived one).")
    @ApiResponse(responseCode = "200", description = "The product")
    @ApiResponse(
            responseCode = "404",
            description = "No product has this barcode (code unknown-barcode)",
            content = @Content(mediaType = "application/problem+json"))
    ProductView byBarcode(@PathVariable String code) {
        return view(store.catalog().byBarcode(code));
    }

    @PostMapping("/bulk")
    @Operation(
            summary = "Change many products at once",
            description = "One all-or-nothing change to the products named in skus, or to every product matching "
                    + "filter (q, lowStock, archived, group, as in the list): set reorderThreshold, reorderQuantity, "
                    + "leadTimeDays or supplier (null clears), move prices by pricePercent (-99..1000, rounded to the "
                    + "currency), or archive. Audited as products.bulk-edited.")
    @ApiResponse(responseCode = "200", description = "What the edit matched and changed")
    @ApiResponse(
            responseCode = "400",
            description = "The request is invalid, or a price would leave the accepted range",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "A SKU named does not exist (code unknown-sku); nothing was changed",
            content = @Content(mediaType = "application/problem+json"))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BulkEditDoc.class)))
    BulkEdit.Result bulk(@RequestBody Map<String, Object> body) {
        return store.catalog().bulkEdit(BulkEditRequest.read(body));
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

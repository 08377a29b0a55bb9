package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.stockroom.Store;
import org.stockroom.sales.Purchase;
import org.stockroom.sales.PurchaseOutcome;
import org.stockroom.sales.PurchaseQuery;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.sales.PurchaseReturn;
import org.stockroom.sales.ReturnRequest;
import org.stockroom.support.Page;

@RestController
@Tag(name = "Purchases")
@RequestMapping("/api/purchases")
class PurchaseApi {

    private final Store store;

    PurchaseApi(Store store) {
        this.store = store;
    }

    @Operation(
            summary = "Make a purchase",
            description = "Takes every line from stock at once, or none: a line short of stock refuses the whole "
                    + "purchase. With an `Idempotency-Key`, a repeated request is answered with the first answer, "
                    + "marked `Idempotent-Replayed: true`.")
    @ApiResponse(responseCode = "201", description = "The purchase was made (or replayed)")
    @ApiResponse(
            responseCode = "409",
            description = "Not enough stock for a line: `insufficient-stock`, with `shortages`")
    @ApiResponse(
            responseCode = "422",
            description = "An unknown SKU (`unknown-sku`), an archived product (`product-archived`), or an "
                    + "Idempotency-Key reused with a different body (`idempotency-key-reused`)")
    @ApiResponse(
            responseCode = "503",
            description = "Busy (`busy`): the detail says whether the purchase may have been made; retry with the "
                    + "same Idempotency-Key, which answers the first outcome if it was")
    /** A replayed answer (same Idempotency-Key, same body) is the first answer again, marked with Idempotent-Replayed. */
    @PostMapping
    ResponseEntity<Purchase> purchase(
            @RequestBody PurchaseRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            UriComponentsBuilder uri) {
        PurchaseOutcome outcome = store.purchase(request, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(uri.path("/api/purchases/{id}")
                        .buildAndExpand(outcome.purchase().id())
                        .toUri())
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(outcome.purchase());
    }

    @Operation(
            summary = "List purchases",
            description = "A page of purchases, newest first, by store-calendar dates and SKU.")
    @GetMapping
    Page<Purchase> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String reference,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return store.purchases(new PurchaseQuery(from, to, sku, page, size, reference));
    }

    @Operation(summary = "Read a purchase", description = "One purchase with its lines and prices at the time of sale.")
    @GetMapping("/{id}")
    Purchase get(@PathVariable String id) {
        return store.purchase(id);
    }

    @Operation(
            summary = "Return units of a purchase",
            description = "Units go back to stock and come off units sold and revenue.")
    @ApiResponse(responseCode = "201", description = "The return was recorded")
    @ApiResponse(
            responseCode = "409",
            description = "More than was bought and not yet returned: `return-exceeds-purchase`")
    /** {@code {"lines":[{"sku":"LAP-001","quantity":1}],"note":"…"}}: units back to stock, off units sold and revenue. */
    @PostMapping("/{id}/returns")
    ResponseEntity<PurchaseReturn> returnUnits(@PathVariable String id, @RequestBody ReturnRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(store.returnUnits(id, request));
    }

    @Operation(summary = "List returns of a purchase", description = "Every return of one purchase, oldest first.")
    @GetMapping("/{id}/returns")
    List<PurchaseReturn> returns(@PathVariable String id) {
        return store.returnsOf(id);
    }
}

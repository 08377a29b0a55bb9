package org.stockroom.api;

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
@RequestMapping("/api/purchases")
class PurchaseApi {

    private final Store store;

    PurchaseApi(Store store) {
        this.store = store;
    }

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

    @GetMapping("/{id}")
    Purchase get(@PathVariable String id) {
        return store.purchase(id);
    }

    /** {@code {"lines":[{"sku":"LAP-001","quantity":1}],"note":"…"}}: units back to stock, off units sold and revenue. */
    @PostMapping("/{id}/returns")
    ResponseEntity<PurchaseReturn> returnUnits(@PathVariable String id, @RequestBody ReturnRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(store.returnUnits(id, request));
    }

    @GetMapping("/{id}/returns")
    List<PurchaseReturn> returns(@PathVariable String id) {
        return store.returnsOf(id);
    }
}

package org.stockroom.api;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.stockroom.Store;
import org.stockroom.stock.Adjustment;
import org.stockroom.stock.Movement;
import org.stockroom.stock.MovementQuery;
import org.stockroom.stock.MovementType;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Page;
import org.stockroom.support.Text;

@RestController
@RequestMapping("/api/products/{sku}")
class StockApi {

    record ReceiptRequest(Long quantity, String note) {
        ReceiptRequest {
            if (quantity == null || quantity < 1 || quantity > 1_000_000) {
                throw new InvalidRequestException("quantity", "must be a whole number from 1 to 1000000");
            }
            note = Text.clean("note", note, 500, false);
        }
    }

    private final Store store;

    StockApi(Store store) {
        this.store = store;
    }

    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    Movement receive(@PathVariable String sku, @RequestBody ReceiptRequest receipt) {
        return store.receive(sku, receipt.quantity(), receipt.note());
    }

    /** {@code {"delta":-2,"reason":"DAMAGED"}} or a stocktake {@code {"countedQuantity":17,"reason":"COUNT"}}. */
    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Movement adjust(@PathVariable String sku, @RequestBody Adjustment adjustment) {
        return store.adjust(sku, adjustment);
    }

    /** The ledger, newest first; {@code from}/{@code to} are dates of the store's calendar, both inclusive. */
    @GetMapping("/movements")
    Page<Movement> movements(
            @PathVariable String sku,
            @RequestParam(required = false) MovementType type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return store.movements(new MovementQuery(sku, type, from, to, page, size));
    }
}

package org.stockroom.api;

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
import org.stockroom.stock.Movement;
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

    @GetMapping("/movements")
    Page<Movement> movements(@PathVariable String sku,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        return store.movements(sku, page, size);
    }
}

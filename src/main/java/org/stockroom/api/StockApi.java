package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Stock")
@RequestMapping("/api/products/{sku}")
class StockApi {

    record StockReceiptRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "1000000", example = "20")
            Long quantity,

            @Schema(description = "Up to 500 characters", example = "PO-77")
            String note) {
        StockReceiptRequest {
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

    @Operation(
            summary = "Receive stock",
            description = "Adds delivered units to stock as a RECEIPT movement; may resolve a restock alert.")
    @ApiResponse(responseCode = "201", description = "The receipt movement")
    @ApiResponse(
            responseCode = "422",
            description = "The product is a bundle, whose stock is its components': `bundle-has-no-stock`",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    Movement receive(@PathVariable String sku, @RequestBody StockReceiptRequest receipt) {
        return store.receive(sku, receipt.quantity(), receipt.note());
    }

    @Operation(
            summary = "Adjust stock",
            description = "A change by `delta` (damage, loss, found units) or a stocktake by `countedQuantity`, "
                    + "with a reason; recorded as an ADJUSTMENT movement.")
    @ApiResponse(responseCode = "201", description = "The adjustment movement")
    @ApiResponse(responseCode = "409", description = "The change would take stock below zero: `insufficient-stock`")
    @ApiResponse(
            responseCode = "422",
            description = "The product is a bundle, whose stock is its components': `bundle-has-no-stock`",
            content = @Content(mediaType = "application/problem+json"))
    /** {@code {"delta":-2,"reason":"DAMAGED"}} or a stocktake {@code {"countedQuantity":17,"reason":"COUNT"}}. */
    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Movement adjust(@PathVariable String sku, @RequestBody Adjustment adjustment) {
        return store.adjust(sku, adjustment);
    }

    @Operation(
            summary = "List a product's movements",
            description = "The ledger of one product, newest first; `from`/`to` are store-calendar dates, inclusive.")
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

package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockroom.Store;
import org.stockroom.stock.Backorder;
import org.stockroom.support.NotFoundException;

@RestController
@RequestMapping("/api/backorders")
@Tag(name = "Backorders", description = "Units owed to orders taken while stock was short, filled by receipts")
class BackorderApi {

    private static final String PROBLEM = "application/problem+json";

    private final Store store;

    BackorderApi(Store store) {
        this.store = store;
    }

    @GetMapping
    @Operation(
            summary = "Backorders, newest first",
            description = "Of one status: open (the default), filled, cancelled or all; at most 500. `quantity` is "
                    + "the units owed when the order was taken, `filled` those delivered by receipts since.")
    @ApiResponse(responseCode = "200", description = "The backorders")
    @ApiResponse(
            responseCode = "400",
            description = "invalid-request: an unknown status",
            content = @Content(mediaType = PROBLEM))
    List<Backorder> list(@RequestParam(required = false) String status) {
        return store.backorders().list(status);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One backorder", description = "Its status, units owed and filled, and its purchase.")
    @ApiResponse(responseCode = "200", description = "The backorder")
    @ApiResponse(responseCode = "404", description = "unknown-backorder", content = @Content(mediaType = PROBLEM))
    Backorder get(@PathVariable String id) {
        return store.backorders().get(id(id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            summary = "Cancel a backorder",
            description = "The units it still owes are owed no more: the product's backordered and units sold fall, "
                    + "stock does not move, and the purchase records them as given back (a return without a movement), "
                    + "so its revenue falls too. Units filled already stay delivered.")
    @ApiResponse(responseCode = "200", description = "The backorder, now CANCELLED")
    @ApiResponse(responseCode = "404", description = "unknown-backorder", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "backorder-not-open: filled or cancelled already; backorder-of-bundle: it owes a bundle's "
                    + "component, which has no line of its own to give back; backorder-returned: the purchase's line "
                    + "was returned already",
            content = @Content(mediaType = PROBLEM))
    Backorder cancel(@PathVariable String id) {
        return store.backorders().cancel(id(id));
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("unknown-backorder", "No backorder with id " + id);
        }
    }
}

package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import org.stockroom.reservations.CommitOutcome;
import org.stockroom.reservations.Reservation;
import org.stockroom.reservations.ReservationOutcome;
import org.stockroom.reservations.ReservationRequest;
import org.stockroom.reservations.ReservationStatus;
import org.stockroom.sales.Purchase;
import org.stockroom.support.Choices;

@RestController
@RequestMapping("/api/reservations")
@Tag(name = "Reservations", description = "Stock held for unpaid orders and carts, with an expiry")
class ReservationApi {

    private static final String PROBLEM = "application/problem+json";

    private final Store store;

    ReservationApi(Store store) {
        this.store = store;
    }

    @PostMapping
    @Operation(
            summary = "Hold stock for an order or cart",
            description =
                    "Holds every line or none, from available units (on hand and not held). Optional "
                            + "Idempotency-Key as for purchases: a retry answers the first reservation with Idempotent-Replayed: true.")
    @ApiResponse(responseCode = "201", description = "Held; status ACTIVE until committed, released or expired")
    @ApiResponse(responseCode = "400", description = "invalid-request", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "insufficient-stock, with shortages against available",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "422",
            description = "unknown-sku, product-archived or idempotency-key-reused",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "503",
            description = "busy (not held; try again) or outcome-unknown (the shared commit was not confirmed: "
                    + "retry with the same Idempotency-Key)",
            content = @Content(mediaType = PROBLEM))
    ResponseEntity<Reservation> reserve(
            @RequestBody ReservationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            UriComponentsBuilder uri) {
        ReservationOutcome outcome = store.reservations().reserve(request, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(uri.path("/api/reservations/{id}")
                        .buildAndExpand(outcome.reservation().id())
                        .toUri())
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(outcome.reservation());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One reservation", description = "Its status, expiry, lines and, once committed, purchaseId.")
    @ApiResponse(responseCode = "200", description = "The reservation")
    @ApiResponse(responseCode = "404", description = "unknown-reservation", content = @Content(mediaType = PROBLEM))
    Reservation get(@PathVariable String id) {
        return store.reservations().get(id);
    }

    @GetMapping
    @Operation(
            summary = "Reservations, newest first",
            description = "Optionally of one status (active, committed, released, expired); at most 500.")
    @ApiResponse(responseCode = "200", description = "The reservations")
    @ApiResponse(
            responseCode = "400",
            description = "invalid-request: an unknown status",
            content = @Content(mediaType = PROBLEM))
    List<Reservation> list(@RequestParam(required = false) String status) {
        return store.reservations().list(status == null ? null : status(status));
    }

    @PostMapping("/{id}/commit")
    @Operation(
            summary = "Turn a reservation into a purchase",
            description = "A purchase of exactly the held lines at today's prices (SALE movements). Committing again "
                    + "answers 200 with the same purchase.")
    @ApiResponse(responseCode = "201", description = "The purchase made")
    @ApiResponse(responseCode = "200", description = "The purchase an earlier commit made")
    @ApiResponse(responseCode = "404", description = "unknown-reservation", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "reservation-not-active: released or expired",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "422",
            description = "product-archived: a held product was archived meanwhile",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "503",
            description = "busy (not committed; try again) or outcome-unknown (the shared commit was not "
                    + "confirmed: committing again is safe)",
            content = @Content(mediaType = PROBLEM))
    ResponseEntity<Purchase> commit(@PathVariable String id, UriComponentsBuilder uri) {
        CommitOutcome outcome = store.reservations().commit(id);
        return ResponseEntity.status(outcome.firstCommit() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(uri.path("/api/purchases/{id}")
                        .buildAndExpand(outcome.purchase().id())
                        .toUri())
                .body(outcome.purchase());
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Release a reservation",
            description = "Its units are available again. Releasing a released or expired one changes nothing.")
    @ApiResponse(responseCode = "204", description = "Released (or no longer holding anything)")
    @ApiResponse(responseCode = "404", description = "unknown-reservation", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "reservation-not-active: it was committed",
            content = @Content(mediaType = PROBLEM))
    ResponseEntity<Void> release(@PathVariable String id) {
        store.reservations().release(id);
        return ResponseEntity.noContent().build();
    }

    private static ReservationStatus status(String status) {
        return Choices.parse(ReservationStatus.class, "status", status);
    }
}

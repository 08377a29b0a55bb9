package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockroom.Store;
import org.stockroom.support.InvalidRequestException;

/** The ledger as CSV for accountants: every movement of a date range, oldest first. */
@RestController
@Tag(name = "Stock")
@RequestMapping("/api/exports")
class MovementExportApi {

    private final Store store;

    MovementExportApi(Store store) {
        this.store = store;
    }

    @Operation(
            summary = "Export the ledger as CSV",
            description = "Every movement of a date range (store calendar, both inclusive), oldest first, optionally "
                    + "for one SKU; streamed, so any range fits.")
    @ApiResponse(
            responseCode = "200",
            description = "The movements, streamed",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(
                                            type = "string",
                                            description = "RFC 4180 CSV with a header row",
                                            example = "id,at,sku,type,quantity,balance,actor,reason,note\n")))
    @GetMapping(path = "/movements", produces = "text/csv")
    ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> movements(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String sku) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (sku != null) {
            store.product(sku);
        }
        String name = "movements" + (from == null ? "" : "-from-" + from) + (to == null ? "" : "-to-" + to) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(out -> {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    store.exportMovements(from, to, sku, writer);
                    writer.flush();
                });
    }
}

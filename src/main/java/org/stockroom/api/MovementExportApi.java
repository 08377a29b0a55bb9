package org.stockroom.api;

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
@RequestMapping("/api/exports")
class MovementExportApi {

    private final Store store;

    MovementExportApi(Store store) {
        this.store = store;
    }

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

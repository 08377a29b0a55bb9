package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockroom.Store;
import org.stockroom.reports.Reorder;
import org.stockroom.reports.SalesReport;
import org.stockroom.reports.SalesSeries;
import org.stockroom.reports.SalesSort;
import org.stockroom.reports.SlowMovers;
import org.stockroom.reports.Valuation;

/** Reports as JSON, or as CSV with {@code Accept: text/csv} or {@code format=csv}. */
@RestController
@Tag(name = "Reports")
@RequestMapping("/api/reports")
class ReportApi {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final Store store;

    ReportApi(Store store) {
        this.store = store;
    }

    @Operation(
            summary = "Sales report",
            description =
                    "Purchases, units, revenue, cost and margin of a date range (store calendar, both inclusive), "
                            + "in total and per product, sorted by `sort` and cut at `limit`.")
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV with `format=csv` or `Accept: text/csv`",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = SalesReport.class)),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = "string",
                                        description = "RFC 4180 CSV with a header row",
                                        example =
                                                "sku,name,units,revenue,cost,margin\\nLAP-001,Laptop,3,2999.97,2100.00,899.97\\n"))
            })
    @GetMapping("/sales")
    ResponseEntity<?> sales(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        SalesReport report = store.salesReport(from, to, SalesSort.parse(sort), limit);
        return answer(format, accept, report, report::csv, "sales");
    }

    @Operation(
            summary = "Daily sales",
            description = "Units and revenue per day of a date range, every day present (zero when nothing sold), "
                    + "for the store or one SKU.")
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV with `format=csv` or `Accept: text/csv`",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = SalesSeries.class)),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = "string",
                                        description = "RFC 4180 CSV with a header row",
                                        example = "date,units,revenue\\n2026-11-01,4,1203.50\\n"))
            })
    @GetMapping("/sales/daily")
    ResponseEntity<?> daily(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        SalesSeries series = store.salesSeries(from, to, sku);
        return answer(format, accept, series, series::csv, "sales-daily");
    }

    @Operation(
            summary = "Slow movers",
            description =
                    "Products in stock that sold nothing (or little) in the last `days` days, with the value tied up.")
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV with `format=csv` or `Accept: text/csv`",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = SlowMovers.class)),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = "string",
                                        description = "RFC 4180 CSV with a header row",
                                        example = "sku,name,stock,lastSold,value\\n"))
            })
    @GetMapping("/slow")
    ResponseEntity<?> slow(
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        SlowMovers report = store.slowMovers(days);
        return answer(format, accept, report, report::csv, "slow-movers");
    }

    @Operation(
            summary = "Stock valuation",
            description = "What the stock on hand is worth at cost and at price, per product and in total.")
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV with `format=csv` or `Accept: text/csv`",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = Valuation.class)),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = "string",
                                        description = "RFC 4180 CSV with a header row",
                                        example = "sku,name,stock,cost,value\\n"))
            })
    @GetMapping("/valuation")
    ResponseEntity<?> valuation(
            @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        Valuation report = store.valuation();
        return answer(format, accept, report, report::csv, "valuation");
    }

    @Operation(
            summary = "Reorder suggestions",
            description = "What to order now and how much, from sales velocity, lead time and the threshold; "
                    + "`all=true` lists every product in the CSV.")
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV with `format=csv` or `Accept: text/csv`",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = Reorder.class)),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = "string",
                                        description = "RFC 4180 CSV with a header row",
                                        example = "sku,name,supplier,stock,suggested,orderCost\\n"))
            })
    @GetMapping("/reorder")
    ResponseEntity<?> reorder(
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestHeader(name = "Accept", required = false) String accept) {
        Reorder report = store.reorder();
        return answer(format, accept, report, () -> report.csv(all), "reorder");
    }

    private static ResponseEntity<?> answer(
            String format, String accept, Object json, Supplier<String> csv, String name) {
        if (wantsCsv(format, accept)) {
            return ResponseEntity.ok()
                    .contentType(CSV)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                    .body(csv.get());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    private static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw new org.stockroom.support.InvalidRequestException("format", "must be json or csv");
        }
        return accept != null
                && MediaType.parseMediaTypes(accept).stream()
                        .anyMatch(m ->
                                m.getType().equals("text") && m.getSubtype().equals("csv"));
    }
}

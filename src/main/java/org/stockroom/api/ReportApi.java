package org.stockroom.api;

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
@RequestMapping("/api/reports")
class ReportApi {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final Store store;

    ReportApi(Store store) {
        this.store = store;
    }

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

    @GetMapping("/slow")
    ResponseEntity<?> slow(
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        SlowMovers report = store.slowMovers(days);
        return answer(format, accept, report, report::csv, "slow-movers");
    }

    @GetMapping("/valuation")
    ResponseEntity<?> valuation(
            @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        Valuation report = store.valuation();
        return answer(format, accept, report, report::csv, "valuation");
    }

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

package org.stockroom.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.stockroom.Store;
import org.stockroom.reports.Reorder;
import org.stockroom.reports.SalesReport;
import org.stockroom.reports.SlowMovers;
import org.stockroom.reports.Valuation;
import org.stockroom.support.Page;
import org.stockroom.support.StoreCalendar;

/**
 * The reports as pages: sales for a range of dates (table, chart), what the stock is worth, what
 * to reorder, and what does not sell. Each downloads as the CSV the reports API writes.
 */
@Controller
@RequestMapping("/reports")
class ReportPages {

    /** Longer ranges still get the table and the CSV; a bar per day stops being readable. */
    static final int MAX_CHART_DAYS = 366;
    /** The sales page shows the best sellers and the other reports page their rows; the CSV has every product. */
    static final int TABLE_ROWS = 100;

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Store store;
    private final StoreCalendar calendar;
    private final Charts charts;
    private final Clock clock;

    ReportPages(Store store, StoreCalendar calendar, Charts charts, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.charts = charts;
        this.clock = clock;
    }

    @GetMapping
    String sales(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate today = calendar.dateOf(clock.instant());
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        SalesReport report = store.salesReport(start, end);
        model.addAttribute("report", report);
        model.addAttribute("rows", report.products().stream().limit(TABLE_ROWS).toList());
        model.addAttribute("rowsNotShown", Math.max(0, report.products().size() - TABLE_ROWS));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        if (ChronoUnit.DAYS.between(start, end) < MAX_CHART_DAYS) {
            model.addAttribute("salesChart", charts.dailySales(store.dailySales(start, end)));
        }
        return "reports/sales";
    }

    @GetMapping("/sales.csv")
    ResponseEntity<String> salesCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String name = "sales-" + (from == null ? "start" : from) + "-to-" + (to == null ? "now" : to) + ".csv";
        return csv(name, store.salesReport(from, to).csv());
    }

    @GetMapping("/valuation")
    String valuation(@RequestParam(defaultValue = "0") int page, Model model) {
        Valuation report;
        try {
            report = store.valuation();
        } catch (ArithmeticException e) {
            // Stored stock and prices the forms accept can multiply past what the report can add up;
            // the page says so rather than fail, and the products stay reachable from their list.
            return "reports/valuation-too-large";
        }
        model.addAttribute("report", report);
        model.addAttribute("rows", pageOf(report.products(), page));
        return "reports/valuation";
    }

    @GetMapping("/valuation.csv")
    ResponseEntity<String> valuationCsv() {
        Valuation report = store.valuation();
        return csv("valuation-" + report.date() + ".csv", report.csv());
    }

    /** Those to reorder and the overstocked ones, or with {@code all} every active product. */
    @GetMapping("/reorder")
    String reorder(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Reorder report = store.reorder();
        List<Reorder.Suggestion> toOrder =
                report.products().stream().filter(Reorder.Suggestion::reorder).toList();
        List<Reorder.Suggestion> shown = all
                ? report.products()
                : report.products().stream()
                        .filter(s -> s.reorder() || s.overstocked())
                        .toList();
        model.addAttribute("report", report);
        model.addAttribute("all", all);
        model.addAttribute("rows", pageOf(shown, page));
        model.addAttribute("toOrder", toOrder.size());
        model.addAttribute(
                "unitsToOrder",
                toOrder.stream()
                        .mapToLong(Reorder.Suggestion::suggestedQuantity)
                        .sum());
        model.addAttribute(
                "overstocked",
                report.products().stream()
                        .filter(Reorder.Suggestion::overstocked)
                        .count());
        return "reports/reorder";
    }

    @GetMapping("/reorder.csv")
    ResponseEntity<String> reorderCsv() {
        Reorder report = store.reorder();
        return csv("reorder-" + report.to() + ".csv", report.csv(true));
    }

    /** What to order, one line per product: the "copy as purchase list" of the reorder page. */
    @GetMapping("/purchase-list.csv")
    ResponseEntity<String> purchaseList() {
        Reorder report = store.reorder();
        return csv("purchase-list-" + report.to() + ".csv", report.csv());
    }

    @GetMapping("/slow")
    String slow(@RequestParam(required = false) Integer days, @RequestParam(defaultValue = "0") int page, Model model) {
        SlowMovers report = store.slowMovers(days);
        model.addAttribute("report", report);
        model.addAttribute("rows", pageOf(report.products(), page));
        return "reports/slow";
    }

    @GetMapping("/slow.csv")
    ResponseEntity<String> slowCsv(@RequestParam(required = false) Integer days) {
        SlowMovers report = store.slowMovers(days);
        return csv("slow-movers-" + report.days() + "-days.csv", report.csv());
    }

    private static <T> Page<T> pageOf(List<T> all, int page) {
        int last = Math.max(0, (all.size() - 1) / TABLE_ROWS);
        int shown = Math.min(Math.max(page, 0), last);
        int from = shown * TABLE_ROWS;
        return new Page<>(all.subList(from, Math.min(all.size(), from + TABLE_ROWS)), shown, TABLE_ROWS, all.size());
    }

    private static ResponseEntity<String> csv(String fileName, String body) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(body);
    }
}

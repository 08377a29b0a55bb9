package org.stockroom.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.stockroom.Store;
import org.stockroom.reports.SalesReport;
import org.stockroom.support.Csv;
import org.stockroom.support.StoreCalendar;

/** The sales report for a range of dates, as a table, a chart and a CSV file. */
@Controller
@RequestMapping("/reports")
class ReportPages {

    /** Longer ranges still get the table and the CSV; a bar per day stops being readable. */
    static final int MAX_CHART_DAYS = 366;
    /** The page shows the best sellers; the CSV has every product. */
    static final int TABLE_ROWS = 100;

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
    String sales(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
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
    void salesCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  HttpServletResponse response) throws IOException {
        SalesReport report = store.salesReport(from, to);
        String name = "sales-" + (from == null ? "start" : from) + "-to-" + (to == null ? "now" : to) + ".csv";
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        try (CSVPrinter csv = Csv.printer(out, "sku", "name", "unitsSold", "revenue", "cost", "margin", "stock", "needsRestock")) {
            for (SalesReport.ProductSales p : report.products()) {
                Csv.record(csv, p.sku(), Csv.text(p.name()), p.unitsSold(), p.revenue().toPlainString(), plain(p.cost()),
                        plain(p.margin()), p.stock(), p.needsRestock());
            }
        }
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}

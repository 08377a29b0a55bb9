package org.stockroom.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.stockroom.Store;
import org.stockroom.reports.DailySales;
import org.stockroom.reports.SalesReport;
import org.stockroom.support.StoreCalendar;

/** The first page: what is in stock, what sold today and this month, what needs attention. */
@Controller
class DashboardPage {

    static final int CHART_DAYS = 30;
    static final int TOP_SELLERS = 5;
    static final int ALERTS_SHOWN = 10;

    private final Store store;
    private final StoreCalendar calendar;
    private final Charts charts;
    private final java.time.Clock clock;

    DashboardPage(Store store, StoreCalendar calendar, Charts charts, java.time.Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.charts = charts;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        LocalDate today = calendar.dateOf(clock.instant());
        List<DailySales> days = store.dailySales(today.minusDays(CHART_DAYS - 1), today);
        SalesReport month = store.salesReport(today.withDayOfMonth(1), today);
        SalesReport lastDays = store.salesReport(today.minusDays(CHART_DAYS - 1), today);
        model.addAttribute("counts", store.stockCounts());
        model.addAttribute("dueOrders", store.purchasing().due());
        model.addAttribute("orderDay", store.purchasing().today());
        model.addAttribute("today", days.get(days.size() - 1));
        model.addAttribute("month", month.totals());
        model.addAttribute("days", days);
        model.addAttribute("salesChart", charts.dailySales(days));
        var alerts = store.openAlerts();
        model.addAttribute("alerts", alerts.stream().limit(ALERTS_SHOWN).toList());
        model.addAttribute("alertsNotShown", Math.max(0, alerts.size() - ALERTS_SHOWN));
        model.addAttribute(
                "topSellers", lastDays.products().stream().limit(TOP_SELLERS).toList());
        return "dashboard";
    }
}

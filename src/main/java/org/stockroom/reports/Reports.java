package org.stockroom.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.stockroom.catalog.Catalog;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Money;
import org.stockroom.support.StockroomProperties;
import org.stockroom.support.StoreCalendar;

/**
 * Reports: what sold, what stock is worth, what to reorder. They read the sales rollups (kept by
 * {@link SalesRollup} in each sale's transaction) and the catalog, never the purchase history, and
 * change nothing.
 */
@Service
public class Reports {

    /** The longest daily series one request may ask for (ten years). */
    static final int MAX_DAYS = 3660;

    private final RollupRepository rollups;
    private final Catalog catalog;
    private final StoreCalendar calendar;
    private final StockroomProperties properties;
    private final Clock clock;

    Reports(RollupRepository rollups, Catalog catalog, StoreCalendar calendar, StockroomProperties properties, Clock clock) {
        this.rollups = rollups;
        this.catalog = catalog;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sales between two dates of the store's calendar, both inclusive; either may be open. Highest revenue first. */
    public SalesReport sales(LocalDate from, LocalDate to) {
        return sales(from, to, SalesSort.REVENUE, null);
    }

    /**
     * Sales between two dates of the store's calendar (both inclusive, either open), net of returns,
     * in the given order; {@code limit} keeps the top N rows, while the totals stay those of every product.
     */
    public SalesReport sales(LocalDate from, LocalDate to, SalesSort sort, Integer limit) {
        checkRange(from, to);
        if (limit != null && limit < 1) {
            throw new InvalidRequestException("limit", "must be at least 1");
        }
        List<SalesReport.ProductSales> products = new ArrayList<>();
        Sum total = new Sum();
        for (RollupRepository.ProductRow row : rollups.salesByProduct(from, to)) {
            RollupRepository.Sums s = row.sums();
            total.add(s);
            BigDecimal revenue = money(s.revenue());
            BigDecimal cost = costOf(s);
            products.add(new SalesReport.ProductSales(row.sku(), row.name(), s.units(), revenue, cost, marginOf(revenue, cost),
                    row.stock(), row.stock() <= row.reorderThreshold()));
        }
        products.sort((sort == null ? SalesSort.REVENUE : sort).order());
        List<SalesReport.ProductSales> shown = limit == null || limit >= products.size() ? products : products.subList(0, limit);
        RollupRepository.Sums sums = total.sums();
        BigDecimal revenue = money(sums.revenue());
        BigDecimal cost = costOf(sums);
        return new SalesReport(from, to, currency(),
                new SalesReport.Totals(rollups.purchases(from, to), sums.units(), revenue, cost, marginOf(revenue, cost)),
                List.copyOf(shown));
    }

    /** Net sales per day, every day from {@code from} to {@code to} (defaults: the 30 days up to today); one product when {@code sku} is given. */
    public SalesSeries daily(LocalDate from, LocalDate to, String sku) {
        LocalDate end = to != null ? to : from != null ? from.plusDays(29) : today();
        LocalDate start = from != null ? from : end.minusDays(29);
        checkRange(start, end);
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new InvalidRequestException("to", "a daily series covers at most " + MAX_DAYS + " days");
        }
        if (sku != null) {
            catalog.get(sku);
        }
        Map<Long, RollupRepository.Sums> sold = new HashMap<>();
        rollups.days(start, end, sku).forEach(d -> sold.put(d.day(), d.sums()));
        List<SalesSeries.Day> days = new ArrayList<>();
        RollupRepository.Sums none = new RollupRepository.Sums(0, 0, 0, 0);
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            RollupRepository.Sums s = sold.getOrDefault(d.toEpochDay(), none);
            BigDecimal revenue = money(s.revenue());
            BigDecimal cost = costOf(s);
            days.add(new SalesSeries.Day(d, s.units(), revenue, cost, marginOf(revenue, cost)));
        }
        return new SalesSeries(start, end, currency(), sku, days);
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
    }

    LocalDate today() {
        return calendar.dateOf(clock.instant());
    }

    private String currency() {
        return properties.currency().getCurrencyCode();
    }

    private BigDecimal money(long stored) {
        return Money.fromColumn(stored, properties.currencyScale());
    }

    /** Unknown (null) as soon as any unit counted had no known cost: a partial cost would understate it. */
    private BigDecimal costOf(RollupRepository.Sums s) {
        return s.unknownCostUnits() != 0 ? null : money(s.cost());
    }

    private static BigDecimal marginOf(BigDecimal revenue, BigDecimal cost) {
        return cost == null ? null : revenue.subtract(cost);
    }

    private static final class Sum {
        long units;
        long revenue;
        long cost;
        long unknown;

        void add(RollupRepository.Sums s) {
            units += s.units();
            revenue += s.revenue();
            cost += s.cost();
            unknown += Math.abs(s.unknownCostUnits());
        }

        RollupRepository.Sums sums() {
            return new RollupRepository.Sums(units, revenue, cost, unknown);
        }
    }
}

package org.stockroom.reports;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
 * {@link org.stockroom.sales.SalesRollup} in each sale's transaction) and the catalog, never the purchase history, and
 * change nothing.
 */
@Service
public class Reports {

    /** The longest daily series one request may ask for (ten years). */
    static final int MAX_DAYS = 3660;

    private final RollupRepository rollups;
    private final StockRepository stock;
    private final Catalog catalog;
    private final StoreCalendar calendar;
    private final StockroomProperties properties;
    private final ReportsProperties settings;
    private final Clock clock;

    Reports(
            RollupRepository rollups,
            StockRepository stock,
            Catalog catalog,
            StoreCalendar calendar,
            StockroomProperties properties,
            ReportsProperties settings,
            Clock clock) {
        this.rollups = rollups;
        this.stock = stock;
        this.settings = settings;
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
            products.add(new SalesReport.ProductSales(
                    row.sku(),
                    row.name(),
                    s.units(),
                    revenue,
                    cost,
                    marginOf(revenue, cost),
                    row.stock(),
                    row.stock() - row.reserved() <= row.reorderThreshold()));
        }
        products.sort((sort == null ? SalesSort.REVENUE : sort).order());
        List<SalesReport.ProductSales> shown =
                limit == null || limit >= products.size() ? products : products.subList(0, limit);
        BigDecimal revenue = money(total.revenue);
        BigDecimal cost = total.unknown != 0 ? null : money(total.cost);
        return new SalesReport(
                from,
                to,
                currency(),
                new SalesReport.Totals(
                        rollups.purchases(from, to), total.units, revenue, cost, marginOf(revenue, cost)),
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

    /** Active products in stock without a sale in the last {@code days} days (default from the settings), most value first. */
    public SlowMovers slow(Integer days) {
        int n = days == null ? settings.slowMoverDays() : days;
        if (n < 1 || n > MAX_DAYS) {
            throw new InvalidRequestException("days", "must be 1.." + MAX_DAYS);
        }
        LocalDate today = today();
        LocalDate cutoff = today.minusDays(n);
        long createdBefore = calendar.endOf(cutoff);
        List<SlowMovers.Item> items = new ArrayList<>();
        long units = 0;
        BigInteger atCost = BigInteger.ZERO;
        long unknownProducts = 0;
        BigInteger unknownAtRetail = BigInteger.ZERO;
        for (StockRepository.ProductRow p : stock.activeProducts(true)) {
            boolean soldSince = p.lastSaleDay() != null && p.lastSaleDay() > cutoff.toEpochDay();
            if (soldSince || p.createdAt() >= createdBefore) {
                continue;
            }
            LocalDate lastSale = p.lastSaleDay() == null ? null : LocalDate.ofEpochDay(p.lastSaleDay());
            BigInteger value = times(p.stock(), p.cost() != null ? p.cost() : p.price());
            units = Math.addExact(units, p.stock());
            if (p.cost() != null) {
                atCost = atCost.add(value);
            } else {
                unknownProducts++;
                unknownAtRetail = unknownAtRetail.add(value);
            }
            items.add(new SlowMovers.Item(
                    p.sku(),
                    p.name(),
                    p.stock(),
                    lastSale,
                    lastSale == null ? null : ChronoUnit.DAYS.between(lastSale, today),
                    money(p.cost()),
                    money(p.price()),
                    money(value),
                    p.cost() != null ? "cost" : "retail"));
        }
        items.sort(Comparator.comparing(SlowMovers.Item::value).reversed().thenComparing(SlowMovers.Item::sku));
        return new SlowMovers(
                n,
                cutoff.plusDays(1),
                currency(),
                new SlowMovers.Totals(items.size(), units, money(atCost), unknownProducts, money(unknownAtRetail)),
                items);
    }

    /** Stock on hand of every active product in stock, at cost and at retail, by SKU. */
    public Valuation valuation() {
        List<Valuation.Item> items = new ArrayList<>();
        long units = 0;
        BigInteger atCost = BigInteger.ZERO;
        BigInteger atRetail = BigInteger.ZERO;
        long unknownProducts = 0;
        long unknownUnits = 0;
        for (StockRepository.ProductRow p : stock.activeProducts(true)) {
            // Up to a billion units at up to a trillion each: past what 64 bits hold, so in BigInteger.
            BigInteger retail = times(p.stock(), p.price());
            BigInteger cost = p.cost() == null ? null : times(p.stock(), p.cost());
            units = Math.addExact(units, p.stock());
            atRetail = atRetail.add(retail);
            if (cost == null) {
                unknownProducts++;
                unknownUnits = Math.addExact(unknownUnits, p.stock());
            } else {
                atCost = atCost.add(cost);
            }
            items.add(new Valuation.Item(
                    p.sku(), p.name(), p.stock(), money(p.cost()), money(p.price()), money(cost), money(retail)));
        }
        return new Valuation(
                today(),
                currency(),
                new Valuation.Totals(
                        items.size(), units, money(atCost), money(atRetail), unknownProducts, unknownUnits),
                items);
    }

    /**
     * Reorder suggestions for every active product: those to reorder first (least cover first),
     * then the rest by SKU. Demand is measured over the window of days ending today.
     */
    public Reorder reorder() {
        LocalDate to = today();
        LocalDate from = to.minusDays(settings.demandWindowDays() - 1L);
        Map<String, ReorderPlanner.Demand> demand = stock.demand(from, to);
        ReorderPlanner planner = new ReorderPlanner(settings, properties.currencyScale());
        List<Reorder.Suggestion> suggestions = new ArrayList<>();
        for (StockRepository.ProductRow p : stock.activeProducts(false)) {
            suggestions.add(planner.plan(
                    new ReorderPlanner.Product(
                            p.sku(),
                            p.name(),
                            p.supplier(),
                            p.available(),
                            p.reorderThreshold(),
                            p.reorderQuantity(),
                            p.leadTimeDays(),
                            money(p.cost()),
                            money(p.price()),
                            p.incoming(),
                            p.expectedOn() == null ? null : LocalDate.parse(p.expectedOn())),
                    demand.getOrDefault(p.sku(), ReorderPlanner.Demand.NONE)));
        }
        suggestions.sort(Comparator.comparing((Reorder.Suggestion s) -> !s.reorder())
                .thenComparing(Reorder.Suggestion::daysOfCover, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Reorder.Suggestion::sku));
        return new Reorder(
                from,
                to,
                currency(),
                new Reorder.Settings(
                        settings.demandWindowDays(),
                        settings.serviceLevel(),
                        planner.z(),
                        settings.defaultLeadTimeDays(),
                        settings.targetCoverDays(),
                        settings.overstockCoverDays()),
                suggestions);
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

    private BigDecimal money(BigInteger stored) {
        return stored == null ? null : Money.fromColumns(stored, properties.currencyScale());
    }

    private static BigInteger times(long units, long stored) {
        return BigInteger.valueOf(units).multiply(BigInteger.valueOf(stored));
    }

    private BigDecimal money(Long stored) {
        return Money.fromColumn(stored, properties.currencyScale());
    }

    /** Unknown (null) as soon as any unit counted had no known cost: a partial cost would understate it. */
    private BigDecimal costOf(RollupRepository.Sums s) {
        return s.unknownCostUnits() != 0 ? null : money(s.cost());
    }

    private static BigDecimal marginOf(BigDecimal revenue, BigDecimal cost) {
        return cost == null ? null : revenue.subtract(cost);
    }

    /** The totals over every product: each product's sums fit 64 bits (SalesRollup sees to it), their total need not. */
    private static final class Sum {
        long units;
        BigInteger revenue = BigInteger.ZERO;
        BigInteger cost = BigInteger.ZERO;
        long unknown;

        void add(RollupRepository.Sums s) {
            units = Math.addExact(units, s.units());
            revenue = revenue.add(BigInteger.valueOf(s.revenue()));
            cost = cost.add(BigInteger.valueOf(s.cost()));
            unknown = Math.addExact(unknown, Math.abs(s.unknownCostUnits()));
        }
    }
}

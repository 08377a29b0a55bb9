package org.stockroom.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The reorder arithmetic for one product, kept apart from the database so it can be checked by
 * hand (docs/manual.md, "Reorder formulas"). With W the window, x_i the net units of each day (days
 * without sales are 0), L the lead time, T the target cover, z the service level's z-score:
 * d = Σx/W, σ = √(Σx²/W − d²), safety = z·σ·√L, reorder point = ⌈d·L + safety⌉, and when
 * stock ≤ reorder point, order ⌈d·L + safety + d·T − stock⌉ rounded up to a multiple of the
 * reorder quantity.
 */
final class ReorderPlanner {

    /** What the planner needs to know of a product; money in the store's currency. */
    record Product(
            String sku,
            String name,
            String supplier,
            long stock,
            long reorderThreshold,
            Long reorderQuantity,
            Integer leadTimeDays,
            BigDecimal cost,
            BigDecimal price) {}

    /** Net units sold per day over the window: their sum and the sum of their squares. */
    record Demand(long units, long squares) {
        static final Demand NONE = new Demand(0, 0);
    }

    private static final double[] TENS = {1, 10, 100, 1_000};

    private final ReportsProperties settings;
    private final double z;
    private final int currencyScale;

    ReorderPlanner(ReportsProperties settings, int currencyScale) {
        this.settings = settings;
        this.z = NormalDistribution.inverse(settings.serviceLevel());
        this.currencyScale = currencyScale;
    }

    double z() {
        return z;
    }

    Reorder.Suggestion plan(Product p, Demand demand) {
        int window = settings.demandWindowDays();
        int lead = p.leadTimeDays() == null ? settings.defaultLeadTimeDays() : p.leadTimeDays();
        // Net of returns, a window can sum to less than nothing; that is no demand.
        double d = Math.max(0, (double) demand.units() / window);
        double sigma = d == 0 ? 0 : Math.sqrt(Math.max(0, (double) demand.squares() / window - d * d));
        double safety = z * sigma * Math.sqrt(lead);
        boolean fromDemand = d > 0;
        long reorderPoint;
        long quantity = 0;
        boolean reorder;
        if (fromDemand) {
            double point = d * lead + safety;
            reorderPoint = ceil(point);
            reorder = p.stock() <= reorderPoint;
            if (reorder) {
                quantity = Math.max(1, ceil(point + d * settings.targetCoverDays() - p.stock()));
            }
        } else {
            reorderPoint = p.reorderThreshold();
            reorder = p.stock() <= reorderPoint;
            if (reorder) {
                quantity = p.reorderQuantity() != null
                        ? p.reorderQuantity()
                        : Math.max(1, 2 * p.reorderThreshold() - p.stock());
            }
        }
        if (quantity > 0 && p.reorderQuantity() != null) {
            long pack = p.reorderQuantity();
            quantity = (quantity + pack - 1) / pack * pack;
        }
        BigDecimal cover = fromDemand ? decimal(p.stock() / d, 1) : null;
        boolean overstocked = fromDemand && p.stock() / d > settings.overstockCoverDays();
        long excess = overstocked ? p.stock() - ceil(d * settings.overstockCoverDays()) : 0;
        BigDecimal unitValue = p.cost() != null ? p.cost() : p.price();
        BigDecimal excessValue = overstocked
                ? unitValue.multiply(BigDecimal.valueOf(excess)).setScale(currencyScale, RoundingMode.HALF_EVEN)
                : null;
        BigDecimal orderCost = p.cost() == null
                ? null
                : p.cost().multiply(BigDecimal.valueOf(quantity)).setScale(currencyScale, RoundingMode.HALF_EVEN);
        return new Reorder.Suggestion(
                p.sku(),
                p.name(),
                p.supplier(),
                p.stock(),
                p.reorderThreshold(),
                p.reorderQuantity(),
                lead,
                p.leadTimeDays() == null,
                demand.units(),
                decimal(d, 3),
                decimal(sigma, 3),
                cover,
                decimal(safety, 2),
                reorderPoint,
                fromDemand ? "demand" : "threshold",
                reorder,
                quantity,
                p.cost(),
                orderCost,
                overstocked,
                excess,
                excessValue,
                overstocked ? (p.cost() != null ? "cost" : "retail") : null);
    }

    /** Up to the next whole unit, forgiving the float noise of sums that are whole numbers on paper. */
    private static long ceil(double units) {
        return (long) Math.ceil(units - 1e-9);
    }

    /**
     * {@code BigDecimal.valueOf(value).setScale(scale, HALF_UP)}: the value's shortest decimal
     * form rounded half up. Java 17's {@code Double.toString} behind it takes most of a reorder
     * report's time over 10,000 products, so a value clearly away from a half is rounded in binary,
     * which gives the same digits; only near a half does the decimal form decide.
     */
    static BigDecimal decimal(double value, int scale) {
        double scaled = value * TENS[scale];
        if (Math.abs(scaled) < 1e9 && Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6) {
            return BigDecimal.valueOf(Math.round(scaled), scale);
        }
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }
}

package org.stockroom.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Crafted histories with the expected figures worked out by hand. Defaults: window W = 28 days,
 * service level 95% (z = 1.644853627), default lead time 7 days, target cover T = 30 days,
 * overstock above 120 days of cover.
 */
class ReorderPlannerTests {

    private final ReorderPlanner planner = new ReorderPlanner(new ReportsProperties(28, 0.95, 7, 30, 120, 60), 2);

    private static ReorderPlanner.Product product(
            long stock, long threshold, Long reorderQuantity, Integer leadTime, String cost) {
        return new ReorderPlanner.Product(
                "P-1",
                "Product",
                null,
                stock,
                threshold,
                reorderQuantity,
                leadTime,
                cost == null ? null : new BigDecimal(cost),
                new BigDecimal("10.00"));
    }

    /** Sum and sum of squares of the window's daily units. */
    private static ReorderPlanner.Demand days(long... units) {
        long sum = 0;
        long squares = 0;
        for (long u : units) {
            sum += u;
            squares += u * u;
        }
        return new ReorderPlanner.Demand(sum, squares);
    }

    private static long[] every(int days, long units) {
        long[] history = new long[days];
        java.util.Arrays.fill(history, units);
        return history;
    }

    @Test
    void steadyDemandNeedsNoSafetyStock() {
        // 2 units every day: d = 56/28 = 2, σ = √(112/28 − 4) = 0, safety 0.
        // L = 7: reorder point = 2·7 = 14; stock 10 ≤ 14, cover = 10/2 = 5.0 days.
        // Order up to 14 + 2·30 = 74: 74 − 10 = 64, rounded up to packs of 25 = 75.
        Reorder.Suggestion s = planner.plan(product(10, 3, 25L, 7, "4.00"), days(every(28, 2)));
        assertThat(s.demandPerDay()).isEqualByComparingTo("2");
        assertThat(s.demandStdDev()).isEqualByComparingTo("0");
        assertThat(s.safetyStock()).isEqualByComparingTo("0");
        assertThat(s.reorderPoint()).isEqualTo(14);
        assertThat(s.daysOfCover()).isEqualByComparingTo("5.0");
        assertThat(s.reorder()).isTrue();
        assertThat(s.suggestedQuantity()).isEqualTo(75);
        assertThat(s.basis()).isEqualTo("demand");
        assertThat(s.overstocked()).isFalse();
    }

    @Test
    void spikyDemandAddsSafetyStockForItsVariability() {
        // 27 days of 0 and one day of 28: d = 28/28 = 1, Σx² = 784, σ = √(784/28 − 1²) = √27 = 5.196152.
        // L = 4: safety = 1.644853627 · 5.196152 · √4 = 17.093820; reorder point = ⌈1·4 + 17.093820⌉ = ⌈21.093820⌉ =
        // 22.
        // Stock 15 ≤ 22: order ⌈21.093820 + 1·30 − 15⌉ = ⌈36.093820⌉ = 37 (no pack size). Cover 15/1 = 15.0 days.
        long[] history = new long[28];
        history[13] = 28;
        Reorder.Suggestion s = planner.plan(product(15, 3, null, 4, "4.00"), days(history));
        assertThat(s.demandPerDay()).isEqualByComparingTo("1");
        assertThat(s.demandStdDev()).isEqualByComparingTo("5.196");
        assertThat(s.safetyStock()).isEqualByComparingTo("17.09");
        assertThat(s.reorderPoint()).isEqualTo(22);
        assertThat(s.suggestedQuantity()).isEqualTo(37);
        assertThat(s.daysOfCover()).isEqualByComparingTo("15.0");
    }

    @Test
    void noHistoryFallsBackToTheThreshold() {
        // No sales in the window: d = 0, no cover figure; reorder point = threshold 5; stock 2 ≤ 5.
        // With a pack of 12: order 12. Without: up to twice the threshold, 2·5 − 2 = 8.
        Reorder.Suggestion packed = planner.plan(product(2, 5, 12L, null, null), ReorderPlanner.Demand.NONE);
        assertThat(packed.basis()).isEqualTo("threshold");
        assertThat(packed.reorderPoint()).isEqualTo(5);
        assertThat(packed.daysOfCover()).isNull();
        assertThat(packed.reorder()).isTrue();
        assertThat(packed.suggestedQuantity()).isEqualTo(12);
        assertThat(packed.leadTimeDays()).isEqualTo(7);
        assertThat(packed.leadTimeDefaulted()).isTrue();
        assertThat(planner.plan(product(2, 5, null, null, null), ReorderPlanner.Demand.NONE)
                        .suggestedQuantity())
                .isEqualTo(8);
        // Above the threshold nothing is ordered, and no demand is never "overstocked" (the slow report shows it).
        Reorder.Suggestion idle = planner.plan(product(500, 5, null, null, "1.00"), ReorderPlanner.Demand.NONE);
        assertThat(idle.reorder()).isFalse();
        assertThat(idle.suggestedQuantity()).isZero();
        assertThat(idle.overstocked()).isFalse();
    }

    @Test
    void aLongLeadTimeRaisesTheReorderPoint() {
        // 3 units every day: d = 3, σ = 0. L = 60: reorder point = 3·60 = 180; stock 100 ≤ 180, cover 100/3 = 33.3
        // days.
        // Order up to 180 + 3·30 = 270: 270 − 100 = 170, in packs of 50 → 200.
        Reorder.Suggestion s = planner.plan(product(100, 10, 50L, 60, "2.00"), days(every(28, 3)));
        assertThat(s.reorderPoint()).isEqualTo(180);
        assertThat(s.daysOfCover()).isEqualByComparingTo("33.3");
        assertThat(s.suggestedQuantity()).isEqualTo(200);
        assertThat(s.leadTimeDefaulted()).isFalse();
    }

    @Test
    void moreThanTheCoverLimitIsOverstockedWithTheExcessValued() {
        // 1 unit every other day: Σx = 14, d = 0.5; Σx² = 14, σ = √(14/28 − 0.25) = 0.5.
        // Default L = 7: safety = 1.644853627 · 0.5 · √7 = 2.175937; reorder point = ⌈3.5 + 2.175937⌉ = 6.
        // Stock 200: cover 200/0.5 = 400 days > 120 → overstocked; excess = 200 − 0.5·120 = 140 units, at cost 4.00 =
        // 560.00.
        long[] history = new long[28];
        for (int i = 0; i < 28; i += 2) {
            history[i] = 1;
        }
        Reorder.Suggestion s = planner.plan(product(200, 5, null, null, "4.00"), days(history));
        assertThat(s.demandStdDev()).isEqualByComparingTo("0.5");
        assertThat(s.safetyStock()).isEqualByComparingTo("2.18");
        assertThat(s.reorderPoint()).isEqualTo(6);
        assertThat(s.reorder()).isFalse();
        assertThat(s.daysOfCover()).isEqualByComparingTo("400.0");
        assertThat(s.overstocked()).isTrue();
        assertThat(s.excessUnits()).isEqualTo(140);
        assertThat(s.excessValue()).isEqualByComparingTo("560.00");
        assertThat(s.excessValueBasis()).isEqualTo("cost");
        // Without a cost the excess is valued at retail (10.00), and says so.
        Reorder.Suggestion retail = planner.plan(product(200, 5, null, null, null), days(history));
        assertThat(retail.excessValue()).isEqualByComparingTo("1400.00");
        assertThat(retail.excessValueBasis()).isEqualTo("retail");
    }

    @Test
    void returnsThatOutweighSalesAreNoDemand() {
        Reorder.Suggestion s = planner.plan(product(4, 5, null, null, null), new ReorderPlanner.Demand(-3, 9));
        assertThat(s.basis()).isEqualTo("threshold");
        assertThat(s.demandPerDay()).isEqualByComparingTo("0");
    }

    @Test
    void figuresAreTheShortestDecimalFormRoundedHalfUpAlsoNearAHalf() {
        java.util.Random random = new java.util.Random(7);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(
                0.15, 2.0005, 22.05, 0.125, 1.0 / 28, 44 / 2.0, 0.0, 2.675, 1.005, 1e-9, 123_456.7895));
        for (int i = 0; i < 100_000; i++) {
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(7)));
            values.add(random.nextInt(100_000) / (double) (1 + random.nextInt(56)));
            values.add(random.nextInt(100_000) / 2000.0);
        }
        for (double value : values) {
            for (int scale = 1; scale <= 3; scale++) {
                assertThat(ReorderPlanner.decimal(value, scale))
                        .as("%s at scale %d", value, scale)
                        .isEqualTo(BigDecimal.valueOf(value).setScale(scale, java.math.RoundingMode.HALF_UP));
            }
        }
    }
}

package org.stockroom.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Reorder suggestions for the active products: demand per day over the demand window (net of
 * returns), days of cover, reorder point with safety stock, the quantity to order, and overstock.
 */
public record Reorder(LocalDate from, LocalDate to, String currency, Settings settings, List<Suggestion> products) {

    /** The settings the figures were computed with; {@code z} is the service level's z-score. */
    public record Settings(
            int demandWindowDays,
            double serviceLevel,
            double z,
            int defaultLeadTimeDays,
            int targetCoverDays,
            int overstockCoverDays) {}

    /**
     * One product. {@code daysOfCover} is null when there is no demand. {@code basis} says how the
     * reorder point was found: {@code demand}, or {@code threshold} for a product without sales in
     * the window. {@code orderCost} is the suggested quantity at the product's cost, null when the
     * cost is unknown. {@code excessValue} is at cost, or at retail when the cost is unknown ({@code excessValueBasis}).
     * {@code incoming} is what sent purchase orders still bring (already counted against the
     * suggestion), {@code expectedOn} the earliest date one of them is expected (null: none, or no date).
     */
    public record Suggestion(
            String sku,
            String name,
            String supplier,
            long stock,
            long reorderThreshold,
            Long reorderQuantity,
            int leadTimeDays,
            boolean leadTimeDefaulted,
            long unitsInWindow,
            BigDecimal demandPerDay,
            BigDecimal demandStdDev,
            BigDecimal daysOfCover,
            BigDecimal safetyStock,
            long reorderPoint,
            String basis,
            boolean reorder,
            long suggestedQuantity,
            BigDecimal unitCost,
            BigDecimal orderCost,
            boolean overstocked,
            long excessUnits,
            BigDecimal excessValue,
            String excessValueBasis,
            long incoming,
            LocalDate expectedOn) {}

    /** A purchase list: the products to reorder, what to order of each and what it costs, with the figures behind it. */
    public String csv() {
        return csv(false);
    }

    /** As {@link #csv()}, or every active product when {@code all}, with its overstock. */
    public String csv(boolean all) {
        return ReportCsv.write(
                List.of(
                        "sku",
                        "name",
                        "supplier",
                        "suggestedQuantity",
                        "unitCost",
                        "orderCost",
                        "stock",
                        "demandPerDay",
                        "daysOfCover",
                        "leadTimeDays",
                        "safetyStock",
                        "reorderPoint",
                        "basis",
                        "reorder",
                        "overstocked",
                        "excessUnits",
                        "excessValue"),
                products.stream()
                        .filter(p -> all || p.reorder())
                        .map(p -> Arrays.<Object>asList(
                                p.sku(),
                                p.name(),
                                p.supplier(),
                                p.suggestedQuantity(),
                                p.unitCost(),
                                p.orderCost(),
                                p.stock(),
                                p.demandPerDay(),
                                p.daysOfCover(),
                                p.leadTimeDays(),
                                p.safetyStock(),
                                p.reorderPoint(),
                                p.basis(),
                                p.reorder(),
                                p.overstocked(),
                                p.excessUnits(),
                                p.excessValue()))
                        .toList());
    }
}

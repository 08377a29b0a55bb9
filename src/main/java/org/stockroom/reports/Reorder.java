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
    public record Settings(int demandWindowDays, double serviceLevel, double z, int defaultLeadTimeDays, int targetCoverDays,
                           int overstockCoverDays) {}

    /**
     * One product. {@code daysOfCover} is null when there is no demand. {@code basis} says how the
     * reorder point was found: {@code demand}, or {@code threshold} for a product without sales in
     * the window. {@code excessValue} is at cost, or at retail when the cost is unknown ({@code excessValueBasis}).
     * {@code unitCost} is the product's cost, null when unknown.
     */
    public record Suggestion(String sku, String name, long stock, long reorderThreshold, Long reorderQuantity, int leadTimeDays,
                             boolean leadTimeDefaulted, long unitsInWindow, BigDecimal demandPerDay, BigDecimal demandStdDev,
                             BigDecimal daysOfCover, BigDecimal safetyStock, long reorderPoint, String basis, boolean reorder,
                             long suggestedQuantity, boolean overstocked, long excessUnits, BigDecimal excessValue,
                             String excessValueBasis, BigDecimal unitCost) {}

    public String csv() {
        return ReportCsv.write(List.of("sku", "name", "stock", "demandPerDay", "daysOfCover", "leadTimeDays", "safetyStock",
                        "reorderPoint", "basis", "reorder", "suggestedQuantity", "overstocked", "excessUnits", "excessValue"),
                products.stream().map(p -> Arrays.<Object>asList(p.sku(), p.name(), p.stock(), p.demandPerDay(), p.daysOfCover(),
                        p.leadTimeDays(), p.safetyStock(), p.reorderPoint(), p.basis(), p.reorder(), p.suggestedQuantity(),
                        p.overstocked(), p.excessUnits(), p.excessValue())).toList());
    }

    /** The products to reorder and how many of each, to send to suppliers: unknown unit costs are empty cells. */
    public String purchaseListCsv() {
        return ReportCsv.write(List.of("sku", "name", "quantity", "unitCost"),
                products.stream().filter(p -> p.reorder() && p.suggestedQuantity() > 0)
                        .map(p -> Arrays.<Object>asList(p.sku(), p.name(), p.suggestedQuantity(), p.unitCost())).toList());
    }
}

package org.stockroom.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reports ({@code stockroom.reports.*}).
 *
 * @param demandWindowDays days of sales (up to today) that demand per day and its variability are measured over
 * @param serviceLevel the wished probability of not running out during a lead time; sets the safety stock's z-score
 * @param defaultLeadTimeDays the lead time of a product that has none recorded
 * @param targetCoverDays days of demand an order should cover beyond the lead time
 * @param overstockCoverDays days of cover above which a product is flagged overstocked
 * @param slowMoverDays days without a sale after which a product in stock is a slow mover (default of the slow report)
 */
@ConfigurationProperties("stockroom.reports")
public record ReportsProperties(
        @DefaultValue("28") int demandWindowDays,
        @DefaultValue("0.95") double serviceLevel,
        @DefaultValue("7") int defaultLeadTimeDays,
        @DefaultValue("30") int targetCoverDays,
        @DefaultValue("120") int overstockCoverDays,
        @DefaultValue("60") int slowMoverDays) {

    public ReportsProperties {
        if (demandWindowDays < 1 || demandWindowDays > 366) {
            throw new IllegalArgumentException("stockroom.reports.demand-window-days must be 1..366");
        }
        if (!(serviceLevel >= 0.5 && serviceLevel < 1)) {
            throw new IllegalArgumentException("stockroom.reports.service-level must be at least 0.5 and below 1");
        }
        if (defaultLeadTimeDays < 0 || targetCoverDays < 0 || overstockCoverDays < 1 || slowMoverDays < 1) {
            throw new IllegalArgumentException(
                    "stockroom.reports day counts must not be negative (cover limit and slow days at least 1)");
        }
    }
}

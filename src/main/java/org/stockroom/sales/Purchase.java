package org.stockroom.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.stockroom.alerts.AlertLevel;

/**
 * A completed purchase with the unit prices at the time of sale. {@code alerts} are the restock
 * alerts this purchase raised or escalated; they are only known on the answer to the purchase itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Purchase(
        String id,
        String reference,
        Instant createdAt,
        String currency,
        BigDecimal total,
        List<Line> lines,
        List<RaisedAlert> alerts) {

    public record Line(String sku, String name, long quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}

    public record RaisedAlert(String sku, AlertLevel level, long stock, long reorderThreshold) {}
}

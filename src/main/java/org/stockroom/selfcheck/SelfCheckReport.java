package org.stockroom.selfcheck;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of the self-check: {@code ok} exactly when no discrepancy was found among the
 * {@code checked} products.
 */
public record SelfCheckReport(boolean ok, long checked, List<Discrepancy> discrepancies) {

    /**
     * One disagreement: {@code expected} is what the records say (the ledger, the sales and returns,
     * the thresholds), {@code actual} what is stored. Both are text so that counts and alert levels
     * share one shape; {@code detail} points at the row concerned when there is one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Discrepancy(String sku, String check, String expected, String actual, String detail) {}
}

package org.stockroom.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/**
 * Amounts at the top of the accepted range (prices just under a trillion, a billion units in
 * stock, a million per line) are exact everywhere they are stored or summed, or refused with 422
 * {@code amount-too-large} and the maximum; never wrapped around, never a 500.
 */
class AmountLimitsTests extends ApiTestSupport {

    private static final String TOP_PRICE = "999999999999.99";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPurchasePastTheStatedMaximumIsRefusedAndChangesNothing() {
        api.post("/api/products", product("GOLD-1", TOP_PRICE, 1000, 0));

        Api.Response refused = api.post("/api/purchases", purchase("GOLD-1", 1000));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("amount-too-large");
        assertThat(refused.json().get("maximum").decimalValue()).isEqualByComparingTo("100000000000000");
        assertThat(api.get("/api/products/GOLD-1").json().get("stock").asLong()).isEqualTo(1000);
        assertThat(api.get("/api/purchases").json().get("total").asLong()).isZero();
    }

    @Test
    void aPurchaseJustUnderTheMaximumIsStoredExactly() {
        api.post("/api/products", product("GOLD-1", TOP_PRICE, 1000, 0));

        Api.Response bought = api.post("/api/purchases", purchase("GOLD-1", 100));

        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        assertThat(bought.json().get("total").decimalValue()).isEqualByComparingTo("99999999999999");
        String id = bought.json().get("id").asString();
        assertThat(api.get("/api/purchases/" + id).json().get("total").decimalValue())
                .isEqualByComparingTo("99999999999999");
        assertThat(api.get("/api/reports/sales")
                        .json()
                        .get("totals")
                        .get("revenue")
                        .decimalValue())
                .isEqualByComparingTo("99999999999999");
    }

    @Test
    void theValuationOfABillionUnitsAtTheTopPriceIsExact() {
        api.post("/api/products", product("GOLD-1", TOP_PRICE, 1_000_000_000, 0));
        api.post("/api/products", product("GOLD-2", TOP_PRICE, 1_000_000_000, 0));

        Api.Response valuation = api.get("/api/reports/valuation");

        assertThat(valuation.status()).as(valuation.toString()).isEqualTo(200);
        assertThat(valuation.json().get("totals").get("valueAtRetail").decimalValue())
                .isEqualByComparingTo(new BigDecimal(TOP_PRICE).multiply(new BigDecimal("2000000000")));
        assertThat(valuation.json().get("products").get(0).get("valueAtRetail").decimalValue())
                .isEqualByComparingTo(new BigDecimal(TOP_PRICE).multiply(new BigDecimal("1000000000")));
    }

    @Test
    void salesReportTotalsOverProductsWhoseSumPasses64BitsAreExact() {
        api.post("/api/products", product("GOLD-1", TOP_PRICE, 10, 0));
        api.post("/api/products", product("GOLD-2", TOP_PRICE, 10, 0));
        // Two products whose all-time sales are each near the most a stored sum holds; their total is
        // past what 64 bits hold (as after years of sales), which the report must still add exactly.
        long nearMax = 5_000_000_000_000_000_000L;
        for (String sku : new String[] {"GOLD-1", "GOLD-2"}) {
            jdbc.sql("INSERT INTO sales_total (sku, units, revenue, cost, unknown_cost_units, last_sale_day)"
                            + " VALUES (:sku, 1, :revenue, 0, 1, 20000)")
                    .param("sku", sku)
                    .param("revenue", nearMax)
                    .update();
        }

        Api.Response report = api.get("/api/reports/sales");

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().get("totals").get("revenue").decimalValue()).isEqualByComparingTo("1000000000000000");
    }

    @Test
    void aPurchaseThatWouldPushAStoredSumPastItsMaximumIsRefused() {
        api.post("/api/products", product("GOLD-1", TOP_PRICE, 1000, 0));
        for (int i = 0; i < 9; i++) {
            assertThat(api.post("/api/purchases", purchase("GOLD-1", 100)).status())
                    .isEqualTo(201);
        }

        Api.Response refused = api.post("/api/purchases", purchase("GOLD-1", 100));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("amount-too-large");
        assertThat(api.get("/api/products/GOLD-1").json().get("stock").asLong()).isEqualTo(100);
        assertThat(api.get("/api/reports/sales")
                        .json()
                        .get("totals")
                        .get("revenue")
                        .decimalValue())
                .isEqualByComparingTo("899999999999991");
    }
}

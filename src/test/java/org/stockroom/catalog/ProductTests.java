package org.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stockroom.support.DomainException;

class ProductTests {

    static Product laptopWithStock(long stock, long threshold) {
        return new Product(
                new Sku("LAP-001"),
                "Laptop",
                new BigDecimal("999.99"),
                stock,
                0,
                0,
                threshold,
                0,
                null,
                null,
                null,
                null,
                null,
                false,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void needsRestockAtOrBelowTheThreshold() {
        assertThat(laptopWithStock(4, 3).needsRestock()).isFalse();
        assertThat(laptopWithStock(3, 3).needsRestock()).isTrue();
        assertThat(laptopWithStock(0, 3).needsRestock()).isTrue();
    }

    @Test
    void aSkuOutsideThePatternCannotExist() {
        assertThatThrownBy(() -> new Sku("has space")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Sku("x".repeat(65))).isInstanceOf(DomainException.class);
        assertThat(new Sku("a.B_c-9").value()).isEqualTo("a.B_c-9");
    }

    private static Product receivedWithCost(long stockAfter, String cost) {
        Product p = laptopWithStock(stockAfter, 0);
        return new Product(
                p.sku(),
                p.name(),
                p.price(),
                p.stock(),
                0,
                0,
                p.reorderThreshold(),
                p.unitsSold(),
                cost == null ? null : new BigDecimal(cost),
                null,
                null,
                null,
                null,
                false,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void theCostAfterAReceiptIsTheMovingAverageRoundedHalfEvenToTheCurrency() {
        // 10 on hand at 10.00, 4 received at 12.00: 148 / 14 = 10.5714… → 10.57
        assertThat(receivedWithCost(14, "10.00").costAfterReceiving(4, new BigDecimal("12.00"), 2))
                .isEqualByComparingTo("10.57");
        // 6 at 113.33 and 6 at 120.00: 116.665 → 116.66 (half-even; half-up would give 116.67)
        assertThat(receivedWithCost(12, "113.33").costAfterReceiving(6, new BigDecimal("120.00"), 2))
                .isEqualTo(new BigDecimal("116.66"));
        // large exact values lose nothing: 999,999 at 0.01 and 1 at 999,999,999.99
        assertThat(receivedWithCost(1_000_000, "0.01").costAfterReceiving(1, new BigDecimal("999999999.99"), 2))
                .isEqualByComparingTo("1000.01");
    }

    @Test
    void stockOfUnknownCostTakesTheReceiptsCost() {
        assertThat(receivedWithCost(5, null).costAfterReceiving(2, new BigDecimal("3.50"), 2))
                .isEqualByComparingTo("3.50");
        assertThat(receivedWithCost(2, "9.99").costAfterReceiving(2, new BigDecimal("3.50"), 2))
                .as("nothing was on hand before")
                .isEqualByComparingTo("3.50");
    }
}

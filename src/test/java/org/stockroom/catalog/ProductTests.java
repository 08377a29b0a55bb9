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
    void sellingTakesStockAndCountsUnitsSold() {
        Product after = laptopWithStock(5, 2).sell(3);
        assertThat(after.stock()).isEqualTo(2);
        assertThat(after.unitsSold()).isEqualTo(3);
    }

    @Test
    void refusesToSellMoreThanIsOnHand() {
        assertThatThrownBy(() -> laptopWithStock(2, 1).sell(3))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.code()).isEqualTo("insufficient-stock");
                    assertThat(e.shortages()).containsExactly(new InsufficientStockException.Shortage("LAP-001", 3, 2));
                });
    }

    @Test
    void anArchivedProductCannotBeSold() {
        Product archived = new Product(
                new Sku("OLD-1"),
                "Old",
                BigDecimal.ONE,
                5,
                1,
                0,
                null,
                null,
                null,
                null,
                null,
                true,
                Instant.EPOCH,
                Instant.EPOCH);
        assertThatThrownBy(() -> archived.sell(1))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("product-archived"));
    }

    @Test
    void aSkuOutsideThePatternCannotExist() {
        assertThatThrownBy(() -> new Sku("has space")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Sku("x".repeat(65))).isInstanceOf(DomainException.class);
        assertThat(new Sku("a.B_c-9").value()).isEqualTo("a.B_c-9");
    }
}

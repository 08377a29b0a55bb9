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
}

package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.stockroom.support.StockroomProperties;

class FormatsTests {

    private static Formats in(String currency) {
        return new Formats(new StockroomProperties(
                Currency.getInstance(currency),
                ZoneId.of("UTC"),
                Path.of("."),
                Duration.ofHours(48),
                org.springframework.util.unit.DataSize.ofMegabytes(1),
                "system",
                true));
    }

    @Test
    void moneyIsGroupedByThousandsAtTheCurrencysScale() {
        Formats usd = in("USD");
        assertThat(usd.money(new BigDecimal("0"))).isEqualTo("0.00");
        assertThat(usd.money(new BigDecimal("999.5"))).isEqualTo("999.50");
        assertThat(usd.money(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.89");
        assertThat(usd.money(new BigDecimal("-1000"))).isEqualTo("-1,000.00");
        assertThat(in("JPY").money(new BigDecimal("123456"))).isEqualTo("123,456");
        assertThat(usd.money(null)).isEqualTo("–");
    }
}

package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockroom.accounts.Role;
import org.stockroom.settings.StoreSettings;
import org.stockroom.settings.StoreSettings.CurrencyDisplay;
import org.stockroom.support.StockroomProperties;

class FormatsTests {

    private static Formats in(String currency) {
        return in(currency, CurrencyDisplay.CODE, "UTC");
    }

    private static Formats in(String currency, CurrencyDisplay display, String zone) {
        return new Formats(
                new StockroomProperties(
                        Currency.getInstance(currency),
                        ZoneId.of("UTC"),
                        Path.of("."),
                        Duration.ofHours(48),
                        org.springframework.util.unit.DataSize.ofMegabytes(1),
                        "system",
                        true),
                () -> new StoreSettings(display, ZoneId.of(zone), List.of(), null, null));
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

    @Test
    void aPriceCarriesTheCurrencyAsTheSettingsSay() {
        assertThat(in("USD").price(new BigDecimal("1234.5"))).isEqualTo("USD 1,234.50");
        assertThat(in("USD", CurrencyDisplay.SYMBOL, "UTC").price(new BigDecimal("1234.5")))
                .isEqualTo("$1,234.50");
        assertThat(in("EUR", CurrencyDisplay.SYMBOL, "UTC").price(new BigDecimal("-3")))
                .isEqualTo("-€3.00");
    }

    @Test
    void timesAreShownInTheZoneTheSettingsName() {
        Instant noonUtc = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(in("USD").dateTime(noonUtc)).isEqualTo("2026-11-25 12:00");
        assertThat(in("USD", CurrencyDisplay.CODE, "America/New_York").dateTime(noonUtc))
                .isEqualTo("2026-11-25 07:00");
        assertThat(in("USD", CurrencyDisplay.CODE, "Pacific/Auckland").date(noonUtc))
                .isEqualTo("2026-11-26");
    }

    @Test
    void rolesAndAuditActionsReadAsWords() {
        Formats fmt = in("USD");
        assertThat(fmt.role(Role.OWNER)).isEqualTo("Owner");
        assertThat(fmt.action("user.signed-in")).isEqualTo("Signed in");
        assertThat(fmt.action("something.new")).isEqualTo("something.new");
        assertThat(fmt.count(12480)).isEqualTo("12,480");
    }
}

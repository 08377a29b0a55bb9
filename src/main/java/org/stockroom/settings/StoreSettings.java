package org.stockroom.settings;

import java.time.ZoneId;
import java.util.List;

/**
 * The settings in force.
 *
 * @param currencyDisplay how pages show amounts: with the currency's code or its symbol
 * @param timeZone the zone in which pages show times
 * @param alertEmails who is emailed about restock alerts; empty for nobody
 * @param defaultReorderThreshold the threshold an imported product gets when its file has none; null: the configuration's ({@code stockroom.catalog.*})
 * @param defaultReorderQuantity the reorder quantity an imported product gets when its file has none; null: the configuration's ({@code stockroom.catalog.*})
 */
public record StoreSettings(
        CurrencyDisplay currencyDisplay,
        ZoneId timeZone,
        List<String> alertEmails,
        Long defaultReorderThreshold,
        Long defaultReorderQuantity) {

    /** How an amount is shown: {@code USD 1,234.50} or {@code $1,234.50}. */
    public enum CurrencyDisplay {
        CODE,
        SYMBOL
    }

    public StoreSettings {
        alertEmails = List.copyOf(alertEmails);
    }
}

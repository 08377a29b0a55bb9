package org.stockroom.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.stockroom.alerts.AlertLevel;
import org.stockroom.catalog.Product;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How commands print: money in the store's currency, and {@code --json} for scripts. */
final class Output {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addMixIn(Product.class, ProductJson.class)
            .build();

    /** A product in {@code --json} also says what is left to sell, as the table and the API do. */
    private abstract static class ProductJson {
        @JsonProperty("available")
        abstract long available();

        @JsonProperty("needsRestock")
        abstract boolean needsRestock();
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Output() {}

    /** A time as the shop reads it: to the minute, in the store's time zone; blank when there is none. */
    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }

    /**
     * A product's state in one word: OUT when none is left to sell, LOW at or below its threshold, ok
     * otherwise. {@code sellable} is what can be sold: the available units where the caller knows them
     * (units held by reservations count as gone, as for alerts), else the stock.
     */
    static String status(long sellable, boolean needsRestock) {
        return sellable == 0 ? "OUT" : needsRestock ? "LOW" : "ok";
    }

    /** A restock alert as a sentence. */
    static String alert(String sku, AlertLevel level, long stock, long threshold) {
        return sku + (level == AlertLevel.OUT ? " is sold out" : " is low, " + stock + " left") + " (restock threshold "
                + threshold + ")";
    }

    static void json(PrintWriter out, Object value) {
        out.println(JSON.writeValueAsString(value));
        out.flush();
    }

    static String money(BigDecimal amount, Currency currency) {
        if (amount == null) {
            return "unknown";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
        format.setMaximumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
        return format.format(amount);
    }
}

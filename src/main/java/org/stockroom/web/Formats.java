package org.stockroom.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.stockroom.support.StockroomProperties;

/**
 * Numbers and times as pages show them, available to templates as {@code @fmt}: money at the
 * currency's scale with thousands separators, times in the store's time zone.
 */
@Component("fmt")
class Formats {

    private final StockroomProperties properties;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    Formats(StockroomProperties properties) {
        this.properties = properties;
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(properties.timezone());
        this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(properties.timezone());
    }

    public String currency() {
        return properties.currency().getCurrencyCode();
    }

    public String money(BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        int scale = properties.currencyScale();
        StringBuilder pattern = new StringBuilder("#,##0");
        if (scale > 0) {
            pattern.append('.').append("0".repeat(scale));
        }
        DecimalFormat format = new DecimalFormat(pattern.toString(), DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(amount);
    }

    /** An amount as a form field holds it: plain digits, no grouping. */
    public String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date.format(instant);
    }

    /** An instant as a machine-readable {@code <time datetime>} value. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}

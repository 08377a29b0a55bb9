package org.stockroom.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
        this.dateTime =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(properties.timezone());
        this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(properties.timezone());
    }

    public String currency() {
        return properties.currency().getCurrencyCode();
    }

    /** Grouped by thousands with a comma, at the currency's scale: {@code 1,234.50}. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        String plain = amount.setScale(properties.currencyScale(), RoundingMode.HALF_EVEN)
                .abs()
                .toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder grouped = new StringBuilder(plain.length() + whole.length() / 3 + 1);
        if (amount.signum() < 0) {
            grouped.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return grouped.append(point < 0 ? "" : plain.substring(point)).toString();
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

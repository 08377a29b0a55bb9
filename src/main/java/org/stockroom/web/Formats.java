package org.stockroom.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.stockroom.Store;
import org.stockroom.accounts.Role;
import org.stockroom.settings.StoreSettings;
import org.stockroom.support.StockroomProperties;

/**
 * Numbers and times as pages show them, available to templates as {@code @fmt}: money at the
 * currency's scale with thousands separators (with its code or symbol, as the settings say), times
 * in the time zone the settings name, roles and audit actions in words.
 */
@Component("fmt")
class Formats {

    private static final java.util.Map<String, String> ACTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("product.created", "Product added"),
            java.util.Map.entry("product.changed", "Product changed"),
            java.util.Map.entry("token.created", "API token created"),
            java.util.Map.entry("token.revoked", "API token revoked"),
            java.util.Map.entry("user.created", "User added"),
            java.util.Map.entry("user.updated", "User changed"),
            java.util.Map.entry("user.signed-in", "Signed in"),
            java.util.Map.entry("user.two-factor-enabled", "Two-factor sign-in turned on"),
            java.util.Map.entry("user.recovery-code-used", "Recovery code used"),
            java.util.Map.entry("webhook.created", "Webhook added"),
            java.util.Map.entry("webhook.deleted", "Webhook deleted"),
            java.util.Map.entry("webhook.enabled", "Webhook enabled"),
            java.util.Map.entry("settings.changed", "Settings changed"));

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final StockroomProperties properties;
    private final Supplier<StoreSettings> settings;

    @Autowired
    Formats(StockroomProperties properties, Store store) {
        this(properties, () -> store.settings().current());
    }

    Formats(StockroomProperties properties, Supplier<StoreSettings> settings) {
        this.properties = properties;
        this.settings = settings;
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

    /** An amount of money with its currency, as the settings say to show it: {@code USD 1,234.50} or {@code $1,234.50}. */
    public String price(BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        if (settings.get().currencyDisplay() == StoreSettings.CurrencyDisplay.SYMBOL) {
            String symbol = properties.currency().getSymbol(Locale.US);
            return (amount.signum() < 0 ? "-" : "") + symbol + money(amount.abs());
        }
        return currency() + " " + money(amount);
    }

    /** A whole number grouped by thousands: {@code 12,480}. */
    public String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** An amount as a form field holds it: plain digits, no grouping. */
    public String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    /** In the time zone the settings name, to the minute: {@code 2026-11-25 10:15}. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.withZone(zone()).format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.withZone(zone()).format(instant);
    }

    /** The zone times are shown in, for pages that name it. */
    public String zoneName() {
        return zone().getId();
    }

    private ZoneId zone() {
        return settings.get().timeZone();
    }

    /** A role as people say it: {@code Owner}, {@code Staff}, {@code Viewer}. */
    public String role(Role role) {
        if (role == null) {
            return "";
        }
        String name = role.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** An audit action in words; an action this list does not know yet is shown as recorded. */
    public String action(String action) {
        return action == null ? "" : ACTIONS.getOrDefault(action, action);
    }

    /** An instant as a machine-readable {@code <time datetime>} value. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** SKUs of an import report: the first 20, then how many more. */
    public String skus(java.util.List<String> skus) {
        return org.stockroom.imports.ImportReport.listed(skus);
    }

    /** A variant's options as one line: "Size: M · Colour: Red". */
    public String options(java.util.Map<String, String> options) {
        if (options == null || options.isEmpty()) {
            return "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        options.forEach((name, value) -> parts.add(name + ": " + value));
        return String.join(" · ", parts);
    }
}

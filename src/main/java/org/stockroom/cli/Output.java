package org.stockroom.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How commands print: money in the store's currency, and {@code --json} for scripts. */
final class Output {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Output() {}

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

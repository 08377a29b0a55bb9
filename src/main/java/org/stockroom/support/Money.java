package org.stockroom.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Money is held as {@link BigDecimal} in Java and as an exact integer of ten-thousandths in the
 * database, because SQLite has no exact decimal type and its NUMERIC affinity would round to a
 * double. Sums in SQL therefore stay exact on both engines.
 */
public final class Money {

    public static final int STORAGE_SCALE = 4;
    /** Prices and costs are less than this (1 trillion). */
    public static final BigDecimal MAX = new BigDecimal("1000000000000");
    /** The most one purchase may total (100 trillion), so that stored sums of many stay exact. */
    public static final BigDecimal MAX_PURCHASE_TOTAL = new BigDecimal("100000000000000");
    /**
     * The most a stored sum may hold: a product's sales of a day, a month or all time, and a day's
     * sales of all products (the largest 64-bit count of ten-thousandths, about 922 trillion).
     */
    public static final BigDecimal MAX_STORED_SUM = BigDecimal.valueOf(Long.MAX_VALUE, STORAGE_SCALE);

    private Money() {}

    public static long toColumn(BigDecimal amount) {
        return amount.setScale(STORAGE_SCALE, RoundingMode.UNNECESSARY)
                .unscaledValue()
                .longValueExact();
    }

    public static Long toColumnOrNull(BigDecimal amount) {
        return amount == null ? null : toColumn(amount);
    }

    /** A sum of stored amounts, which may exceed what one column holds, in the currency's scale. */
    public static BigDecimal fromColumns(BigInteger stored, int currencyScale) {
        return new BigDecimal(stored, STORAGE_SCALE).setScale(currencyScale, RoundingMode.HALF_EVEN);
    }

    /** The refusal of an amount past one of the stated maximums; nothing is stored. */
    public static DomainException tooLarge(String what, BigDecimal maximum) {
        return new DomainException(
                DomainException.Kind.UNPROCESSABLE,
                "amount-too-large",
                what + " would exceed " + maximum.toPlainString() + ", the most Stockroom keeps exactly",
                Map.of("maximum", maximum));
    }

    public static BigDecimal fromColumn(long stored, int currencyScale) {
        return BigDecimal.valueOf(stored, STORAGE_SCALE).setScale(currencyScale, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal fromColumn(Long stored, int currencyScale) {
        return stored == null ? null : fromColumn(stored.longValue(), currencyScale);
    }
}

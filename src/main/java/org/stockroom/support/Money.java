package org.stockroom.support;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is held as {@link BigDecimal} in Java and as an exact integer of ten-thousandths in the
 * database, because SQLite has no exact decimal type and its NUMERIC affinity would round to a
 * double. Sums in SQL therefore stay exact on both engines.
 */
public final class Money {

    public static final int STORAGE_SCALE = 4;
    public static final BigDecimal MAX = new BigDecimal("1000000000000");

    private Money() {}

    public static long toColumn(BigDecimal amount) {
        return amount.setScale(STORAGE_SCALE, RoundingMode.UNNECESSARY)
                .unscaledValue()
                .longValueExact();
    }

    public static Long toColumnOrNull(BigDecimal amount) {
        return amount == null ? null : toColumn(amount);
    }

    public static BigDecimal fromColumn(long stored, int currencyScale) {
        return BigDecimal.valueOf(stored, STORAGE_SCALE).setScale(currencyScale, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal fromColumn(Long stored, int currencyScale) {
        return stored == null ? null : fromColumn(stored.longValue(), currencyScale);
    }
}

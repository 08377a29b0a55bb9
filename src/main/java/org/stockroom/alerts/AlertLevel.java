package org.stockroom.alerts;

public enum AlertLevel {
    /** At or below the reorder threshold, some left. */
    LOW,
    /** Nothing left. */
    OUT;

    public static AlertLevel forStock(long stock) {
        return stock == 0 ? OUT : LOW;
    }
}

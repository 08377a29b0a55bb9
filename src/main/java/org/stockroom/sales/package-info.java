/**
 * Purchases: all-or-nothing, prices captured at the time of sale, idempotency keys, returns. Writes
 * the purchase, purchase_line, idempotency_key and return tables, and the sales rollups
 * (sales_daily, sales_monthly, sales_total, sales_day_total, their rebuild state), which
 * {@code reports} only reads.
 */
package org.stockroom.sales;

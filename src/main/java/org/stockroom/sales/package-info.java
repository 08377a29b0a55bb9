/** Purchases: all-or-nothing, prices captured at the time of sale, idempotency keys. */
package org.stockroom.sales;

/**
 * Reservations: stock held for unpaid orders and carts, with an expiry. Owns and alone writes the
 * {@code reservation} and {@code reservation_line} tables. The units a hold takes count in the
 * product's {@code reserved}, which only {@code stock} writes ({@link org.stockroom.stock.Stock#hold});
 * a commit becomes a purchase through {@code sales}. Holds never touch the ledger.
 */
package org.stockroom.reservations;

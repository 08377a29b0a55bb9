/** The stock ledger: every change of on-hand stock is a movement with actor, reason and balance after. */
package org.stockroom.stock;

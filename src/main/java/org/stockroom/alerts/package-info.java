/** Restock alerts: raised, escalated and resolved in the transaction that changes a product. */
package org.stockroom.alerts;

/**
 * Restock alerts: raised, escalated and resolved in the transaction that changes a product, and
 * offered to followers as plain events once committed ({@link org.stockroom.alerts.AlertStream});
 * how they reach a browser is a face's concern. Owns and alone writes restock_alert.
 */
package org.stockroom.alerts;

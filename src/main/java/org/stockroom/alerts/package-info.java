/**
 * Restock alerts: raised, escalated and resolved in the transaction that changes a product's stock,
 * so an alert is open exactly while the product needs restocking.
 *
 * <p>Owns and alone writes {@code restock_alert} (one open alert per product, a partial unique
 * index). Stock changes call it in their transaction; it never changes stock itself.
 */
package org.stockroom.alerts;

/**
 * The store's settings that people change in the UI (currency display, time zone, alert email
 * recipients, default reorder threshold and quantity for imports). Owns and alone writes
 * store_setting; a setting never saved there falls back to the configuration ({@code stockroom.*}).
 * Every change is audited. Reached through {@link org.stockroom.Store#settings()}.
 */
package org.stockroom.settings;

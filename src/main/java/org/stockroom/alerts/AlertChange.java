package org.stockroom.alerts;

/**
 * A transition of a product's restock alert, decided in the transaction that changed the product.
 * Raised and escalated are the ones people are told about.
 */
public record AlertChange(
        Type type, long alertId, String sku, String name, AlertLevel level, long stock, long reorderThreshold) {

    public enum Type {
        RAISED,
        ESCALATED,
        RESOLVED;

        public String event() {
            return "alert." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean notifiesPeople() {
        return type != Type.RESOLVED;
    }
}

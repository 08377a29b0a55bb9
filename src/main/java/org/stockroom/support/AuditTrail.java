package org.stockroom.support;

/**
 * Records a change in the audit trail, by whoever is acting now ({@link Actors}), in the
 * caller's transaction: features call it for changes that are not stock movements (those carry
 * their actor in the ledger). Implemented by accounts/Audit; read with {@code GET /api/audit}.
 */
public interface AuditTrail {

    /** {@code action} is {@code <thing>.<verb>}, e.g. {@code webhook.created}; {@code target} identifies the thing. */
    void record(String action, String target, String detail);
}

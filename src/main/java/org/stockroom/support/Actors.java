package org.stockroom.support;

/**
 * Names who is changing stock, for the ledger and the audit trail: the signed-in user or API token,
 * {@code cli} for commands, {@code system} for the server's own work (see accounts/CurrentActor).
 */
public interface Actors {
    String current();
}

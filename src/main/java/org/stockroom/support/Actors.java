package org.stockroom.support;

/**
 * Names who is changing stock, for the ledger. The default answers the name the process was
 * started as ({@code system} for the server, {@code cli} for commands); authentication replaces it.
 */
public interface Actors {
    String current();
}

/**
 * The command-line face: picocli commands that open the store ({@code StoreCommand}), call
 * {@link org.stockroom.Store}, and print tables or JSON; a refusal is one line and a non-zero exit.
 * Holds no rule and no SQL.
 */
package org.stockroom.cli;

/** The command-line face: picocli commands that open the store, call it, and print tables or JSON. */
package org.stockroom.cli;

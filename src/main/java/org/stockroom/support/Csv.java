package org.stockroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV written for people who open it in a spreadsheet. Text cells that a spreadsheet would run as
 * a formula ({@code = + - @}, tab, carriage return at the start) are prefixed with a single quote,
 * so a product named {@code =HYPERLINK(...)} opens as text. Numbers are written as they are.
 */
public final class Csv {

    private Csv() {}

    /** A printer for RFC 4180 CSV with the given header row. */
    public static CSVPrinter printer(Writer out, String... headers) {
        try {
            return CSVFormat.RFC4180.builder().setHeader(headers).get().print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell, neutralized against formula injection; null becomes an empty cell. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    /** Prints one record, turning IOException into an unchecked one (the writers are in memory or the response). */
    public static void record(CSVPrinter printer, Object... cells) {
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

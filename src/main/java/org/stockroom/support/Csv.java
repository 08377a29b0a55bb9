package org.stockroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV written for people who open it in a spreadsheet. Text cells that a spreadsheet would run as
 * a formula ({@code = + - @}, tab, carriage return at the start) are prefixed with a single quote,
 * so a product named {@code =HYPERLINK(...)} opens as text. A cell that starts with a quote gets one
 * too, so that {@link #untext} can tell the quote it added from one that belongs to the text: it
 * removes exactly one quote, and only before one of those characters. Numbers are written as they are.
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
        return NEUTRALIZED.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static final String NEUTRALIZED = "=+-@\t\r'";

    /**
     * A text cell as it was before {@link #text}: the one quote that neutralized it removed. A cell
     * whose quote is not followed by a character {@link #text} neutralizes keeps it ({@code 'tis}).
     */
    public static String untext(String cell) {
        if (cell != null && cell.length() >= 2 && cell.charAt(0) == '\'' && NEUTRALIZED.indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
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

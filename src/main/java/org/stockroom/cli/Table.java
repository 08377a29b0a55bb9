package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the terminal: a header, aligned columns (numbers to the right), an
 * optional totals row under a rule. Width is measured in code points, so accented names align.
 */
final class Table {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();
    private List<String> totals;

    Table(String... headers) {
        this.headers = List.of(headers);
        this.rightAligned = new boolean[headers.length];
    }

    /** Right-aligns the given columns (numbers, money). */
    Table right(int... columns) {
        for (int c : columns) {
            rightAligned[c] = true;
        }
        return this;
    }

    Table row(Object... cells) {
        rows.add(cells(cells));
        return this;
    }

    Table totals(Object... cells) {
        totals = cells(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    private List<String> cells(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> text = new ArrayList<>();
        for (Object cell : cells) {
            text.add(cell == null ? "" : cell.toString());
        }
        return text;
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>(rows);
        all.add(headers);
        if (totals != null) {
            all.add(totals);
        }
        for (List<String> row : all) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        line(out, headers, widths);
        rule(out, widths);
        rows.forEach(r -> line(out, r, widths));
        if (totals != null) {
            rule(out, widths);
            line(out, totals, widths);
        }
        out.flush();
    }

    private void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - width(cell));
            line.append(c == 0 ? "" : "  ").append(rightAligned[c] ? pad + cell : cell + pad);
        }
        out.println(line.toString().stripTrailing());
    }

    private static void rule(PrintWriter out, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            line.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.println(line);
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}

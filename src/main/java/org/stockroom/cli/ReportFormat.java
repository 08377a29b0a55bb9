package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** {@code --json} or {@code --csv} instead of a table, for a report command. */
final class ReportFormat {

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--csv", description = "Print CSV (with a header line) instead of a table.")
    boolean csv;

    /** Prints the report as JSON or CSV when asked; false when the caller should print its table. */
    boolean printed(PrintWriter out, Object report, Supplier<String> csvText) {
        if (json && csv) {
            throw new org.stockroom.support.InvalidRequestException("--csv", "choose one of --json and --csv");
        }
        if (json) {
            Output.json(out, report);
            return true;
        }
        if (csv) {
            out.print(csvText.get());
            out.flush();
            return true;
        }
        return false;
    }
}

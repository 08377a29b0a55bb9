package org.stockroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stockroom.imports.ImportFormat;
import org.stockroom.imports.ImportReport;
import org.stockroom.imports.Importer;
import org.stockroom.support.InvalidRequestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import a catalog CSV (Stockroom, Shopify or WooCommerce export).",
            "All or nothing: one invalid row and nothing is imported (unless --skip-invalid). Try --dry-run first."
        })
class ImportCommand extends StoreCommand {

    @Parameters(paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Option(names = "--dry-run", description = "Report what would happen; change nothing.")
    boolean dryRun;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "auto",
            description = "auto (from the header row), stockroom, shopify or woocommerce.")
    String format;

    @Option(names = "--skip-invalid", description = "Import the valid rows and report the invalid ones.")
    boolean skipInvalid;

    @Option(
            names = "--delimiter",
            paramLabel = "CHAR",
            description = "',' or ';' or 'tab' (default: guessed from the header row).")
    String delimiter;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    private byte[] bytes;
    private Character separator;

    @Override
    void beforeOpening() {
        bytes = read(file);
        separator = delimiter == null
                ? null
                : delimiter.equalsIgnoreCase("tab")
                        ? Character.valueOf('\t')
                        : delimiter.length() == 1 && ",;".contains(delimiter)
                                ? Character.valueOf(delimiter.charAt(0))
                                : invalidDelimiter();
    }

    @Override
    int run(StoreSession session, PrintWriter out) {
        ImportReport report = session.store()
                .imports()
                .run(new Importer.Request(bytes, ImportFormat.parse(format), separator, dryRun, skipInvalid));
        if (json) {
            Output.json(out, report);
        } else {
            print(out, report);
        }
        return 0;
    }

    static void print(PrintWriter out, ImportReport report) {
        out.println((report.dryRun() ? "Dry run of a " : "Imported a ")
                + report.format().name().toLowerCase(java.util.Locale.ROOT) + " file"
                + (report.id() == null ? "" : " (import " + report.id() + ")") + ":");
        out.println("  " + report.created().size() + (report.dryRun() ? " to create, " : " created, ")
                + report.updated().size()
                + (report.dryRun() ? " to update, " : " updated, ") + report.unchanged() + " unchanged, "
                + report.invalid().size()
                + " invalid, " + report.skipped().size() + " skipped");
        if (!report.created().isEmpty()) {
            out.println((report.dryRun() ? "To create: " : "Created: ") + ImportReport.listed(report.created()));
        }
        for (ImportReport.Update update : report.updated()) {
            StringBuilder line = new StringBuilder("  ").append(update.sku()).append(':');
            update.changes()
                    .forEach((field, values) -> line.append(' ')
                            .append(field)
                            .append(' ')
                            .append(values.get(0))
                            .append(" -> ")
                            .append(values.get(1))
                            .append(';'));
            out.println(line.substring(0, line.length() - 1));
        }
        report.invalid().forEach(p -> out.println("  invalid line " + p.line() + ": " + p.reason()));
        report.skipped().forEach(p -> out.println("  skipped line " + p.line() + ": " + p.reason()));
        report.warnings().forEach(p -> out.println("  line " + p.line() + ": " + p.reason()));
        ImportReport.Defaults defaults = report.defaultsApplied();
        if (defaults != null) {
            out.println("Store defaults (no reorder threshold in the file): threshold " + defaults.reorderThreshold()
                    + (defaults.reorderQuantity() == null ? "" : ", reorder quantity " + defaults.reorderQuantity())
                    + " for " + ImportReport.listed(defaults.skus()));
        }
        if (!report.untracked().isEmpty()) {
            out.println("Stock 0, not counted by the storefront (count or receive them): "
                    + ImportReport.listed(report.untracked()));
        }
        out.flush();
    }

    private static Character invalidDelimiter() {
        throw new InvalidRequestException("delimiter", "must be , or ; or tab");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidRequestException("FILE", "cannot be read: " + file);
        }
    }
}

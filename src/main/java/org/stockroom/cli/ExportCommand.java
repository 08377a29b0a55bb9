package org.stockroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stockroom.imports.CatalogExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export the catalog as CSV: 'products' (Stockroom's format, imports back unchanged)",
            "or 'inventory' (stock levels in Shopify's inventory CSV shape)."
        })
class ExportCommand extends StoreCommand {

    enum What {
        products,
        inventory
    }

    @Parameters(paramLabel = "WHAT", description = "products or inventory")
    What what;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of the terminal.")
    Path outFile;

    @Option(
            names = "--location",
            paramLabel = "NAME",
            defaultValue = "Shop location",
            description = "Shopify location name (inventory).")
    String location;

    @Override
    int run(StoreSession session, PrintWriter terminal) {
        try (Writer out =
                outFile == null ? new NonClosing(terminal) : Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
            CatalogExport export = session.store().exports();
            if (what == What.products) {
                export.products(out);
            } else {
                export.shopifyInventory(out, location);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    /** The terminal's writer stays open for picocli after the export is written. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(PrintWriter out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

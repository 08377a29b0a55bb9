package org.stockroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stockroom.imports.CatalogExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export the catalog as CSV: 'products' (Stockroom's format, imports back unchanged)",
            "or 'inventory' (stock levels in Shopify's inventory CSV shape)."
        })
class ExportCommand implements Callable<Integer> {

    enum What {
        products,
        inventory
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data = new DataOption();

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
    public Integer call() throws IOException {
        try (StoreSession session = data.open();
                Writer out = outFile == null
                        ? new NonClosing(spec.commandLine().getOut())
                        : Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
            CatalogExport export = session.bean(CatalogExport.class);
            if (what == What.products) {
                export.products(out);
            } else {
                export.shopifyInventory(out, location);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
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

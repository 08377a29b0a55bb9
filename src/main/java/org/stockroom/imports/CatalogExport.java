package org.stockroom.imports;

import java.io.Writer;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.support.Csv;
import org.stockroom.support.Page;

/**
 * The catalog as CSV: in Stockroom's own format (which imports back unchanged), and as stock
 * levels in the shape of Shopify's inventory CSV, so counts can be pushed back to the storefront.
 */
@Service
public class CatalogExport {

    static final String[] STOCKROOM_COLUMNS = {
        "sku",
        "name",
        "price",
        "stock",
        "reorderThreshold",
        "cost",
        "reorderQuantity",
        "leadTimeDays",
        "supplier",
        "barcode"
    };
    static final String[] SHOPIFY_INVENTORY_COLUMNS = {"Handle", "Title", "SKU", "Location", "On hand"};

    private final Catalog catalog;

    private final ImportProperties properties;

    CatalogExport(Catalog catalog, ImportProperties properties) {
        this.properties = properties;
        this.catalog = catalog;
    }

    public void products(Writer out) {
        CSVPrinter csv = Csv.printer(out, STOCKROOM_COLUMNS);
        eachActiveProduct(p -> Csv.record(
                csv,
                p.sku().value(),
                Csv.text(p.name()),
                p.price().toPlainString(),
                p.stock(),
                p.reorderThreshold(),
                p.cost() == null ? "" : p.cost().toPlainString(),
                p.reorderQuantity() == null ? "" : p.reorderQuantity(),
                p.leadTimeDays() == null ? "" : p.leadTimeDays(),
                Csv.text(p.supplier()),
                Csv.text(p.barcode())));
        flush(csv);
    }

    /** The Shopify location of exports that name none ({@code stockroom.imports.shopify-location}). */
    public String shopifyLocation() {
        return properties.shopifyLocation();
    }

    public void shopifyInventory(Writer out, String location) {
        CSVPrinter csv = Csv.printer(out, SHOPIFY_INVENTORY_COLUMNS);
        eachActiveProduct(p ->
                Csv.record(csv, handle(p.name()), Csv.text(p.name()), p.sku().value(), Csv.text(location), p.stock()));
        flush(csv);
    }

    /** Shopify's handle: the title in lower case, accents dropped, runs of other characters as one hyphen. */
    static String handle(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String handle =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return handle.isEmpty() ? "product" : handle;
    }

    private void eachActiveProduct(Consumer<Product> action) {
        int page = 0;
        Page<Product> products;
        do {
            products = catalog.list(new ProductQuery(null, false, false, "sku", page++, 500));
            products.items().forEach(action);
        } while ((long) page * 500 < products.total());
    }

    private static void flush(CSVPrinter csv) {
        try {
            csv.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

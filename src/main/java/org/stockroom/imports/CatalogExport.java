package org.stockroom.imports;

import java.io.Writer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.stockroom.catalog.BundleComponent;
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
        "barcode",
        "group",
        "options",
        "components",
        "imageUrl"
    };
    /**
     * The columns of Shopify's product CSV that Stockroom knows; Shopify leaves the others as they are
     * on import. Images are left out on purpose: Shopify would fetch a listed image again as a new one.
     */
    static final String[] SHOPIFY_PRODUCT_COLUMNS = {
        "Handle",
        "Title",
        "Vendor",
        "Option1 Name",
        "Option1 Value",
        "Option2 Name",
        "Option2 Value",
        "Option3 Name",
        "Option3 Value",
        "Variant SKU",
        "Variant Inventory Qty",
        "Variant Price",
        "Variant Barcode",
        "Cost per item",
        "Status"
    };

    static final String[] SHOPIFY_INVENTORY_COLUMNS = {"Handle", "Title", "SKU", "Location", "On hand"};

    private final Catalog catalog;

    private final ImportProperties properties;

    CatalogExport(Catalog catalog, ImportProperties properties) {
        this.properties = properties;
        this.catalog = catalog;
    }

    public void products(Writer out) {
        products(out, ProductQuery.all());
    }

    /** The products matching {@code filter} (every page of it) in Stockroom's own format. */
    public void products(Writer out, ProductQuery filter) {
        CSVPrinter csv = Csv.printer(out, STOCKROOM_COLUMNS);
        eachProduct(
                filter,
                p -> Csv.record(
                        csv,
                        p.sku().value(),
                        Csv.text(p.name()),
                        p.price().toPlainString(),
                        // A bundle's stock is its components': written empty, so an import counts nothing.
                        p.isBundle() ? "" : p.stock(),
                        p.reorderThreshold(),
                        p.cost() == null ? "" : p.cost().toPlainString(),
                        p.reorderQuantity() == null ? "" : p.reorderQuantity(),
                        p.leadTimeDays() == null ? "" : p.leadTimeDays(),
                        Csv.text(p.supplier()),
                        Csv.text(p.barcode()),
                        Csv.text(p.group()),
                        p.options().isEmpty() ? "" : Csv.text(JSON.writeValueAsString(p.options())),
                        p.isBundle() ? BundleComponent.format(p.components()) : "",
                        Csv.text(p.imageUrl())));
        flush(csv);
    }

    /** The Shopify location of exports that name none ({@code stockroom.imports.shopify-location}). */
    public String shopifyLocation() {
        return properties.shopifyLocation();
    }

    /**
     * The products matching {@code filter} as Shopify's product CSV: one row per variant, the rows
     * of a handle together, the product's Title, Vendor and option names on its first row only (as
     * Shopify writes them). Importing the file into Shopify updates the variants with these SKUs.
     * A product without a group is a product of its own, with Shopify's "Default Title" variant.
     */
    public void shopifyProducts(Writer out, ProductQuery filter) {
        CSVPrinter csv = Csv.printer(out, SHOPIFY_PRODUCT_COLUMNS);
        for (List<Product> variants : byGroup(filter).values()) {
            boolean first = true;
            for (Product p : variants) {
                List<Object> row = new ArrayList<>();
                row.add(shopifyHandle(p));
                row.add(first ? Csv.text(baseTitle(p)) : "");
                row.add(first ? Csv.text(p.supplier()) : "");
                List<Map.Entry<String, String>> options =
                        new ArrayList<>(p.options().entrySet());
                for (int i = 0; i < 3; i++) {
                    if (options.isEmpty() && i == 0) {
                        row.add(first ? "Title" : "");
                        row.add("Default Title");
                    } else if (i < options.size()) {
                        row.add(first ? Csv.text(options.get(i).getKey()) : "");
                        row.add(Csv.text(options.get(i).getValue()));
                    } else {
                        row.add("");
                        row.add("");
                    }
                }
                row.add(p.sku().value());
                row.add(p.stock());
                row.add(p.price().toPlainString());
                row.add(Csv.text(p.barcode()));
                row.add(p.cost() == null ? "" : p.cost().toPlainString());
                row.add("active");
                Csv.record(csv, row.toArray());
                first = false;
            }
        }
        flush(csv);
    }

    /**
     * The products matching {@code filter} as WooCommerce's product CSV: a product of a group is a
     * variation whose Parent is the group (the variable product's SKU), others are simple products,
     * so importing the file into WooCommerce updates the products and variations with these SKUs.
     * The variable parents are not written: they exist in WooCommerce already, and a row for them
     * would overwrite their name and attributes with what Stockroom does not keep. Attributes are
     * written without "visible" and "global", which WooCommerce then leaves as they are. A product
     * whose stock was never tracked is written "In stock" without a Stock. There is no Images column,
     * so WooCommerce keeps its images (it would download listed ones again).
     */
    public void woocommerceProducts(Writer out, ProductQuery filter) {
        Map<String, List<Product>> groups = byGroup(filter);
        int attributes = groups.values().stream()
                .flatMap(List::stream)
                .mapToInt(p -> p.options().size())
                .max()
                .orElse(0);
        List<String> header = new ArrayList<>(List.of(
                "ID",
                "Type",
                "SKU",
                "Name",
                "Published",
                "In stock?",
                "Stock",
                "Low stock amount",
                "Regular price",
                "Parent"));
        for (int i = 1; i <= attributes; i++) {
            header.addAll(List.of(
                    "Attribute " + i + " name",
                    "Attribute " + i + " value(s)",
                    "Attribute " + i + " visible",
                    "Attribute " + i + " global"));
        }
        CSVPrinter csv = Csv.printer(out, header.toArray(String[]::new));
        groups.forEach((key, variants) -> {
            String group = variants.get(0).group();
            for (Product p : variants) {
                List<Object> row = new ArrayList<>(List.of(
                        "",
                        group == null ? "simple" : "variation",
                        p.sku().value(),
                        Csv.text(p.name()),
                        1,
                        p.stockTracked() ? (p.stock() > 0 ? 1 : 0) : 1,
                        p.stockTracked() ? p.stock() : "",
                        p.reorderThreshold(),
                        p.price().toPlainString(),
                        group == null ? "" : Csv.text(group)));
                p.options().forEach((name, value) -> row.addAll(List.of(Csv.text(name), Csv.text(value), "", "")));
                while (row.size() < header.size()) {
                    row.add("");
                }
                Csv.record(csv, row.toArray());
            }
        });
        flush(csv);
    }

    /** The products in groups, a group's variants together in SKU order; a product without a group alone. */
    private Map<String, List<Product>> byGroup(ProductQuery filter) {
        Map<String, List<Product>> groups = new java.util.TreeMap<>();
        eachProduct(
                filter,
                p -> groups.computeIfAbsent(
                                p.group() == null ? "\u0001" + p.sku().value() : p.group(), g -> new ArrayList<>())
                        .add(p));
        return groups;
    }

    private static String shopifyHandle(Product p) {
        return p.group() != null ? p.group() : handle(p.name() + " " + p.sku().value());
    }

    /**
     * The product's title without its variant part: importing "Tee" with Size M names the variant
     * "Tee - M", and the platforms want "Tee" back.
     */
    static String baseTitle(Product p) {
        if (!p.options().isEmpty()) {
            // Shopify's importer names variants "Title - M / Red"; WooCommerce names them "Title - M, Red".
            for (String separator : List.of(" / ", ", ")) {
                String suffix = " - " + String.join(separator, p.options().values());
                if (p.name().endsWith(suffix) && p.name().length() > suffix.length()) {
                    return p.name().substring(0, p.name().length() - suffix.length());
                }
            }
        }
        return p.name();
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
        eachProduct(ProductQuery.all(), action);
    }

    private void eachProduct(ProductQuery filter, Consumer<Product> action) {
        int page = 0;
        Page<Product> products;
        do {
            products = catalog.list(filter.page(page++, 500));
            products.items().forEach(action);
        } while ((long) page * 500 < products.total());
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private static void flush(CSVPrinter csv) {
        try {
            csv.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

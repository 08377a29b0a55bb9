package org.stockroom.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.stockroom.catalog.BundleComponent;
import org.stockroom.catalog.NewProduct;
import org.stockroom.support.Csv;
import org.stockroom.support.InvalidRequestException;

/**
 * Reads a catalog CSV (RFC 4180: quoted cells, embedded newlines, a byte-order mark, comma or
 * semicolon) into rows of one shape, whatever the format. It checks the shape of each cell; the
 * product rules are checked later by the catalog itself.
 */
final class CatalogFileReader {

    static final long MAX_BYTES = 64L * 1024 * 1024;

    private CatalogFileReader() {}

    static ParsedFile read(byte[] bytes, ImportFormat requested, Character delimiter) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char separator = delimiter != null ? delimiter : guessDelimiter(text);
        CSVFormat csv = CSVFormat.RFC4180
                .builder()
                .setDelimiter(separator)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                .setTrim(true)
                .get();
        try (Reader reader = new StringReader(text);
                CSVParser parser = csv.parse(reader)) {
            Map<String, Integer> columns = new HashMap<>();
            List<String> headerNames = parser.getHeaderNames();
            for (int i = 0; i < headerNames.size(); i++) {
                columns.putIfAbsent(ImportFormat.normalize(headerNames.get(i)), i);
            }
            ImportFormat format = requested != null ? requested : ImportFormat.detect(columns.keySet());
            Rows rows = new Rows(format, columns, separator == ';');
            // Cells may hold line breaks, so a record's line is where the previous one ended, plus one.
            long start = parser.getCurrentLineNumber() + 1;
            for (CSVRecord record : parser) {
                rows.add(record, start);
                start = parser.getCurrentLineNumber() + 1;
            }
            return rows.result();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidRequestException("file", "is not a readable CSV file: " + rootMessage(e));
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException(
                    "file", "is not UTF-8 text; save the spreadsheet as \"CSV UTF-8\" and try again");
        }
    }

    /** Spreadsheets in many European locales write semicolons; the header row tells which was used. */
    private static char guessDelimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    /** The product-level columns of a Shopify handle, which its variant rows leave empty. */
    private static final class ShopifyProduct {
        String title;
        String vendor;
        String image;
        final String[] optionNames = new String[3];
    }

    /** Turns records into rows for one format, remembering what was wrong with which line. */
    private static final class Rows {
        private final ImportFormat format;
        private final Map<String, Integer> columns;
        private final boolean decimalComma;
        private final List<ImportRow> rows = new ArrayList<>();
        private final List<ImportReport.Problem> invalid = new ArrayList<>();
        private final List<ImportReport.Problem> skipped = new ArrayList<>();
        private final List<ImportReport.Problem> warnings = new ArrayList<>();
        private final Map<String, ShopifyProduct> shopifyProducts = new HashMap<>();
        private final Map<String, String> wooSkuById = new HashMap<>();
        private final Map<String, Long> firstLineOfSku = new HashMap<>();

        Rows(ImportFormat format, Map<String, Integer> columns, boolean decimalComma) {
            this.format = format;
            this.columns = columns;
            this.decimalComma = decimalComma;
            Set<String> needed = switch (format) {
                case STOCKROOM -> Set.of("sku");
                case SHOPIFY -> Set.of("handle", "variantsku");
                case WOOCOMMERCE -> Set.of("sku");
            };
            for (String column : needed) {
                if (!columns.containsKey(column)) {
                    throw new InvalidRequestException(
                            "file", "a " + format.name().toLowerCase(Locale.ROOT) + " file needs a column " + column);
                }
            }
        }

        void add(CSVRecord record, long line) {
            List<String> problems = new ArrayList<>();
            ImportRow row = switch (format) {
                case STOCKROOM -> stockroom(record, line, problems);
                case SHOPIFY -> shopify(record, line, problems);
                case WOOCOMMERCE -> woocommerce(record, line, problems);
            };
            if (!problems.isEmpty()) {
                invalid.add(new ImportReport.Problem(line, String.join("; ", problems)));
                return;
            }
            if (row == null) {
                return;
            }
            Long first = firstLineOfSku.putIfAbsent(row.sku(), line);
            if (first != null) {
                invalid.add(new ImportReport.Problem(line, "SKU " + row.sku() + " already appears on line " + first));
                return;
            }
            rows.add(row);
        }

        private ImportRow stockroom(CSVRecord r, long line, List<String> problems) {
            String sku = cell(r, "sku");
            if (sku == null) {
                problems.add("sku is missing");
                return null;
            }
            return new ImportRow(
                    line,
                    sku,
                    text(r, "name"),
                    money(r, "price", problems),
                    whole(r, "stock", problems),
                    whole(r, "reorderthreshold", problems),
                    money(r, "cost", problems),
                    whole(r, "reorderquantity", problems),
                    integer(r, "leadtimedays", problems),
                    text(r, "supplier"),
                    text(r, "barcode"),
                    text(r, "group"),
                    jsonOptions(r, problems),
                    true,
                    components(r, problems),
                    text(r, "imageurl"));
        }

        /** Stockroom's components column: a bundle's recipe, {@code MUG:2|COASTER:1}; empty for a product that is none. */
        private List<BundleComponent> components(CSVRecord r, List<String> problems) {
            if (!columns.containsKey("components")) {
                return null;
            }
            try {
                return BundleComponent.parse(text(r, "components"));
            } catch (IllegalArgumentException e) {
                problems.add("components: " + e.getMessage());
                return null;
            }
        }

        /** Stockroom's own options column: a JSON object of option names to values, in option order. */
        private Map<String, String> jsonOptions(CSVRecord r, List<String> problems) {
            String value = text(r, "options");
            if (!columns.containsKey("options")) {
                return null;
            }
            if (value == null) {
                return Map.of();
            }
            try {
                return JSON.readValue(
                        value, new tools.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() {});
            } catch (RuntimeException e) {
                problems.add("options \"" + value + "\" is not a JSON object of names to text values");
                return null;
            }
        }

        /**
         * Shopify writes the product's columns (Title, Vendor, Type, option names) on its first row
         * only; every later row of the same handle is a variant that inherits them.
         */
        private ImportRow shopify(CSVRecord r, long line, List<String> problems) {
            String handle = cell(r, "handle");
            ShopifyProduct product = handle == null
                    ? new ShopifyProduct()
                    : shopifyProducts.computeIfAbsent(handle, h -> new ShopifyProduct());
            if (product.title == null) {
                product.title = text(r, "title");
            }
            if (product.vendor == null) {
                product.vendor = text(r, "vendor");
            }
            if (product.image == null) {
                // The product's first image, which Shopify shows for a variant that has none of its own.
                product.image = picture(text(r, "imagesrc"), line);
            }
            for (int i = 1; i <= 3; i++) {
                String optionName = text(r, "option" + i + "name");
                if (optionName != null && product.optionNames[i - 1] == null) {
                    product.optionNames[i - 1] = optionName;
                }
            }
            String sku = cell(r, "variantsku");
            if (sku == null) {
                boolean describesVariant = cell(r, "variantprice") != null || cell(r, "variantinventoryqty") != null;
                skipped.add(new ImportReport.Problem(
                        line,
                        describesVariant
                                ? "variant of " + (handle == null ? "an unnamed product" : handle)
                                        + " has no SKU, so Stockroom cannot track it"
                                : "no variant on this row (an image or description row of "
                                        + (handle == null ? "a product" : handle) + ")"));
                return null;
            }
            if ("archived".equalsIgnoreCase(cell(r, "status"))) {
                skipped.add(new ImportReport.Problem(line, sku + " is archived in Shopify"));
                return null;
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 1; i <= 3; i++) {
                String value = text(r, "option" + i + "value");
                if (value != null && !value.equalsIgnoreCase("Default Title")) {
                    String optionName = product.optionNames[i - 1];
                    options.put(
                            optionName == null || optionName.equalsIgnoreCase("Title") ? "Option" + i : optionName,
                            value);
                }
            }
            String name = product.title == null
                    ? null
                    : options.isEmpty() ? product.title : product.title + " - " + String.join(" / ", options.values());
            return new ImportRow(
                    line,
                    sku,
                    name,
                    money(r, "variantprice", problems),
                    whole(r, "variantinventoryqty", problems),
                    null,
                    money(r, "costperitem", problems),
                    null,
                    null,
                    product.vendor,
                    text(r, "variantbarcode"),
                    handle,
                    options,
                    true,
                    null,
                    Optional.ofNullable(picture(text(r, "variantimage"), line)).orElse(product.image));
        }

        /**
         * WooCommerce: grouped, external and variable products hold no stock of their own (a variable
         * product's variations are rows of their own), so they are skipped with the reason. A variation
         * belongs to its Parent (the parent's SKU, or id:N) and has one value per attribute.
         */
        private ImportRow woocommerce(CSVRecord r, long line, List<String> problems) {
            String type = cell(r, "type");
            String sku = cell(r, "sku");
            String id = cell(r, "id");
            if (id != null && sku != null) {
                wooSkuById.put(id, sku);
            }
            String kind = type == null ? "simple" : type.toLowerCase(Locale.ROOT);
            for (String notStock : List.of("variable", "grouped", "external")) {
                if (java.util.Arrays.stream(kind.split(",")).map(String::strip).anyMatch(notStock::equals)) {
                    skipped.add(new ImportReport.Problem(
                            line,
                            (sku == null ? "a " + notStock + " product" : sku) + " is a " + notStock + " product: "
                                    + switch (notStock) {
                                        case "variable" -> "it holds no stock, its variations are imported";
                                        case "grouped" ->
                                            "it only lists other products, which are imported on their own";
                                        default -> "it is sold by another shop, so it has no stock here";
                                    }));
                    return null;
                }
            }
            if (sku == null) {
                skipped.add(new ImportReport.Problem(
                        line, "product " + cell(r, "name") + " has no SKU, so Stockroom cannot track it"));
                return null;
            }
            Long stock = whole(r, "stock", problems);
            String inStock = cell(r, "instock");
            boolean untracked =
                    stock == null && inStock != null && (inStock.equals("1") || inStock.equalsIgnoreCase("yes"));
            boolean variation = kind.contains("variation");
            Map<String, String> options = new LinkedHashMap<>();
            if (variation) {
                for (int i = 1; columns.containsKey("attribute" + i + "name"); i++) {
                    String attribute = text(r, "attribute" + i + "name");
                    String value = text(r, "attribute" + i + "values");
                    if (attribute != null && value != null) {
                        options.put(attribute, value);
                    }
                }
            }
            String parent = variation ? cell(r, "parent") : null;
            if (parent != null && parent.startsWith("id:")) {
                // A parent given by its WooCommerce ID is grouped under its SKU when the file has it.
                parent = wooSkuById.getOrDefault(parent.substring(3), parent);
            }
            return new ImportRow(
                    line,
                    sku,
                    text(r, "name"),
                    money(r, "regularprice", problems),
                    stock,
                    whole(r, "lowstockamount", problems),
                    null,
                    null,
                    null,
                    null,
                    null,
                    parent,
                    columns.containsKey("attribute1name") ? options : null,
                    !untracked,
                    null,
                    picture(firstImage(text(r, "images")), line));
        }

        /**
         * A storefront's picture address as the catalog takes it, or null: a picture the catalog
         * would refuse (say an address with a raw space) is left out with a warning, and its product
         * is imported without it rather than refused with the whole file.
         */
        private String picture(String address, long line) {
            Optional<String> problem = NewProduct.pictureAddressProblem(address);
            if (problem.isEmpty()) {
                return address;
            }
            warnings.add(new ImportReport.Problem(line, "picture left out: its address " + problem.get()));
            return null;
        }

        /** WooCommerce lists a product's images as addresses separated by commas; the first is its main one. */
        private static String firstImage(String images) {
            if (images == null) {
                return null;
            }
            String first = images.split(",", 2)[0].strip();
            return first.isEmpty() ? null : first;
        }

        /** A text cell with the quote that Stockroom's exports put before formula characters removed. */
        private String text(CSVRecord r, String column) {
            return Csv.untext(cell(r, column));
        }

        private String cell(CSVRecord r, String column) {
            Integer index = columns.get(column);
            if (index == null || index >= r.size()) {
                return null;
            }
            String value = r.get(index);
            return value == null || value.isBlank() ? null : value.strip();
        }

        private BigDecimal money(CSVRecord r, String column, List<String> problems) {
            String value = cell(r, column);
            if (value == null) {
                return null;
            }
            String plain = decimalComma && value.indexOf('.') < 0 ? value.replace(',', '.') : value;
            try {
                return new BigDecimal(plain);
            } catch (NumberFormatException e) {
                problems.add(column + " \"" + value + "\" is not a number");
                return null;
            }
        }

        private Long whole(CSVRecord r, String column, List<String> problems) {
            String value = cell(r, column);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(column + " \"" + value + "\" is not a whole number");
                return null;
            }
        }

        private Integer integer(CSVRecord r, String column, List<String> problems) {
            Long value = whole(r, column, problems);
            if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
                problems.add(column + " is out of range");
                return null;
            }
            return value == null ? null : value.intValue();
        }

        ParsedFile result() {
            return new ParsedFile(
                    format, List.copyOf(rows), List.copyOf(invalid), List.copyOf(skipped), List.copyOf(warnings));
        }
    }
}

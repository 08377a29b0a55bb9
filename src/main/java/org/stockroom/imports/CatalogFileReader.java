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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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

    /** Turns records into rows for one format, remembering what was wrong with which line. */
    private static final class Rows {
        private final ImportFormat format;
        private final Map<String, Integer> columns;
        private final boolean decimalComma;
        private final List<ImportRow> rows = new ArrayList<>();
        private final List<ImportReport.Problem> invalid = new ArrayList<>();
        private final List<ImportReport.Problem> skipped = new ArrayList<>();
        private final Map<String, String> shopifyTitles = new HashMap<>();
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
                    cell(r, "name"),
                    money(r, "price", problems),
                    whole(r, "stock", problems),
                    whole(r, "reorderthreshold", problems),
                    money(r, "cost", problems),
                    whole(r, "reorderquantity", problems),
                    integer(r, "leadtimedays", problems),
                    cell(r, "supplier"),
                    cell(r, "barcode"));
        }

        private ImportRow shopify(CSVRecord r, long line, List<String> problems) {
            String handle = cell(r, "handle");
            String title = cell(r, "title");
            if (handle != null && title != null) {
                shopifyTitles.putIfAbsent(handle, title);
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
            String base = title != null ? title : handle == null ? null : shopifyTitles.get(handle);
            List<String> options = new ArrayList<>();
            for (String column : List.of("option1value", "option2value", "option3value")) {
                String value = cell(r, column);
                if (value != null && !value.equalsIgnoreCase("Default Title")) {
                    options.add(value);
                }
            }
            String name = base == null ? null : options.isEmpty() ? base : base + " - " + String.join(" / ", options);
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
                    cell(r, "vendor"),
                    cell(r, "variantbarcode"));
        }

        private ImportRow woocommerce(CSVRecord r, long line, List<String> problems) {
            String type = cell(r, "type");
            String sku = cell(r, "sku");
            if (type != null && type.toLowerCase(Locale.ROOT).contains("variable")) {
                skipped.add(new ImportReport.Problem(
                        line,
                        (sku == null ? "a variable product" : sku)
                                + " is a variable product; its variations are imported"));
                return null;
            }
            if (sku == null) {
                skipped.add(new ImportReport.Problem(
                        line, "product " + cell(r, "name") + " has no SKU, so Stockroom cannot track it"));
                return null;
            }
            return new ImportRow(
                    line,
                    sku,
                    cell(r, "name"),
                    money(r, "regularprice", problems),
                    whole(r, "stock", problems),
                    whole(r, "lowstockamount", problems),
                    null,
                    null,
                    null,
                    null,
                    null);
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
            return new ParsedFile(format, List.copyOf(rows), List.copyOf(invalid), List.copyOf(skipped));
        }
    }
}

package org.stockroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every table has exactly one writer package (shared/DESIGN.md, "One owner per write"): the SQL
 * that inserts, updates or deletes rows of a table stands in one package only, and the packages
 * that only read (reports, the self-check) and the faces write nothing. The one table split by
 * column is {@code product}: the catalog writes its descriptive columns, and only the stock
 * statements change its stock columns. Read from the sources, since the SQL is text that no
 * class-level rule can see.
 */
class OneWriterPerTableTests {

    private static final Pattern WRITE =
            Pattern.compile("\\b(?:INSERT INTO|UPDATE|DELETE FROM)\\s+([a-z_]+)\\b(?=[\\s(\"])");
    /** Rows appended in bulk ({@code support/BulkInsert}) name their table as the call's first argument. */
    private static final Pattern BULK = Pattern.compile("\\bbulk\\s*\\.\\s*append(?:New)?\\(\\s*\"([a-z_]+)\"");

    private static final Path SOURCES = Path.of("src/main/java/org/stockroom");
    private static final Map<String, Set<String>> writers = new TreeMap<>();

    @BeforeAll
    static void readTheSql() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                String pkg = relative.getNameCount() == 1
                        ? "(root)"
                        : relative.getName(0).toString();
                String source = Files.readString(file);
                for (Pattern write : new Pattern[] {WRITE, BULK}) {
                    Matcher m = write.matcher(source);
                    while (m.find()) {
                        writers.computeIfAbsent(m.group(1), t -> new TreeSet<>())
                                .add(pkg);
                    }
                }
            }
        }
    }

    @Test
    void everyTableIsWrittenByOnePackage() {
        assertThat(writers).isNotEmpty().containsKey("product").containsKey("stock_movement");
        assertThat(writers.get("catalog_import_effect"))
                .as("a table written only through bulk appends is seen")
                .containsExactly("imports");
        Map<String, Set<String>> shared = new TreeMap<>();
        writers.forEach((table, packages) -> {
            if (packages.size() > 1 && !table.equals("product")) {
                shared.put(table, packages);
            }
        });
        assertThat(shared).as("tables written by more than one package").isEmpty();
        assertThat(writers.get("product")).containsExactlyInAnyOrder("catalog", "stock");
    }

    @Test
    void onlyTheStockStatementsChangeAProductsStock() throws IOException {
        Pattern setsStock = Pattern.compile(
                "UPDATE product SET[^;]*?\\b(stock|reserved|backordered|units_sold|last_stock_delta)\\s*=");
        try (Stream<Path> files = Files.walk(SOURCES.resolve("catalog"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = setsStock.matcher(Files.readString(file).replaceAll("\"\\s*\\+\\s*\"", ""));
                assertThat(m.find())
                        .as(file + " sets a stock column; stock changes only through stock/StockStatements")
                        .isFalse();
            }
        }
    }

    @Test
    void readersWriteNothing() {
        writers.forEach((table, packages) -> assertThat(packages)
                .as("writers of " + table)
                .doesNotContain("reports", "selfcheck", "api", "web", "cli", "http", "(root)"));
    }
}

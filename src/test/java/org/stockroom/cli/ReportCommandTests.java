package org.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stockroom.Store;
import org.stockroom.catalog.NewProduct;
import org.stockroom.sales.PurchaseRequest;

/** The report commands beside {@code report sales}, on one store opened once (as StoreCommandsTests does). */
class ReportCommandTests {

    private static Path dataDir;
    private static StoreSession store;
    private static Cli cli;

    @BeforeAll
    static void aStoreWithSales() throws Exception {
        dataDir = Files.createTempDirectory("stockroom-report-cli-");
        store = StoreSession.open(dataDir);
        cli = new Cli(dir -> store.borrow());
        Store s = store.store();
        s.addProduct(new NewProduct(
                "LAP-001",
                "Laptop",
                new BigDecimal("999.99"),
                10L,
                3L,
                new BigDecimal("700.00"),
                null,
                null,
                null,
                null));
        s.addProduct(
                new NewProduct("MOU-001", "=Mouse", new BigDecimal("24.99"), 50L, 5L, null, 10L, null, null, null));
        s.purchase(
                new PurchaseRequest(
                        null,
                        List.of(new PurchaseRequest.Line("LAP-001", 2L), new PurchaseRequest.Line("MOU-001", 3L))),
                null);
    }

    @AfterAll
    static void closeStore() {
        store.close();
        DemoCommand.delete(dataDir);
    }

    private static Cli.Run run(String... args) {
        Cli.Run run = cli.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void salesSortsLimitsAndPrintsCsvWithFormulasNeutralized() {
        assertThat(run("report", "sales", "--sort", "units", "--limit", "1").squeezed())
                .contains("MOU-001 =Mouse 3 $74.97 unknown unknown 47 ok")
                .doesNotContain("LAP-001 Laptop")
                .contains("Total 5 $2,074.95 unknown unknown");
        assertThat(run("report", "sales", "--csv").out())
                .isEqualTo("sku,name,unitsSold,revenue,cost,margin,stock,needsRestock\r\n"
                        + "LAP-001,Laptop,2,1999.98,1400.00,599.98,8,false\r\n"
                        + "MOU-001,'=Mouse,3,74.97,,,47,false\r\n");
        Cli.Run bad = cli.run("report", "sales", "--sort", "price");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("error:").contains("sort").doesNotContain("\n");
    }

    @Test
    void valuationIsATableWithTotalsAndTheUnknownCostSaidApart() {
        Cli.Run valuation = run("report", "valuation");
        assertThat(valuation.squeezed())
                .contains("LAP-001 Laptop 8 $700.00 $999.99 $5,600.00 $7,999.92")
                .contains("MOU-001 =Mouse 47 unknown $24.99 unknown $1,174.53")
                .contains("TOTAL 2 products 55 $5,600.00 $9,174.45")
                .contains("cost unknown for 1 products (47 units)");
        List<String> lines = valuation.outLines();
        assertThat(lines.get(1)).as("header and rule are as wide as each other").hasSameSizeAs(lines.get(2));
    }

    @Test
    void dailyReorderAndSlowPrintTablesAndJson() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(run("report", "daily", "--from", today, "--to", today).squeezed())
                .contains(today + " 5 $2,074.95 unknown unknown")
                .contains("TOTAL 5 $2,074.95");
        // Today's 2 laptops over a 28-day window: d = 0.071/day, σ = √(4/28 − d²) = 0.371, safety = 1.645·0.371·√7 =
        // 1.61;
        // reorder point ⌈0.5 + 1.61⌉ = 3 < stock 8, nothing to order: only --all lists it.
        assertThat(run("report", "reorder").out()).doesNotContain("LAP-001");
        assertThat(run("report", "reorder", "--all").squeezed()).contains("LAP-001 Laptop 8 0.071 112.0 d 7* d 3");
        assertThat(run("report", "slow", "--json").out()).contains("\"products\" : [ ]");
    }
}

package org.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.stockroom.Store;
import org.stockroom.catalog.NewProduct;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.stock.Adjustment;
import org.stockroom.stock.AdjustmentReason;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerCommandsTests {

    record Run(int exit, String out, String err) {}

    @TempDir
    static Path data;

    @BeforeAll
    void aStoreWithASaleAndAStocktake() {
        try (StoreSession session = StoreSession.open(data)) {
            Store store = session.store();
            store.addProduct(new NewProduct("MUG-1", "Mug", new BigDecimal("8.00"), 20L, 2L, null, null, null, null, null));
            store.purchase(PurchaseRequest.of("order-1", Map.of("MUG-1", 2L)), null);
            store.adjust("MUG-1", new Adjustment(null, 17L, AdjustmentReason.COUNT, "=1+1"));
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StockroomCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void movementsPrintsTheLedgerNewestFirstWithTheCliAsActor() {
        Run run = run("movements", "MUG-1", "--data", data.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines[0]).startsWith("ID").contains("BALANCE", "ACTOR");
        assertThat(lines[2]).contains("ADJUSTMENT", "COUNT", "-1", "17", "cli", "=1+1");
        assertThat(lines[3]).contains("SALE", "-2", "18");
        assertThat(lines[4]).contains("ADJUSTMENT", "COUNT", "+20", "20");
    }

    @Test
    void movementsCsvExportsEveryProductWithFormulasDefused() {
        Run run = run("movements", "--csv", "--data", data.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        String[] lines = run.out().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("id,at,date,sku,type");
        assertThat(lines[3]).contains(",-1,17,cli,'=1+1,");
    }

    @Test
    void movementsWithoutASkuOrWithAnUnknownOneFailsWithOneLine() {
        Run missing = run("movements", "--data", data.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("error: SKU: is required").doesNotContain("\n");

        Run unknown = run("movements", "NOPE", "--data", data.toString());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown-sku");
    }

    @Test
    void verifyExitsZeroWhenAllAgreeAndNonZeroNamingACorruptedRow() throws Exception {
        Run clean = run("verify", "--data", data.toString());
        assertThat(clean.exit()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).startsWith("ok: 1 products checked");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stockroom.db"))) {
            c.createStatement().executeUpdate("UPDATE product SET stock = stock + 1 WHERE sku = 'MUG-1'");
        }
        try {
            Run corrupted = run("verify", "--data", data.toString());
            assertThat(corrupted.exit()).isEqualTo(VerifyCommand.DISCREPANCIES);
            assertThat(corrupted.out()).containsPattern("MUG-1\\s+stock\\s+17\\s+18").contains("1 discrepancies among 1 products");
        } finally {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stockroom.db"))) {
                c.createStatement().executeUpdate("UPDATE product SET stock = stock - 1 WHERE sku = 'MUG-1'");
            }
        }
    }
}

package org.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.Store;
import org.stockroom.catalog.NewProduct;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.stock.Adjustment;
import org.stockroom.stock.AdjustmentReason;

/**
 * The ledger commands on one store holding a product with its opening stock, a sale and a
 * stocktake. The commands share the open store, as in {@link StoreCommandsTests}.
 */
class LedgerCommandsTests {

    private static Path data;
    private static StoreSession session;
    private static Cli cli;

    @BeforeAll
    static void aStoreWithASaleAndAStocktake() throws Exception {
        data = Files.createTempDirectory("stockroom-ledger-cli-");
        session = StoreSession.open(data);
        cli = new Cli(dir -> session.borrow());
        Store store = session.store();
        store.addProduct(new NewProduct("MUG-1", "Mug", new BigDecimal("8.00"), 20L, 2L, null, null, null, null, null));
        store.purchase(PurchaseRequest.of("order-1", Map.of("MUG-1", 2L)), null);
        store.adjust("MUG-1", new Adjustment(null, 17L, AdjustmentReason.COUNT, "=1+1"));
    }

    @AfterAll
    static void closeStore() {
        session.close();
        DemoCommand.delete(data);
    }

    private Cli.Run run(String... args) {
        return cli.run(args);
    }

    @Test
    void movementsPrintsTheLedgerNewestFirstWithTheCliAsActor() {
        Cli.Run run = run("movements", "MUG-1", "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines[0]).startsWith("ID").contains("BALANCE", "ACTOR");
        assertThat(lines[2]).contains("ADJUSTMENT", "COUNT", "-1", "17", "cli", "=1+1");
        assertThat(lines[3]).contains("SALE", "-2", "18");
        assertThat(lines[4]).contains("ADJUSTMENT", "COUNT", "+20", "20");
    }

    @Test
    void movementsCsvExportsEveryProductWithFormulasDefused() {
        Cli.Run run = run("movements", "--csv", "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("id,at,date,sku,type");
        assertThat(lines[3]).contains(",-1,17,cli,'=1+1,");
    }

    @Test
    void movementsWithoutASkuOrWithAnUnknownOneFailsWithOneLine() {
        Cli.Run missing = run("movements", "--data", data.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("error: SKU: is required").doesNotContain("\n");

        Cli.Run unknown = run("movements", "NOPE", "--data", data.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown-sku");
    }

    @Test
    void verifyExitsZeroWhenAllAgreeAndNonZeroNamingACorruptedRow() {
        Cli.Run clean = run("verify", "--data", data.toString());
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).startsWith("ok: 1 products checked");

        JdbcClient jdbc = session.bean(JdbcClient.class);
        jdbc.sql("UPDATE product SET stock = stock + 1 WHERE sku = 'MUG-1'").update();
        try {
            Cli.Run corrupted = run("verify", "--data", data.toString());
            assertThat(corrupted.exitCode()).isEqualTo(VerifyCommand.DISCREPANCIES);
            assertThat(corrupted.out())
                    .containsPattern("MUG-1\\s+stock\\s+17\\s+18")
                    .contains("1 discrepancies among 1 products");
        } finally {
            jdbc.sql("UPDATE product SET stock = stock - 1 WHERE sku = 'MUG-1'").update();
        }
    }
}

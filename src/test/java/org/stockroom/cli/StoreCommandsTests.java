package org.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.PostgresTestDatabase;
import org.stockroom.testing.TestDatabase;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store commands against one store in a temporary directory, emptied before each test. The
 * commands share one open store (starting one per command would take seconds each); the last test
 * runs the way users do, each command opening the store itself.
 */
class StoreCommandsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path dataDir;
    private static StoreSession store;
    private static Cli cli;

    @BeforeAll
    static void openStore() throws Exception {
        dataDir = Files.createTempDirectory("stockroom-cli-tests-");
        store = StoreSession.open(dataDir);
        cli = new Cli(dir -> {
            assertThat(dir).as("--data").isEqualTo(dataDir);
            return store.borrow();
        });
    }

    @AfterAll
    static void closeStore() {
        store.close();
        DemoCommand.delete(dataDir);
    }

    @BeforeEach
    void emptyStore() {
        TestDatabase.wipe(store.bean(DataSource.class));
    }

    private Cli.Run run(String... args) {
        List<String> withData = new ArrayList<>(List.of(args));
        withData.addAll(List.of("--data", dataDir.toString()));
        return cli.run(withData.toArray(String[]::new));
    }

    private void addProduct(String sku, String price, long stock, long threshold) {
        Cli.Run added = run(
                "products",
                "add",
                "--sku",
                sku,
                "--name",
                sku + " product",
                "--price",
                price,
                "--stock",
                "" + stock,
                "--threshold",
                "" + threshold);
        assertThat(added.exitCode()).as(added.toString()).isZero();
    }

    private JsonNode product(String sku) {
        Cli.Run shown = run("products", "show", sku, "--json");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        return JSON.readTree(shown.out()).get("product");
    }

    private static void assertOneLineError(Cli.Run run, int exitCode, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(message);
    }

    @Test
    void aPurchaseOrderIsDraftedSentAndReceivedFromTheCommandLine() {
        addProduct("LAP-1", "1299.00", 2, 5);
        Cli.Run supplier = run("suppliers", "add", "Acme", "--lead-time", "7");
        assertThat(supplier.exitCode()).as(supplier.toString()).isZero();
        assertThat(run("suppliers", "list").out()).contains("Acme").contains("7 d");

        Cli.Run drafted = run("po", "new", "--supplier", "Acme", "LAP-1=10@700.00");
        assertThat(drafted.exitCode()).as(drafted.toString()).isZero();
        assertThat(drafted.out()).contains("PO-0001").contains("DRAFT").contains("7000.00");
        assertThat(run("po", "send", "PO-0001").out()).contains("SENT");

        assertThat(run("products", "list").squeezed())
                .as("the ten units sent for show as incoming")
                .contains("LAP-1 LAP-1 product $1,299.00 2 2 10 5 0 LOW");
        JsonNode listed = JSON.readTree(run("products", "list", "--json").out())
                .get("items")
                .get(0);
        assertThat(listed.get("incoming").asLong()).isEqualTo(10);
        assertThat(listed.get("available").asLong()).isEqualTo(2);
        assertThat(JSON.readTree(run("products", "show", "LAP-1", "--json").out())
                        .get("incoming")
                        .asLong())
                .isEqualTo(10);

        Cli.Run received = run("po", "receive", "PO-0001", "LAP-1=4", "--note", "pallet 1");
        assertThat(received.exitCode()).as(received.toString()).isZero();
        assertThat(received.out()).contains("Received 4 x LAP-1: stock 6.").contains("PARTIALLY_RECEIVED");
        assertThat(run("products", "show", "LAP-1").squeezed()).contains("Incoming 6 (on sent purchase orders)");
        assertThat(product("LAP-1").get("cost").decimalValue()).isEqualByComparingTo("700.00");

        Cli.Run over = run("po", "receive", "PO-0001", "LAP-1=7");
        assertThat(over.exitCode()).isNotZero();
        assertThat(over.err()).startsWith("error: ").contains("More than is still open on PO-0001");
        assertThat(run("po", "list", "--status", "partially_received").out()).contains("PO-0001");
        assertThat(run("po", "csv", "PO-0001").out())
                .contains("PO-0001,Acme,LAP-1,LAP-1 product,10,4,6,700.00,7000.00");
        assertThat(run("po", "cancel", "PO-0001").out()).contains("CANCELLED");
    }

    @Test
    void importChecksAFileOnADryRunThenImportsItAndSaysWhatItLeftOut() throws Exception {
        Path file = dataDir.resolve("woocommerce.csv");
        Files.writeString(
                file,
                "ID,Type,SKU,Name,Stock,In stock?,Low stock amount,Regular price,Images\n"
                        + "12,simple,MUG,Mug,4,1,2,7.50,ftp://shop.example/mug.jpg\n"
                        + "13,simple,CUP,Cup,6,1,,5.00,https://shop.example/cup.jpg\n"
                        + "14,simple,TEA,Tea,,1,1,3.00,\n");

        Cli.Run dryRun = run("import", file.toString(), "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("Dry run of a woocommerce file").contains("To create: MUG, CUP, TEA");
        assertThat(run("products", "list").out()).doesNotContain("MUG");

        Cli.Run imported = run("import", file.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.squeezed())
                .contains("3 created, 0 updated, 0 unchanged, 0 invalid, 0 skipped")
                .contains("line 2: picture left out: its address must be an http or https address")
                .containsPattern("Store defaults \\(no reorder threshold in the file\\): threshold \\d+.* for CUP\n")
                .contains("Stock 0, not counted by the storefront (count or receive them): TEA");
        assertThat(product("CUP").get("imageUrl").asString()).isEqualTo("https://shop.example/cup.jpg");

        Files.writeString(file, "sku,name,price,stock\nPEN,Pen,cheap,3\n");
        Cli.Run refused = run("import", file.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).startsWith("error: ");
        assertThat(run("products", "list").out()).doesNotContain("PEN");
    }

    @Test
    void productsAddPrintsTheProductAndShowPrintsEveryFieldWithTheOpenAlert() {
        Cli.Run added = run(
                "products",
                "add",
                "--sku",
                "LAP-1",
                "--name",
                "ProBook 15",
                "--price",
                "1299.00",
                "--stock",
                "2",
                "--threshold",
                "3",
                "--cost",
                "905",
                "--reorder-quantity",
                "10",
                "--lead-time",
                "7",
                "--supplier",
                "Acme",
                "--barcode",
                "4006381333931",
                "--image-url",
                "https://cdn.example.com/probook.jpg");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.squeezed()).contains("Price $1,299.00").contains("In stock 2");

        Cli.Run shown = run("products", "show", "LAP-1");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.squeezed())
                .contains("SKU LAP-1")
                .contains("Name ProBook 15")
                .contains("Restock threshold 3")
                .contains("Status LOW: needs restocking")
                .contains("Cost $905.00")
                .contains("Reorder quantity 10")
                .contains("Lead time 7 days")
                .contains("Supplier Acme")
                .contains("Barcode 4006381333931")
                .contains("Image https://cdn.example.com/probook.jpg")
                .contains("Reserved 0")
                .contains("Available 2")
                .contains("Archived no")
                .containsPattern("Open alert #\\d+ LOW since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d, not acknowledged");

        JsonNode json = JSON.readTree(run("products", "show", "LAP-1", "--json").out());
        assertThat(json.get("product").get("price").decimalValue()).isEqualByComparingTo("1299.00");
        assertThat(json.get("product").get("needsRestock").booleanValue()).isTrue();
        assertThat(json.has("needsRestock")).as("said once, in the product").isFalse();
        assertThat(json.get("openAlert").get("level").stringValue()).isEqualTo("LOW");
    }

    @Test
    void productsListShowsTheCatalogAndItsJsonParses() {
        addProduct("MOU-1", "24.99", 40, 10);
        addProduct("MOU-2", "49.99", 5, 5);
        Cli.Run listed = run("products", "list");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.squeezed())
                .contains("MOU-1 MOU-1 product $24.99 40 40 0 10 0 ok")
                .contains("MOU-2 MOU-2 product $49.99 5 5 0 5 0 LOW");
        JsonNode json = JSON.readTree(run("products", "list", "--json").out());
        assertThat(json.get("total").asLong()).isEqualTo(2);
        assertThat(json.get("items").get(0).get("sku").stringValue()).isEqualTo("MOU-1");
    }

    @Test
    void productsListCallsAProductOutWhenReservationsHoldAllItsUnits() {
        addProduct("MOU-1", "24.99", 2, 1);
        Cli.Run held = run("reserve", "MOU-1:2");
        assertThat(held.exitCode()).as(held.toString()).isZero();

        Cli.Run listed = run("products", "list");

        assertThat(listed.squeezed())
                .as("nothing is left to sell, as its alert and 'products show' say")
                .contains("MOU-1 MOU-1 product $24.99 2 0 0 1 0 OUT");
        assertThat(run("products", "show", "MOU-1").squeezed())
                .contains("OUT: sold out")
                .contains("Reserved 2")
                .contains("Available 0");
        JsonNode item = JSON.readTree(run("products", "list", "--json").out())
                .get("items")
                .get(0);
        assertThat(item.get("stock").asLong()).isEqualTo(2);
        assertThat(item.get("reserved").asLong()).isEqualTo(2);
        assertThat(item.get("available").asLong()).as("--json says so too").isZero();
        assertThat(item.get("needsRestock").asBoolean()).isTrue();
    }

    @Test
    void productsAddRefusesBadInputWithExitTwoAndDuplicatesWithExitOne() {
        assertOneLineError(run("products", "add", "--sku", "X", "--name", "X"), 2, "Missing required options");
        assertOneLineError(
                run(
                        "products",
                        "add",
                        "--sku",
                        "X",
                        "--name",
                        "X",
                        "--price",
                        "-1",
                        "--stock",
                        "1",
                        "--threshold",
                        "0"),
                2,
                "price: must be 0 or more (invalid-request)");
        assertOneLineError(
                run(
                        "products",
                        "add",
                        "--sku",
                        "bad sku",
                        "--name",
                        "",
                        "--price",
                        "1",
                        "--stock",
                        "1",
                        "--threshold",
                        "0"),
                2,
                "sku must be 1 to 64 characters of A-Z a-z 0-9 . _ - and not only dots; name is required");
        assertOneLineError(
                run(
                        "products",
                        "add",
                        "--sku",
                        "X",
                        "--name",
                        "X",
                        "--price",
                        "ten",
                        "--stock",
                        "1",
                        "--threshold",
                        "0"),
                2,
                "'ten'");
        addProduct("X", "1", 1, 0);
        assertOneLineError(
                run("products", "add", "--sku", "X", "--name", "X", "--price", "1", "--stock", "1", "--threshold", "0"),
                1,
                "(duplicate-sku)");
    }

    @Test
    void productsShowOfAnUnknownSkuIsOneLineAndExitOne() {
        assertOneLineError(run("products", "show", "NOPE"), 1, "No product with SKU NOPE (unknown-sku)");
    }

    @Test
    void purchasePrintsItsLinesTotalAndTheAlertsItRaised() {
        addProduct("LAP", "1000.00", 5, 2);
        addProduct("MOU", "25.50", 50, 5);
        Cli.Run bought = run("purchase", "LAP:3", "MOU:2", "--reference", "Order #7");
        assertThat(bought.exitCode()).as(bought.toString()).isZero();
        assertThat(bought.squeezed())
                .containsPattern("Purchase \\S+ \\(Order #7\\), \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d")
                .contains("LAP LAP product 3 $1,000.00 $3,000.00")
                .contains("MOU MOU product 2 $25.50 $51.00")
                .contains("Total 5 $3,051.00")
                .contains("Restock alert: LAP is low, 2 left (restock threshold 2)");
        assertThat(product("LAP").get("stock").asLong()).isEqualTo(2);
        assertThat(product("MOU").get("unitsSold").asLong()).isEqualTo(2);
    }

    @Test
    void purchaseJsonParsesAndAnIdempotencyKeyMakesTheRetrySellNothing() {
        addProduct("MOU", "25.50", 50, 5);
        Cli.Run first = run("purchase", "MOU:4", "--idempotency-key", "order-1", "--json");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        JsonNode purchase = JSON.readTree(first.out());
        assertThat(purchase.get("total").decimalValue()).isEqualByComparingTo("102.00");
        assertThat(purchase.get("lines").get(0).get("quantity").asLong()).isEqualTo(4);

        Cli.Run retry = run("purchase", "MOU:4", "--idempotency-key", "order-1", "--json");
        assertThat(retry.exitCode()).isZero();
        assertThat(JSON.readTree(retry.out()).get("id").stringValue())
                .isEqualTo(purchase.get("id").stringValue());
        assertThat(retry.err()).contains("already used for this purchase");
        assertThat(product("MOU").get("stock").asLong()).isEqualTo(46);
    }

    @Test
    void aRefusedPurchaseNamesEveryShortageOnOneLineExitsOneAndSellsNothing() {
        addProduct("LAP", "1000.00", 2, 1);
        addProduct("MOU", "25.50", 50, 5);
        addProduct("PHN", "400.00", 1, 1);
        assertOneLineError(
                run("purchase", "LAP:3", "MOU:1", "PHN:2"),
                1,
                "Not enough stock: LAP requested 3, available 2; PHN requested 2, available 1 (insufficient-stock)");
        assertThat(product("LAP").get("stock").asLong()).isEqualTo(2);
        assertThat(product("MOU").get("stock").asLong()).isEqualTo(50);
    }

    @Test
    void reserveHoldsUnitsThatReservationsListsAndCommitSellsAndReleaseGivesBack() {
        addProduct("LAP", "1000.00", 5, 1);
        addProduct("MOU", "25.50", 50, 5);

        Cli.Run held = run("reserve", "LAP:2", "MOU:3", "--reference", "cart-88", "--expires-in", "1800");
        assertThat(held.exitCode()).as(held.toString()).isZero();
        assertThat(held.squeezed())
                .containsPattern("Reservation \\S+ \\(cart-88\\), ACTIVE, expires \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d")
                .contains("LAP 2")
                .contains("MOU 3");
        assertThat(product("LAP").get("reserved").asLong()).isEqualTo(2);
        assertThat(product("LAP").get("stock").asLong()).isEqualTo(5);

        Cli.Run other = run("reserve", "MOU:4", "--json");
        assertThat(other.exitCode()).as(other.toString()).isZero();
        JsonNode second = JSON.readTree(other.out());
        assertThat(second.get("status").asString()).isEqualTo("ACTIVE");
        String secondId = second.get("id").asString();

        Cli.Run listed = run("reservations", "--status", "active", "--json");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        JsonNode active = JSON.readTree(listed.out());
        assertThat(active).hasSize(2);
        String cartId = active.get(0).get("id").asString().equals(secondId)
                ? active.get(1).get("id").asString()
                : active.get(0).get("id").asString();
        assertThat(run("reservations").squeezed())
                .contains(cartId + " cart-88 ACTIVE LAP:2 MOU:3")
                .contains(secondId + " ACTIVE MOU:4");

        Cli.Run committed = run("reservations", "commit", cartId);
        assertThat(committed.exitCode()).as(committed.toString()).isZero();
        assertThat(committed.squeezed())
                .containsPattern("Purchase \\S+ \\(cart-88\\)")
                .contains("Total 5 $2,076.50");
        Cli.Run again = run("reservations", "commit", cartId, "--json");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("committed before");
        assertThat(product("LAP").get("stock").asLong()).isEqualTo(3);
        assertThat(product("LAP").get("reserved").asLong()).isZero();
        assertThat(product("MOU").get("unitsSold").asLong()).isEqualTo(3);

        Cli.Run released = run("reservations", "release", secondId);
        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(released.out()).contains(secondId + ", RELEASED");
        assertThat(product("MOU").get("reserved").asLong()).isZero();
        assertThat(product("MOU").get("stock").asLong()).isEqualTo(47);

        assertThat(JSON.readTree(
                        run("reservations", "--status", "committed", "--json").out()))
                .singleElement()
                .satisfies(r -> assertThat(r.get("purchaseId").asString()).isNotBlank());
        assertThat(run("reservations", "--status", "expired").out()).isEqualTo("No expired reservations.\n");
        assertOneLineError(
                run("reservations", "commit", secondId), 1, "is released, not active (reservation-not-active)");
        assertOneLineError(
                run("reservations", "release", cartId), 1, "is committed, not active (reservation-not-active)");
        assertOneLineError(run("reservations", "release", "nope"), 1, "(unknown-reservation)");
    }

    @Test
    void reserveRefusesShortagesAndBadInputAndAKeyMakesTheRetryHoldNothing() {
        addProduct("LAP", "1000.00", 2, 1);
        assertOneLineError(
                run("reserve", "LAP:3"), 1, "Not enough stock: LAP requested 3, available 2 (insufficient-stock)");
        assertOneLineError(
                run("reserve", "LAP:1", "--expires-in", "59"),
                2,
                "expiresInSeconds: must be a whole number from 60 to 604800 (invalid-request)");
        assertOneLineError(
                run("reservations", "--status", "open"),
                2,
                "--status: must be one of active, committed, released, expired (invalid-request)");
        assertOneLineError(
                run("po", "list", "--status", "open"),
                2,
                "--status: must be one of draft, sent, partially_received, received, cancelled (invalid-request)");
        assertThat(product("LAP").get("reserved").asLong()).isZero();

        Cli.Run first = run("reserve", "LAP:1", "--idempotency-key", "cart-1", "--json");
        Cli.Run retry = run("reserve", "LAP:1", "--idempotency-key", "cart-1", "--json");
        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(retry.err()).contains("already used for this reservation");
        assertThat(JSON.readTree(retry.out()).get("id").asString())
                .isEqualTo(JSON.readTree(first.out()).get("id").asString());
        assertThat(product("LAP").get("reserved").asLong()).isEqualTo(1);
    }

    @Test
    void purchaseOfAnUnknownSkuIsRefused() {
        addProduct("MOU", "25.50", 50, 5);
        assertOneLineError(run("purchase", "MOU:1", "NOPE:1"), 1, "No product with SKU NOPE (unknown-sku)");
        assertThat(product("MOU").get("stock").asLong()).isEqualTo(50);
    }

    @Test
    void purchaseWithABadQuantityIsBadInputWithExitTwo() {
        addProduct("MOU", "25.50", 50, 5);
        assertOneLineError(
                run("purchase", "MOU:0"), 2, "quantity: must be a whole number from 1 to 1000000 (invalid-request)");
        assertOneLineError(run("purchase", "MOU:-3"), 2, "must be a whole number from 1 to 1000000");
        assertOneLineError(run("purchase", "MOU:two"), 2, "the quantity after ':' must be a whole number");
        assertOneLineError(run("purchase", "MOU:2.5"), 2, "the quantity after ':' must be a whole number");
        assertOneLineError(run("purchase", "MOU"), 2, "expected SKU:QTY");
        assertOneLineError(run("purchase"), 2, "SKU:QTY");
        assertThat(product("MOU").get("stock").asLong()).isEqualTo(50);
    }

    @Test
    void restockReceivesUnitsAndResolvesTheAlert() {
        addProduct("LAP", "1000.00", 1, 2);
        Cli.Run low = run("restock", "LAP", "1", "--note", "partial delivery");
        assertThat(low.exitCode()).as(low.toString()).isZero();
        assertThat(low.out())
                .contains("Received 1 x LAP product (LAP): stock 1 -> 2.")
                .contains("its restock alert stays open");
        assertThat(run("alerts").squeezed()).contains("LAP LAP product LOW 2 2");

        Cli.Run enough = run("restock", "LAP", "10", "--json");
        assertThat(enough.exitCode()).isZero();
        JsonNode movement = JSON.readTree(enough.out());
        assertThat(movement.get("delta").asLong()).isEqualTo(10);
        assertThat(movement.get("balanceAfter").asLong()).isEqualTo(12);
        assertThat(run("alerts").out()).contains("No open restock alerts");
        Cli.Run all = run("alerts", "--status", "all");
        assertThat(all.squeezed()).containsPattern("LAP LAP product LOW 12 2 \\S+ \\S+ +\\S+ \\S+");
    }

    @Test
    void restockRefusesBadQuantitiesAndUnknownProducts() {
        addProduct("LAP", "1000.00", 1, 2);
        assertOneLineError(run("restock", "LAP", "0"), 2, "quantity: must be a whole number from 1 to 1000000");
        assertOneLineError(run("restock", "LAP", "-5"), 2, "quantity: must be a whole number from 1 to 1000000");
        assertOneLineError(run("restock", "LAP", "many"), 2, "'many'");
        assertOneLineError(run("restock", "NOPE", "5"), 1, "No product with SKU NOPE (unknown-sku)");
        assertThat(product("LAP").get("stock").asLong()).isEqualTo(1);
    }

    @Test
    void alertsListsOpenAlertsAsATableOrJson() {
        addProduct("LAP", "1000.00", 0, 2);
        addProduct("MOU", "25.50", 50, 5);
        Cli.Run open = run("alerts");
        assertThat(open.exitCode()).isZero();
        assertThat(open.squeezed()).contains("LAP LAP product OUT 0 2").doesNotContain("MOU");
        JsonNode json =
                JSON.readTree(run("alerts", "--status", "OPEN", "--json").out());
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get(0).get("sku").stringValue()).isEqualTo("LAP");
        assertOneLineError(run("alerts", "--status", "closed"), 2, "--status");
    }

    @Test
    void backordersListsWhatIsOwedAndCancelsIt() {
        addProduct("LAP", "1000.00", 1, 0);
        store.bean(org.stockroom.sales.Sales.class)
                .purchaseAllowingBackorder(
                        org.stockroom.sales.PurchaseRequest.of("shop #1", java.util.Map.of("LAP", 3L)), null, "Woo");

        Cli.Run open = run("backorders");
        assertThat(open.exitCode()).as(open.toString()).isZero();
        assertThat(open.squeezed()).containsPattern("\\d+ LAP 2 0 OPEN Woo");
        JsonNode json =
                JSON.readTree(run("backorders", "--status", "all", "--json").out());
        assertThat(json.size()).isEqualTo(1);
        long id = json.get(0).get("id").asLong();

        Cli.Run cancelled = run("backorders", "--cancel", "" + id);
        assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
        assertThat(cancelled.out()).contains("2 units of LAP are owed no more");
        assertThat(run("backorders").out()).contains("No open backorders.");
        assertThat(product("LAP").get("backordered").asLong()).isZero();
        assertOneLineError(run("backorders", "--cancel", "" + id), 1, "backorder-not-open");
    }

    @Test
    void reportSalesIsATableWithATotalsRowAndJsonForScripts() {
        addProduct("LAP", "1000.00", 10, 2);
        addProduct("MOU", "25.50", 50, 5);
        assertThat(run("purchase", "LAP:2", "MOU:3").exitCode()).isZero();
        assertThat(run("purchase", "MOU:1").exitCode()).isZero();

        Cli.Run report = run("report", "sales");
        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(report.squeezed())
                .contains("2 purchases, 6 units, $2,102.00.")
                .contains("LAP LAP product 2 $2,000.00 unknown unknown 8 ok")
                .contains("MOU MOU product 4 $102.00 unknown unknown 46 ok")
                .contains("Total 6 $2,102.00 unknown unknown");

        JsonNode json = JSON.readTree(
                run("report", "sales", "--json", "--from", "2000-01-01").out());
        assertThat(json.get("totals").get("units").asLong()).isEqualTo(6);
        assertThat(json.get("totals").get("revenue").decimalValue()).isEqualByComparingTo("2102.00");
        assertThat(json.get("products")).hasSize(2);

        Cli.Run past = run("report", "sales", "--to", "2000-01-01");
        assertThat(past.out()).contains("0 purchases, 0 units");
    }

    @Test
    void reportSalesRefusesBadDates() {
        assertOneLineError(
                run("report", "sales", "--from", "2026-02-01", "--to", "2026-01-01"), 2, "to: must not be before from");
        assertOneLineError(run("report", "sales", "--from", "yesterday"), 2, "'yesterday'");
    }

    @Test
    void unknownCommandsAndOptionsAreOneLineWithExitTwo() {
        assertOneLineError(cli.run("frobnicate"), 2, "'frobnicate'");
        assertOneLineError(cli.run("report", "weekly"), 2, "'weekly'");
        assertOneLineError(cli.run("alerts", "--colour"), 2, "--colour");
    }

    @Test
    void everyCommandAnswersHelp() {
        List<String[]> commands = new ArrayList<>();
        collect(
                StockroomCommand.commandLine(
                        new java.io.PrintWriter(java.io.Writer.nullWriter()),
                        new java.io.PrintWriter(java.io.Writer.nullWriter())),
                new ArrayList<>(),
                commands);
        assertThat(commands)
                .extracting(c -> String.join(" ", c))
                .contains("demo", "products add", "products show", "purchase", "restock", "alerts", "report sales");
        for (String[] command : commands) {
            List<String> args = new ArrayList<>(List.of(command));
            args.add("--help");
            Cli.Run help = cli.run(args.toArray(String[]::new));
            assertThat(help.exitCode()).as(help.toString()).isZero();
            assertThat(help.out()).contains("Usage: stockroom " + String.join(" ", command));
        }
    }

    private static void collect(CommandLine command, List<String> path, List<String[]> into) {
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> here = new ArrayList<>(path);
            here.add(name);
            into.add(here.toArray(String[]::new));
            collect(sub, here, into);
        });
    }

    @Test
    void eachCommandOpensTheStoreInTheDataDirectoryItIsGiven() throws Exception {
        Path elsewhere = Files.createTempDirectory("stockroom-cli-data-");
        try {
            Cli.Run listed = Cli.standalone().run("products", "list", "--json", "--data", elsewhere.toString());
            assertThat(listed.exitCode()).as(listed.toString()).isZero();
            assertThat(JSON.readTree(listed.out()).get("total").asLong()).isZero();
            if (!PostgresTestDatabase.active()) {
                // In the suite's PostgreSQL run the directory names the test's schema instead of holding a file.
                assertThat(elsewhere.resolve("stockroom.db")).exists();
            }
        } finally {
            DemoCommand.delete(elsewhere);
        }
    }

    @Test
    void aBundleIsAddedWithItsComponentsAndSoldFromThem() {
        addProduct("MUG", "8.00", 10, 0);
        addProduct("COASTER", "2.00", 3, 0);

        Cli.Run added = run(
                "products",
                "add",
                "--sku",
                "GIFT",
                "--name",
                "Gift set",
                "--price",
                "15",
                "--threshold",
                "0",
                "--component",
                "MUG:2",
                "--component",
                "COASTER:1");

        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.out()).contains("COASTER:1|MUG:2");
        assertThat(product("GIFT").get("stock").asLong()).isEqualTo(3);
        assertThat(run("purchase", "GIFT:2").exitCode()).isZero();
        assertThat(product("MUG").get("stock").asLong()).isEqualTo(6);

        assertOneLineError(
                run(
                        "products",
                        "add",
                        "--sku",
                        "NEST",
                        "--name",
                        "Nest",
                        "--price",
                        "1",
                        "--threshold",
                        "0",
                        "--component",
                        "GIFT:1"),
                1,
                "GIFT is a bundle");
        assertOneLineError(run("restock", "GIFT", "5"), 1, "GIFT is a bundle");
    }
}

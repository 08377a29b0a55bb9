package org.stockroom.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;
import org.stockroom.alerts.AlertChange;
import org.stockroom.testing.AllAtOnce;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/**
 * Purchases that arrive together share one commit, and a refused one fails alone. To know which
 * purchases shared a batch, these tests hold every writer on a purchase of its own while the
 * purchases under test queue up, then let one writer go: it takes them all in its next batch.
 */
class GroupCommitTests extends ApiTestSupport {

    @Autowired
    Sales sales;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventMulticaster multicaster;

    private GroupCommit groupCommit;
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final List<String> batchThreads = new CopyOnWriteArrayList<>();
    private final Semaphore writersMayGo = new Semaphore(0);
    private final AtomicInteger writersHeld = new AtomicInteger();

    @BeforeEach
    void watchBatches() {
        groupCommit = sales.groupCommit();
        assertThat(groupCommit).as("group commit is on by default").isNotNull();
        groupCommit.observeBatches(batch -> {
            List<String> references =
                    batch.stream().map(o -> String.valueOf(o.reference())).toList();
            batches.add(references);
            batchThreads.add(Thread.currentThread().getName());
            if (references.contains("hold")) {
                writersHeld.incrementAndGet();
                writersMayGo.acquireUninterruptibly();
            }
        });
    }

    @AfterEach
    void stopWatching() {
        writersMayGo.release(1000);
        groupCommit.observeBatches(batch -> {});
    }

    /** With no batch running, the purchase is made on the request's own thread: no hand-off to a writer and back. */
    @Test
    void aLonePurchaseRunsOnItsBuyersThreadAndIsCommittedBeforeItsAnswer() {
        api.post("/api/products", product("LONE-1", "4.00", 3, 0));
        batchThreads.clear();

        Api.Response bought = api.post("/api/purchases", withReference("lone", "LONE-1", 2));
        Api.Response refused = api.post("/api/purchases", withReference("lone-too-many", "LONE-1", 2));

        assertThat(bought.status()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(batches).contains(List.of("lone"), List.of("lone-too-many"));
        assertThat(batchThreads)
                .as("threads that ran the two batches")
                .hasSize(2)
                .noneMatch(name -> name.startsWith("purchase-writer-"));
        assertThat(countOnAConnectionOfItsOwn("SELECT COUNT(*) FROM purchase WHERE reference = 'lone'"))
                .as("committed when answered")
                .isEqualTo(1);
        assertThat(countOnAConnectionOfItsOwn("SELECT COUNT(*) FROM purchase WHERE reference = 'lone-too-many'"))
                .isZero();
        assertThat(stock("LONE-1")).isEqualTo(1);
        assertThat(count("SELECT units FROM sales_total WHERE sku = 'LONE-1'")).isEqualTo(2);
    }

    /**
     * Savepoints cost two round trips per purchase, so a batch runs without them until one of its
     * purchases is refused; then it is rolled back and run again with each purchase in a savepoint,
     * and every answer is the one the purchase would have had on its own.
     */
    @Test
    void aBatchRunsWithoutSavepointsUntilAPurchaseIsRefusedThenAgainInSavepoints() throws Exception {
        api.post("/api/products", product("OPT-1", "2.00", 12, 0));
        api.post("/api/products", product("OPT-2", "5.00", 1, 0));

        // Whatever an earlier test's last batch was, one without a refusal leaves the next without savepoints.
        inOneBatch(List.of(
                () -> api.post("/api/purchases", withReference("settle-1", "OPT-1", 1)),
                () -> api.post("/api/purchases", withReference("settle-2", "OPT-1", 1))));
        long before = groupCommit.runsInSavepoints();
        List<CompletableFuture<Api.Response>> clean = inOneBatch(List.of(
                () -> api.post("/api/purchases", withReference("clean-1", "OPT-1", 1)),
                () -> api.post("/api/purchases", withReference("clean-2", "OPT-1", 2)),
                () -> api.post("/api/purchases", withReference("clean-3", "OPT-2", 1))));

        assertThat(batches).anySatisfy(b -> assertThat(b).containsExactlyInAnyOrder("clean-1", "clean-2", "clean-3"));
        for (CompletableFuture<Api.Response> answer : clean) {
            assertThat(status(answer)).isEqualTo(201);
        }
        assertThat(groupCommit.runsInSavepoints())
                .as("batches run in savepoints")
                .isEqualTo(before);

        List<CompletableFuture<Api.Response>> mixed = inOneBatch(List.of(
                () -> api.post("/api/purchases", withReference("mixed-1", "OPT-1", 3)),
                () -> api.post("/api/purchases", withReference("mixed-short", "OPT-2", 1)),
                () -> api.post("/api/purchases", withReference("mixed-2", "OPT-1", 4))));

        assertThat(batches)
                .anySatisfy(b -> assertThat(b).containsExactlyInAnyOrder("mixed-1", "mixed-short", "mixed-2"));
        assertThat(status(mixed.get(0))).isEqualTo(201);
        assertThat(status(mixed.get(1))).isEqualTo(409);
        assertThat(mixed.get(1).get().json().get("code").asString()).isEqualTo("insufficient-stock");
        assertThat(status(mixed.get(2))).isEqualTo(201);
        assertThat(groupCommit.runsInSavepoints())
                .as("batches run in savepoints")
                .isEqualTo(before + 1);
        assertThat(stock("OPT-1")).isEqualTo(12 - 2 - 1 - 2 - 3 - 4);
        assertThat(stock("OPT-2")).isZero();
        assertThat(count("SELECT COUNT(*) FROM purchase WHERE reference LIKE 'clean-%' OR reference LIKE 'mixed-%'"))
                .isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE sku IN ('OPT-1', 'OPT-2') AND type = 'SALE'"))
                .isEqualTo(2 + 5);
        assertThat(count("SELECT units FROM sales_total WHERE sku = 'OPT-1'")).isEqualTo(12);
        assertThat(count("SELECT units FROM sales_total WHERE sku = 'OPT-2'")).isEqualTo(1);
    }

    /**
     * Orders for a product that a running batch has wait for that batch rather than go to another
     * writer, which would only wait on the product's row until that batch commits; then they go
     * together, in one batch. Orders for other products go to the other writers meanwhile.
     */
    @Test
    void ordersForAProductARunningBatchHasWaitForItAndThenGoTogether() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                groupCommit.writers() > 1, "one writer (SQLite): batches never run side by side");
        writersMayGo.drainPermits();
        writersHeld.set(0);
        api.post("/api/products", product("FLASH-1", "1.00", 1000, 0));
        api.post("/api/products", product("OTHER-1", "1.00", 1000, 0));
        CompletableFuture<Api.Response> held =
                CompletableFuture.supplyAsync(() -> api.post("/api/purchases", withReference("hold", "FLASH-1", 1)));
        awaitTrue(() -> writersHeld.get() == 1, "a batch took the first order and is held");

        List<CompletableFuture<Api.Response>> flash = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String reference = "flash-" + i;
            flash.add(CompletableFuture.supplyAsync(
                    () -> api.post("/api/purchases", withReference(reference, "FLASH-1", 1))));
        }
        awaitTrue(() -> groupCommit.queued() == 4, "the orders for FLASH-1 queued");
        CompletableFuture<Api.Response> other =
                CompletableFuture.supplyAsync(() -> api.post("/api/purchases", withReference("other", "OTHER-1", 1)));
        assertThat(other.get(60, TimeUnit.SECONDS).status())
                .as("another product's order goes while FLASH-1's batch is held")
                .isEqualTo(201);
        assertThat(groupCommit.queued()).as("FLASH-1's orders still wait").isEqualTo(4);

        int batchesBefore = batches.size();
        writersMayGo.release(1);
        assertThat(held.get(60, TimeUnit.SECONDS).status()).isEqualTo(201);
        for (CompletableFuture<Api.Response> answer : flash) {
            assertThat(status(answer)).isEqualTo(201);
        }
        assertThat(batches.subList(batchesBefore, batches.size()))
                .singleElement()
                .satisfies(b -> assertThat(b).containsExactlyInAnyOrder("flash-1", "flash-2", "flash-3", "flash-4"));
        assertThat(stock("FLASH-1")).isEqualTo(1000 - 5);
    }

    @Test
    void aPurchaseThatFailsFailsAloneAndTheOthersInItsBatchCommit() throws Exception {
        api.post("/api/products", product("OK-1", "2.00", 10, 0));
        api.post("/api/products", product("SHORT-1", "3.00", 1, 0));
        api.post("/api/products", product("ZZZ-1", "1.00", 1, 0));

        List<CompletableFuture<Api.Response>> answers = inOneBatch(List.of(
                () -> api.post("/api/purchases", withReference("ok-1", "OK-1", 1)),
                () -> api.post("/api/purchases", withReference("short", "SHORT-1", 2)),
                () -> api.post("/api/purchases", withReference("ok-2", "OK-1", 2)),
                () -> api.post("/api/purchases", withReference("unknown", "NOPE-1", 1)),
                // Takes OK-1 first (SKU order), then is refused ZZZ-1: its OK-1 unit goes back with its savepoint.
                () -> api.post(
                        "/api/purchases",
                        "{\"reference\":\"half\",\"lines\":[{\"sku\":\"OK-1\",\"quantity\":4},"
                                + "{\"sku\":\"ZZZ-1\",\"quantity\":2}]}"),
                () -> api.post("/api/purchases", withReference("ok-3", "OK-1", 3))));

        assertThat(batches)
                .as("all six in one batch")
                .anySatisfy(b ->
                        assertThat(b).containsExactlyInAnyOrder("ok-1", "short", "ok-2", "unknown", "half", "ok-3"));
        assertThat(status(answers.get(0))).isEqualTo(201);
        assertThat(status(answers.get(1))).isEqualTo(409);
        assertThat(answers.get(1).get().json().get("code").asString()).isEqualTo("insufficient-stock");
        assertThat(status(answers.get(2))).isEqualTo(201);
        assertThat(status(answers.get(3))).isEqualTo(422);
        assertThat(answers.get(3).get().json().get("code").asString()).isEqualTo("unknown-sku");
        assertThat(status(answers.get(4))).isEqualTo(409);
        assertThat(status(answers.get(5))).isEqualTo(201);
        assertThat(stock("OK-1")).isEqualTo(10 - 1 - 2 - 3);
        assertThat(stock("SHORT-1")).isEqualTo(1);
        assertThat(stock("ZZZ-1")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM purchase WHERE reference IN ('ok-1', 'ok-2', 'ok-3')"))
                .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM purchase WHERE reference IN ('short', 'unknown', 'half')"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE sku = 'OK-1' AND type = 'SALE'"))
                .isEqualTo(3);
        assertThat(count("SELECT units FROM sales_total WHERE sku = 'OK-1'"))
                .as("rollup units")
                .isEqualTo(6);
        assertThat(count("SELECT SUM(purchases) FROM sales_day_total"))
                .as("rollup purchases")
                .isEqualTo(count("SELECT COUNT(*) FROM purchase"));
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean())
                .as("self-check")
                .isTrue();
    }

    /**
     * A batch writes its purchases' rows together at its end (purchases, lines, ledger rows, answers
     * for keys): the ledger still lists each product's sales in the order they took its stock, each
     * with the balance it left, and a purchase refused in the batch leaves no row of any kind.
     */
    @Test
    void aBatchsLedgerRowsFollowTheOrderItsPurchasesTookTheStock() throws Exception {
        api.post("/api/products", product("SEQ-1", "3.00", 20, 0));
        api.post("/api/products", product("SEQ-2", "4.00", 1, 0));

        List<CompletableFuture<Api.Response>> answers = inOneBatch(List.of(
                () -> api.post("/api/purchases", withReference("seq-a", "SEQ-1", 1)),
                () -> api.post(
                        "/api/purchases",
                        "{\"reference\":\"seq-b\",\"lines\":[{\"sku\":\"SEQ-1\",\"quantity\":2},"
                                + "{\"sku\":\"SEQ-2\",\"quantity\":1}]}"),
                () -> api.post("/api/purchases", withReference("seq-short", "SEQ-2", 1)),
                () -> api.post(
                        "/api/purchases", withReference("seq-c", "SEQ-1", 3), Map.of("Idempotency-Key", "seq-key")),
                () -> api.post("/api/purchases", withReference("seq-d", "SEQ-1", 4))));

        assertThat(batches)
                .anySatisfy(
                        b -> assertThat(b).containsExactlyInAnyOrder("seq-a", "seq-b", "seq-short", "seq-c", "seq-d"));
        assertThat(answers.stream().map(a -> a.join().status()).toList()).containsExactly(201, 201, 409, 201, 201);
        List<long[]> ledger = jdbc.sql("SELECT m.delta, m.balance_after, l.quantity FROM stock_movement m "
                        + "JOIN purchase_line l ON l.purchase_id = m.purchase_id AND l.sku = m.sku "
                        + "WHERE m.sku = 'SEQ-1' AND m.type = 'SALE' ORDER BY m.id")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .list();
        assertThat(ledger).hasSize(4);
        long balance = 20;
        for (long[] row : ledger) {
            assertThat(row[0])
                    .as("each ledger row is its purchase line's units")
                    .isEqualTo(-row[2]);
            balance += row[0];
            assertThat(row[1])
                    .as("the balance the sale left, in the order of the ledger")
                    .isEqualTo(balance);
        }
        assertThat(stock("SEQ-1")).isEqualTo(10).isEqualTo(balance);
        assertThat(count("SELECT COUNT(*) FROM purchase WHERE reference LIKE 'seq-%'"))
                .isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE sku = 'SEQ-2'"))
                .as("the opening and the one sale of SEQ-2")
                .isEqualTo(2);
        String firstAnswer = answers.get(3).join().json().get("id").asString();
        Api.Response again =
                api.post("/api/purchases", withReference("seq-c", "SEQ-1", 3), Map.of("Idempotency-Key", "seq-key"));
        assertThat(again.status()).isLessThan(300);
        assertThat(again.json().get("id").asString())
                .as("the answer kept for the key")
                .isEqualTo(firstAnswer);
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean())
                .as("self-check")
                .isTrue();
    }

    /**
     * Two commits of one reservation in one batch: the first makes the purchase, the second finds
     * the reservation committed in the same transaction and answers that purchase, whose rows must
     * then be there already.
     */
    @Test
    void twoCommitsOfOneReservationInOneBatchBothAnswerItsOnePurchase() throws Exception {
        api.post("/api/products", product("TWICE-1", "5.00", 10, 0));
        String cart = api.post("/api/reservations", withReference("cart-twice", "TWICE-1", 2))
                .json()
                .get("id")
                .asString();

        List<CompletableFuture<Api.Response>> answers = inOneBatch(List.of(
                () -> api.post("/api/reservations/" + cart + "/commit", ""),
                () -> api.post("/api/reservations/" + cart + "/commit", "")));

        assertThat(batches).anySatisfy(b -> assertThat(b).containsExactly("cart-twice", "cart-twice"));
        List<String> purchases = new ArrayList<>();
        for (CompletableFuture<Api.Response> answer : answers) {
            assertThat(answer.get().status()).as(answer.get().toString()).isLessThan(300);
            purchases.add(answer.get().json().path("id").asString());
        }
        assertThat(purchases.get(0)).isNotEmpty().isEqualTo(purchases.get(1));
        assertThat(count("SELECT COUNT(*) FROM purchase WHERE reference = 'cart-twice'"))
                .isEqualTo(1);
        assertThat(stock("TWICE-1")).isEqualTo(8);
    }

    /**
     * A hold and the commit of a hold are units of a shared commit like purchases: they queue with
     * them, commit with them, and each answers on its own (a refused hold alone).
     */
    @Test
    void holdsAndCommitsOfHoldsShareACommitWithPurchases() throws Exception {
        api.post("/api/products", product("MIX-1", "5.00", 10, 0));
        Api clerk = as("mixer", "STAFF");
        String cart = api.post("/api/reservations", withReference("cart-a", "MIX-1", 2))
                .json()
                .get("id")
                .asString();

        List<CompletableFuture<Api.Response>> answers = inOneBatch(List.of(
                () -> api.post("/api/purchases", withReference("buy", "MIX-1", 3)),
                () -> api.post("/api/reservations", withReference("cart-b", "MIX-1", 4)),
                () -> clerk.post("/api/reservations/" + cart + "/commit", ""),
                // More than is available whatever runs first (10 on hand, 2 held): refused alone.
                () -> api.post("/api/reservations", withReference("cart-c", "MIX-1", 9))));

        assertThat(batches)
                .as("the purchase, both holds and the commit in one batch")
                .anySatisfy(b -> assertThat(b).containsExactlyInAnyOrder("buy", "cart-b", "cart-a", "cart-c"));
        assertThat(status(answers.get(0))).isEqualTo(201);
        assertThat(status(answers.get(1))).isEqualTo(201);
        assertThat(status(answers.get(2))).isEqualTo(201);
        assertThat(status(answers.get(3))).isEqualTo(409);
        assertThat(answers.get(3).get().json().get("code").asString()).isEqualTo("insufficient-stock");
        var product = api.get("/api/products/MIX-1").json();
        assertThat(product.get("stock").asLong()).isEqualTo(10 - 3 - 2);
        assertThat(product.get("reserved").asLong()).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM reservation WHERE reference = 'cart-c'"))
                .as("the refused hold left nothing")
                .isZero();
        assertThat(jdbc.sql("SELECT actor FROM purchase WHERE reference = 'cart-a'")
                        .query(String.class)
                        .single())
                .as("the commit's purchase is made by who committed it, not by the writer thread")
                .isEqualTo("mixer");
        assertThat(count("SELECT units FROM sales_total WHERE sku = 'MIX-1'"))
                .as("rollup units")
                .isEqualTo(5);
        assertThat(count("SELECT SUM(purchases) FROM sales_day_total"))
                .as("rollup purchases")
                .isEqualTo(count("SELECT COUNT(*) FROM purchase"));
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean())
                .as("self-check")
                .isTrue();
    }

    /** The writer thread buys on behalf of whoever asked: the ledger and the purchase name each buyer. */
    @Test
    void purchasesInOneBatchAreRecordedAsMadeByTheirOwnBuyers() throws Exception {
        api.post("/api/products", product("WHO-1", "1.00", 10, 0));
        Api clerk = as("clerk", "STAFF");

        List<CompletableFuture<Api.Response>> answers = inOneBatch(List.of(
                () -> api.post("/api/purchases", withReference("by-admin", "WHO-1", 1)),
                () -> clerk.post("/api/purchases", withReference("by-clerk", "WHO-1", 2))));

        assertThat(batches).anySatisfy(b -> assertThat(b).containsExactlyInAnyOrder("by-admin", "by-clerk"));
        assertThat(status(answers.get(0))).isEqualTo(201);
        assertThat(status(answers.get(1))).isEqualTo(201);
        assertThat(jdbc.sql("SELECT actor FROM purchase WHERE reference = 'by-admin'")
                        .query(String.class)
                        .single())
                .isEqualTo("admin");
        assertThat(jdbc.sql("SELECT actor FROM purchase WHERE reference = 'by-clerk'")
                        .query(String.class)
                        .single())
                .isEqualTo("clerk");
        assertThat(jdbc.sql(
                                "SELECT m.actor FROM stock_movement m JOIN purchase p ON p.id = m.purchase_id WHERE p.reference = 'by-clerk'")
                        .query(String.class)
                        .single())
                .isEqualTo("clerk");
    }

    @Test
    void retriesWithOneIdempotencyKeyInOneBatchMakeOnePurchase() throws Exception {
        api.post("/api/products", product("KEY-1", "5.00", 10, 0));
        Map<String, String> key = Map.of("Idempotency-Key", "batch-retry-1");
        String body = withReference("keyed", "KEY-1", 1);

        List<CompletableFuture<Api.Response>> answers = inOneBatch(List.of(
                () -> api.post("/api/purchases", body, key),
                () -> api.post("/api/purchases", body, key),
                () -> api.post("/api/purchases", body, key)));

        assertThat(batches).anySatisfy(b -> assertThat(b).containsExactly("keyed", "keyed", "keyed"));
        List<String> ids = new ArrayList<>();
        List<String> replayed = new ArrayList<>();
        for (CompletableFuture<Api.Response> answer : answers) {
            assertThat(status(answer)).as(answer.get().toString()).isEqualTo(201);
            ids.add(answer.get().json().get("id").asString());
            replayed.add(answer.get().header("Idempotent-Replayed"));
        }
        assertThat(ids).as("one purchase, answered three times").containsOnly(ids.get(0));
        assertThat(replayed).containsExactlyInAnyOrder("false", "true", "true");
        assertThat(stock("KEY-1")).isEqualTo(9);
        assertThat(count("SELECT COUNT(*) FROM purchase WHERE reference = 'keyed'"))
                .isEqualTo(1);
    }

    /**
     * An alert is told to listeners once, after the batch committed; the alert of a purchase rolled
     * back to its savepoint is never told, though the batch it was in committed.
     */
    @Test
    void alertsAreAnnouncedOnceAfterTheBatchCommitsAndNeverForAPurchaseRolledBack() throws Exception {
        api.post("/api/products", product("HOT-1", "1.00", 5, 3));
        api.post("/api/products", product("AAA-1", "1.00", 10, 5));
        api.post("/api/products", product("ZZZ-1", "1.00", 1, 0));
        List<String> announced = new CopyOnWriteArrayList<>();
        var listener = TransactionalApplicationListener.forPayload(TransactionPhase.AFTER_COMMIT, (Object event) -> {
            if (!(event instanceof AlertChange change)) {
                return;
            }
            // After the commit, a connection of its own sees the alert.
            long visible =
                    countOnAConnectionOfItsOwn("SELECT COUNT(*) FROM restock_alert WHERE id = " + change.alertId());
            announced.add(change.type() + " " + change.sku() + (visible == 1 ? "" : " (not committed)"));
        });
        multicaster.addApplicationListener(listener);
        try {
            List<CompletableFuture<Api.Response>> answers = inOneBatch(List.of(
                    () -> api.post("/api/purchases", withReference("hot-a", "HOT-1", 1)),
                    () -> api.post("/api/purchases", withReference("hot-b", "HOT-1", 1)),
                    // AAA-1 falls to its threshold (an alert), then ZZZ-1 is refused: all of it rolls back.
                    () -> api.post(
                            "/api/purchases",
                            "{\"reference\":\"doomed\",\"lines\":[{\"sku\":\"AAA-1\",\"quantity\":6},"
                                    + "{\"sku\":\"ZZZ-1\",\"quantity\":2}]}"),
                    () -> api.post("/api/purchases", withReference("hot-c", "HOT-1", 1))));

            assertThat(batches)
                    .anySatisfy(b -> assertThat(b).containsExactlyInAnyOrder("hot-a", "hot-b", "doomed", "hot-c"));
            assertThat(status(answers.get(0))).isEqualTo(201);
            assertThat(status(answers.get(1))).isEqualTo(201);
            assertThat(status(answers.get(2))).isEqualTo(409);
            assertThat(status(answers.get(3))).isEqualTo(201);
        } finally {
            multicaster.removeApplicationListener(listener);
        }
        assertThat(announced).containsExactly("RAISED HOT-1");
        assertThat(count("SELECT COUNT(*) FROM restock_alert WHERE sku = 'AAA-1'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM restock_alert WHERE sku = 'HOT-1' AND resolved_at IS NULL"))
                .isEqualTo(1);
        assertThat(stock("AAA-1")).isEqualTo(10);
    }

    @Test
    void manyBuyersOfLimitedStockNeverOversellAndEachGetsTheRightAnswer() throws Exception {
        api.post("/api/products", product("RUSH-1", "1.00", 30, 0));
        api.post("/api/products", product("RUSH-2", "1.00", 30, 0));

        List<Api.Response> answers = AllAtOnce.send(
                96, 96, i -> () -> api.post("/api/purchases", withReference("rush-" + i, "RUSH-" + (i % 2 + 1), 1)));

        for (String sku : List.of("RUSH-1", "RUSH-2")) {
            List<Api.Response> mine = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                if (("RUSH-" + (i % 2 + 1)).equals(sku)) {
                    mine.add(answers.get(i));
                }
            }
            assertThat(mine)
                    .filteredOn(a -> a.status() == 201)
                    .as("sold of %s", sku)
                    .hasSize(30);
            assertThat(mine)
                    .filteredOn(a -> a.status() == 409)
                    .as("refused of %s", sku)
                    .hasSize(18);
            assertThat(stock(sku)).isZero();
            assertThat(count("SELECT SUM(delta) FROM stock_movement WHERE sku = '" + sku + "'"))
                    .isZero();
        }
        for (Api.Response bought :
                answers.stream().filter(a -> a.status() == 201).toList()) {
            String reference = bought.json().get("reference").asString();
            assertThat(count("SELECT COUNT(*) FROM purchase WHERE reference = '" + reference + "'"))
                    .isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(*) FROM purchase")).isEqualTo(60);
        assertThat(batches.stream().mapToInt(List::size).sum())
                .as("every purchase went through a batch")
                .isEqualTo(96);
    }

    /**
     * Holds every writer on a purchase of its own, queues {@code requests}, and lets one writer go:
     * it finds them all queued and takes them in one batch (they are fewer than the batch size).
     */
    private List<CompletableFuture<Api.Response>> inOneBatch(List<Supplier<Api.Response>> requests) throws Exception {
        // Fresh for every batch of a test: the last one's writers are all answered, one permit is left over.
        writersMayGo.drainPermits();
        writersHeld.set(0);
        List<CompletableFuture<Api.Response>> holds = new ArrayList<>();
        for (int i = 1; i <= groupCommit.writers(); i++) {
            // A product per writer: a purchase of a product that a held batch has would wait for that batch.
            String sku = "HOLD-" + i;
            api.post("/api/products", product(sku, "1.00", 1000, 0));
            holds.add(CompletableFuture.supplyAsync(() -> api.post("/api/purchases", withReference("hold", sku, 1))));
            awaitTrue(() -> writersHeld.get() == holds.size(), "a writer took the holding purchase");
        }
        List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
        for (Supplier<Api.Response> request : requests) {
            answers.add(CompletableFuture.supplyAsync(request));
        }
        awaitTrue(
                () -> groupCommit.queued() == requests.size()
                        || answers.stream().anyMatch(CompletableFuture::isDone),
                "every purchase queued");
        // A request answered before any writer was let go never reached the queue: say what it got.
        assertThat(answers.stream()
                        .filter(CompletableFuture::isDone)
                        .map(a -> a.handle((response, failure) -> failure == null ? response : failure)
                                .join()
                                .toString()))
                .as("answered while every writer was held (queued: %d)", groupCommit.queued())
                .isEmpty();
        assertThat(groupCommit.queued()).as("purchases queued").isEqualTo(requests.size());
        int batchesBefore = batches.size();
        writersMayGo.release(1);
        awaitTrue(() -> batches.size() > batchesBefore, "the released writer took the queued purchases");
        writersMayGo.release(groupCommit.writers());
        for (CompletableFuture<Api.Response> hold : holds) {
            assertThat(hold.get(60, TimeUnit.SECONDS).status()).isEqualTo(201);
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return answers;
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        for (int i = 0; i < 6000 && !condition.get(); i++) {
            never.await(10, TimeUnit.MILLISECONDS);
        }
        assertThat(condition.get()).as(what).isTrue();
    }

    private static int status(CompletableFuture<Api.Response> answer) throws Exception {
        return answer.get().status();
    }

    private static String withReference(String reference, String sku, long quantity) {
        return "{\"reference\":\"" + reference + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
                + "}]}";
    }

    private long stock(String sku) {
        return api.get("/api/products/" + sku).json().get("stock").asLong();
    }

    private long countOnAConnectionOfItsOwn(String sql) {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        Long value = jdbc.sql(sql).query(Long.class).single();
        return value == null ? 0 : value;
    }
}

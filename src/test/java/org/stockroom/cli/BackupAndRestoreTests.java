package org.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.stockroom.Store;
import org.stockroom.support.DomainException;
import org.stockroom.testing.ApiTestSupport;
import org.stockroom.testing.PostgresTestDatabase;

/**
 * A backup taken while buyers keep buying is one consistent state of the store: restored into an
 * empty data directory, its self-check agrees, every product's stock plus units sold is what it
 * started with, and it holds the purchases made before it and not all of those made after.
 */
class BackupAndRestoreTests extends ApiTestSupport {

    private static final long OPENING_STOCK = 1_000_000;

    @Autowired
    Store store;

    @TempDir
    Path tmp;

    @Test
    void aBackupTakenUnderLoadRestoresIntoAStoreWhoseSelfCheckAgrees() throws Exception {
        assumeFalse(
                PostgresTestDatabase.active(),
                "restore into a data directory is SQLite's; a PostgreSQL dump is restored with pg_restore");
        for (String sku : List.of("BAK-1", "BAK-2", "BAK-3")) {
            assertThat(api.post("/api/products", product(sku, "2.00", OPENING_STOCK, 5))
                            .status())
                    .isEqualTo(201);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong made = new AtomicLong();
        ExecutorService buyers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            running.add(buyers.submit(() -> {
                while (!stop.get()) {
                    String sku = "BAK-" + (1 + ThreadLocalRandom.current().nextInt(3));
                    String two = "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":"
                            + (1 + ThreadLocalRandom.current().nextInt(3)) + "},{\"sku\":\"BAK-3\",\"quantity\":1}]}";
                    if (api.post("/api/purchases", sku.equals("BAK-3") ? purchase(sku, 2) : two)
                                    .status()
                            == 201) {
                        made.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        try {
            awaitAtLeast(made, 20);
            long before = made.get();
            Path backup = store.backups().backup(tmp.resolve("backups").resolve("stockroom.db"));
            long after = made.get();
            awaitAtLeast(made, after + 20);
            stop.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }

            Path restored = tmp.resolve("restored");
            Cli.Run run = Cli.standalone().run("restore", backup.toString(), "--data", restored.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("self-check ok");

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + restored.resolve("stockroom.db"));
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM purchase")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isBetween(before, made.get() - 1);
                }
                try (ResultSet rs = s.executeQuery("SELECT sku, stock + units_sold FROM product")) {
                    int products = 0;
                    while (rs.next()) {
                        products++;
                        assertThat(rs.getLong(2)).as(rs.getString(1)).isEqualTo(OPENING_STOCK);
                    }
                    assertThat(products).isEqualTo(3);
                }
            }
        } finally {
            stop.set(true);
            buyers.shutdownNow();
        }
    }

    @Test
    void restoreRefusesADataDirectoryThatHoldsAStore() throws Exception {
        assumeFalse(PostgresTestDatabase.active(), "restore into a data directory is SQLite's");
        api.post("/api/products", product("BAK-9", "1.00", 5, 1));
        Path backup = store.backups().backup(tmp.resolve("one.db"));
        Path target = tmp.resolve("taken");
        assertThat(Cli.standalone()
                        .run("restore", backup.toString(), "--data", target.toString())
                        .exitCode())
                .isZero();

        Cli.Run again = Cli.standalone().run("restore", backup.toString(), "--data", target.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("holds a store already");
    }

    @Test
    void aBackupNeverOverwritesAFile() throws Exception {
        Path existing = Files.writeString(tmp.resolve("precious.db"), "keep me");
        assertThatThrownBy(() -> store.backups().backup(existing))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("exists already");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void onPostgresqlTheBackupIsAPgDumpArchive() throws Exception {
        assumeTrue(PostgresTestDatabase.active(), "the PostgreSQL run only");
        api.post("/api/products", product("BAK-PG", "1.00", 5, 1));
        Path dump = store.backups().backup(tmp.resolve("stockroom.dump"));
        try (InputStream in = Files.newInputStream(dump)) {
            assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("PGDMP");
        }
    }

    private static void awaitAtLeast(AtomicLong counter, long target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (counter.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + counter.get() + " purchases were made, waiting for " + target);
            }
            Thread.sleep(20);
        }
    }
}

package org.stockroom.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's limit measured by PostgreSQL's own client, pgbench: the essential SQL of a one-line
 * purchase (insert the purchase, the conditional stock update, insert the line, insert the ledger
 * row), one transaction per purchase, one connection per client, no JVM in the way.
 */
final class Pgbench {

    private Pgbench() {}

    static boolean available() {
        try {
            return new ProcessBuilder("pgbench", "--version")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * The purchase id is the client and a random 63-bit number: unique without a round trip to make
     * it. The actor has no colon: pgbench reads {@code :name} as a variable even inside a string.
     */
    private static final String SCRIPT = """
            \\set n random(0, %d)
            \\set r random(1, 9223372036854775806)
            BEGIN;
            INSERT INTO purchase (id, reference, total, actor, created_at) VALUES ('P' || :client_id || '-' || :r, NULL, 19990, 'token-bench', 0);
            UPDATE product SET stock = stock - 1, units_sold = units_sold + 1, updated_at = 0 WHERE sku = 'BENCH-' || lpad(CAST(:n AS text), 4, '0') AND stock >= 1 RETURNING name, price, stock;
            INSERT INTO purchase_line (purchase_id, line_no, sku, name, quantity, unit_price, unit_cost, line_total) VALUES ('P' || :client_id || '-' || :r, 1, 'BENCH-' || lpad(CAST(:n AS text), 4, '0'), 'Bench product', 1, 19990, NULL, 19990);
            INSERT INTO stock_movement (sku, type, reason, delta, balance_after, actor, note, purchase_id, at) VALUES ('BENCH-' || lpad(CAST(:n AS text), 4, '0'), 'SALE', NULL, -1, 0, 'token-bench', NULL, 'P' || :client_id || '-' || :r, 0);
            END;
            """;

    static PurchaseBenchmark.Cell essential(PurchaseBenchmark.Target target, int clients, boolean flash, double seconds)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("stockroom-pgbench");
        Path script = dir.resolve("purchase.sql");
        Files.writeString(script, SCRIPT.formatted(flash ? 0 : PurchaseBenchmark.PRODUCTS - 1));
        // jdbc:postgresql://host:port/database?...
        URI uri = URI.create(target.url().substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(
                "pgbench",
                "-n",
                "-c",
                String.valueOf(clients),
                "-j",
                String.valueOf(Math.min(clients, 4)),
                "-T",
                String.valueOf(Math.max(1, Math.round(seconds))),
                "-M",
                "prepared",
                "-f",
                script.toString(),
                "-l",
                "--log-prefix=" + dir.resolve("log"),
                "-h",
                uri.getHost(),
                "-p",
                String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "-U",
                target.user(),
                uri.getPath().substring(1)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", target.password() == null ? "" : target.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        Matcher tps = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)")
                .matcher(output);
        Matcher failed =
                Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
        // Per-transaction log lines: client transaction latency_us script epoch_s epoch_us
        List<Long> latencies = new ArrayList<>();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("log"))
                    .toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] fields = line.split(" ");
                    if (fields.length >= 3 && !fields[2].equals("skipped") && !fields[2].equals("failed")) {
                        latencies.add(Long.parseLong(fields[2]) * 1_000);
                    }
                }
            }
        }
        long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output: " + output);
        }
        double perSecond = Double.parseDouble(tps.group(1));
        return new PurchaseBenchmark.Cell(
                nanos.length,
                0,
                failed.find() ? Integer.parseInt(failed.group(1)) : 0,
                nanos.length / perSecond,
                nanos);
    }
}

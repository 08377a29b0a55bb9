package org.stockroom.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stockroom.testing.Api;

/**
 * A Stockroom server started the way people start it ({@code ./stockroom serve}, with its
 * class-data archive), with a 256 MB heap as the issue asks; killed however the benchmark ends.
 */
record Server(Process process, int port, Path log) {

    static final String HEAP = "256 MB";

    /** The administrator's password the benchmark gives the servers it starts; it signs in once, to create an API token. */
    static final String ADMIN_PASSWORD = "bench-password-for-tokens-7";

    static Server start(Path launcher, PurchaseBenchmark.Target target, Path dataDir)
            throws IOException, InterruptedException {
        return start(launcher, target, dataDir, Map.of());
    }

    static Server start(Path launcher, PurchaseBenchmark.Target target, Path dataDir, Map<String, String> environment)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "serve", "--port", String.valueOf(port)));
        Path log = Files.createTempFile("stockroom-bench-server", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        // The launcher execs java, so the process measured is the server's JVM itself.
        builder.environment()
                .put(
                        "STOCKROOM_JAVA_OPTS",
                        ("-Xmx256m " + environment.getOrDefault("STOCKROOM_JAVA_OPTS", "")).strip());
        builder.environment().put("STOCKROOM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        if (target.postgres()) {
            builder.environment().put("SPRING_DATASOURCE_URL", target.url());
            builder.environment().put("SPRING_DATASOURCE_USERNAME", target.user());
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", target.password());
        } else {
            command.addAll(List.of("--data", dataDir.toString()));
            builder.command(command);
        }
        Process process = builder.start();
        Server server = new Server(process, port, log);
        Runtime.getRuntime().addShutdownHook(new Thread(server::kill));
        server.awaitHealthy();
        return server;
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(
                                        HttpRequest.newBuilder(health)
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The server is not listening yet.
            }
            Thread.sleep(50);
        }
        kill();
        throw new IllegalStateException("the server did not become healthy within 5 minutes; see " + log);
    }

    /**
     * A new API token (role STAFF, which may buy): the clients send it as a Bearer token, whose check
     * is one SHA-256 and one indexed read, where HTTP Basic would cost a bcrypt per request.
     */
    String apiToken() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tokens"))
                                .header("Authorization", Api.basic("admin", ADMIN_PASSWORD))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"bench-" + System.nanoTime() + "\",\"role\":\"STAFF\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException(
                    "could not create an API token: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    /** CPU time the server's JVM has used so far, all threads, user and system. */
    long cpuNanos() {
        return process.info().totalCpuDuration().orElseThrow().toNanos();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}

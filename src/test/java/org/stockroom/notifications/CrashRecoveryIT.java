package org.stockroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/**
 * The packaged server, killed with SIGKILL while a notification it committed is on its way, still
 * delivers that notification after a restart, under the same webhook-id.
 */
class CrashRecoveryIT {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    private final List<Process> servers = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final List<Integer> answered = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @AfterEach
    void stopEverything() {
        release.countDown();
        servers.forEach(Process::destroyForcibly);
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aNotificationCommittedBeforeAKillIsDeliveredAfterTheRestartWithTheSameId() throws Exception {
        startReceiverThatHangsOnTheFirstRequest();
        Path data = dir.resolve("data");

        int port = freePort();
        Process first = serve(port, data, "first");
        Api api = new Api(port).withBasic("admin", ApiTestSupport.ADMIN_PASSWORD);
        String hook = api.post(
                        "/api/webhooks",
                        "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                                + "/hooks\",\"events\":[\"alert.raised\"]}")
                .json()
                .get("id")
                .asString();
        assertThat(api.post(
                                "/api/products",
                                "{\"sku\":\"CRASH-1\",\"name\":\"Crash\",\"price\":1.00,\"stock\":5,\"reorderThreshold\":3}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/purchases", "{\"lines\":[{\"sku\":\"CRASH-1\",\"quantity\":2}]}")
                        .status())
                .isEqualTo(201);

        await().atMost(Duration.ofMinutes(1)).until(() -> ids.size() == 1);
        first.destroyForcibly();
        assertThat(first.waitFor()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(answered).as("nothing was answered before the kill").isEmpty();

        int secondPort = freePort();
        serve(secondPort, data, "second");
        await().atMost(Duration.ofMinutes(2)).until(() -> answered.contains(200));
        assertThat(ids).hasSizeGreaterThanOrEqualTo(2).containsOnly(ids.get(0));
        var delivery = new Api(secondPort)
                .withBasic("admin", ApiTestSupport.ADMIN_PASSWORD)
                .get("/api/webhooks/" + hook + "/deliveries")
                .json()
                .get("items")
                .get(0);
        assertThat(delivery.get("messageId").asString()).isEqualTo(ids.get(0));
        assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
    }

    private void startReceiverThatHangsOnTheFirstRequest() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            ids.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            if (ids.size() == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            answered.add(200);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    private Process serve(int port, Path data, String name) throws Exception {
        Path jar = Path.of("target", "stockroom.jar");
        assertThat(jar).as("the packaged server (run through mvn verify)").exists();
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--data",
                        data.toString(),
                        "--stockroom.webhooks.allow-private=true",
                        "--stockroom.notifications.lease=3s",
                        "--stockroom.notifications.retry-schedule=1s,1s,1s",
                        "--stockroom.webhooks.timeout=60s")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("STOCKROOM_ADMIN_PASSWORD", ApiTestSupport.ADMIN_PASSWORD);
        Process process = builder.start();
        servers.add(process);
        Api api = new Api(port);
        await().atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .failFast("the server exited; see " + log, () -> !process.isAlive())
                .until(() -> api.get("/actuator/health").status() == 200);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package org.stockroom.web;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.stockroom.StockroomApplication;
import org.stockroom.Store;
import org.stockroom.catalog.NewProduct;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.testing.Api;

/**
 * Times the dashboard ({@code /}) and the product list ({@code /products}) with 10,000 products,
 * signed in, over HTTP on the embedded SQLite store: the median of 21 requests after 5 warm-up
 * requests each. Not a test: run it with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dexec.mainClass=org.stockroom.web.PageTimesBenchmark}.
 */
public final class PageTimesBenchmark {

    static final int PRODUCTS = 10_000;
    static final String PASSWORD = "correct-horse-battery-staple";

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("stockroom-page-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StockroomApplication.class)
                .run(
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--server.port=0",
                        "--STOCKROOM_ADMIN_PASSWORD=" + PASSWORD,
                        "--stockroom.data-dir=" + dataDir)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            load(app.getBean(Store.class));
            HttpClient client = HttpClient.newHttpClient();
            String auth = Api.basic("admin", PASSWORD);
            System.out.printf(
                    "%n%,d products, %d cores, load average %.2f%n",
                    PRODUCTS,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (String page : List.of("/", "/products", "/products?sort=-stock", "/products?q=product 77")) {
                time(client, "http://localhost:" + port + page.replace(" ", "%20"), auth, page);
            }
        }
    }

    private static void time(HttpClient client, String url, String auth, String label) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", auth)
                .build();
        for (int i = 0; i < 5; i++) {
            check(client.send(request, HttpResponse.BodyHandlers.ofString()), label);
        }
        double[] millis = new double[21];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            check(client.send(request, HttpResponse.BodyHandlers.ofString()), label);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                "%-24s median %6.1f ms   min %6.1f ms   max %6.1f ms%n",
                label, millis[millis.length / 2], millis[0], millis[millis.length - 1]);
    }

    private static void check(HttpResponse<String> response, String label) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(label + " answered " + response.statusCode());
        }
    }

    /** Products through the store itself (each with its opening stock in the ledger); a sale of every 10th. */
    private static void load(Store store) {
        long start = System.nanoTime();
        for (int i = 0; i < PRODUCTS; i++) {
            store.addProduct(new NewProduct(
                    String.format("SKU-%05d", i),
                    "Product " + i,
                    new BigDecimal(1 + i % 200).add(new BigDecimal("0.99")),
                    (long) (i % 97),
                    5L,
                    new BigDecimal(i % 150 + 1),
                    20L,
                    7,
                    "Supplier " + i % 12,
                    null));
        }
        for (int i = 0; i < PRODUCTS; i += 10) {
            if (i % 97 > 1) {
                store.purchase(
                        new PurchaseRequest(
                                null, java.util.List.of(new PurchaseRequest.Line(String.format("SKU-%05d", i), 1L))),
                        null);
            }
        }
        System.out.printf("loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}

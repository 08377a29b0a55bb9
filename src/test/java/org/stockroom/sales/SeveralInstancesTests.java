package org.stockroom.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.StockroomApplication;
import org.stockroom.accounts.AdminBootstrap;
import org.stockroom.testing.AllAtOnce;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import org.stockroom.testing.PostgresTestDatabase;
import org.stockroom.testing.TestDatabase;

/**
 * Two Stockroom instances, each with its own connection pool and web server, on one database:
 * in the PostgreSQL run one schema, in the SQLite run one file. Buyers are spread over both; the
 * database alone keeps them from overselling, applying a keyed purchase twice or opening two alerts.
 */
class SeveralInstancesTests {

    private static Path dataDir;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static Api one;
    private static Api two;
    private static JdbcClient jdbc;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws Exception {
        dataDir = Files.createTempDirectory("stockroom-instances");
        first = start(dataDir);
        second = start(dataDir);
        one = new Api(port(first)).withBasic("admin", ApiTestSupport.ADMIN_PASSWORD);
        two = new Api(port(second)).withBasic("admin", ApiTestSupport.ADMIN_PASSWORD);
        jdbc = JdbcClient.create(first.getBean(DataSource.class));
    }

    private static ConfigurableApplicationContext start(Path dir) {
        return new SpringApplicationBuilder(StockroomApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--stockroom.data-dir=" + dir,
                        "--spring.main.banner-mode=off",
                        "--STOCKROOM_ADMIN_PASSWORD=" + ApiTestSupport.ADMIN_PASSWORD,
                        "--" + ApiTestSupport.FAST_PASSWORD_HASHES);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @BeforeEach
    void emptyStore() {
        TestDatabase.wipe(first.getBean(DataSource.class));
        first.getBean(AdminBootstrap.class).ensureAdmin();
    }

    @Test
    void twoInstancesTakeFourHundredBuyersOfThreeHundredUnitsAndSellExactlyThreeHundred() throws Exception {
        assertThat(one.post("/api/products", product("HOT-1", 300, 20)).status())
                .isEqualTo(201);

        List<Api.Response> answers =
                allAtOnce(400, i -> () -> (i % 2 == 0 ? one : two).post("/api/purchases", line("HOT-1", 1)));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(300);
        assertThat(answers)
                .filteredOn(a -> a.status() == 409)
                .hasSize(100)
                .allSatisfy(a -> assertThat(a.json().get("code").asString()).isEqualTo("insufficient-stock"));
        var product = two.get("/api/products/HOT-1").json();
        assertThat(product.get("stock").asLong()).isZero();
        assertThat(product.get("unitsSold").asLong()).isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM purchase")).isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM restock_alert WHERE resolved_at IS NULL"))
                .isEqualTo(1);
        assertThat(one.get("/api/alerts?status=open").json().get(0).get("level").asString())
                .isEqualTo("OUT");
        assertBooksBalance(Map.of("HOT-1", 300L), Map.of(), idsOf(answers));
    }

    /** Holds take from {@code available} with the same conditional statement on both instances: the database alone decides. */
    @Test
    void twoInstancesTakeOneHundredTwentyHoldsOfOneAgainstFiftyAvailableAndHoldExactlyFifty() throws Exception {
        assertThat(one.post("/api/products", product("HOLD-1", 50, 5)).status()).isEqualTo(201);

        List<Api.Response> answers = allAtOnce(
                120,
                i -> () -> (i % 2 == 0 ? one : two)
                        .post(
                                "/api/reservations",
                                "{\"reference\":\"cart-" + i + "\",\"lines\":[{\"sku\":\"HOLD-1\",\"quantity\":1}]}"));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(50);
        assertThat(answers)
                .filteredOn(a -> a.status() == 409)
                .hasSize(70)
                .allSatisfy(a -> assertThat(a.json().get("code").asString()).isEqualTo("insufficient-stock"));
        assertThat(answers)
                .as("both instances made some of the holds")
                .filteredOn(a -> a.status() == 201)
                .extracting(a -> a.json().get("reference").asString())
                .anyMatch(r -> Integer.parseInt(r.substring(5)) % 2 == 0)
                .anyMatch(r -> Integer.parseInt(r.substring(5)) % 2 == 1);
        var product = two.get("/api/products/HOLD-1").json();
        assertThat(product.get("stock").asLong()).isEqualTo(50);
        assertThat(product.get("reserved").asLong()).isEqualTo(50);
        assertThat(product.get("available").asLong()).isZero();
        assertThat(count("SELECT COUNT(*) FROM reservation WHERE status = 'ACTIVE'"))
                .isEqualTo(50);
        assertThat(count("SELECT COALESCE(SUM(quantity), 0) FROM reservation_line"))
                .as("no line of a refused hold was kept")
                .isEqualTo(50);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE sku = 'HOLD-1' AND type = 'SALE'"))
                .as("holds do not touch the ledger")
                .isZero();
        assertThat(sum("SELECT COALESCE(SUM(delta), 0) FROM stock_movement WHERE sku = :sku", "HOLD-1"))
                .isEqualTo(50);
        assertThat(one.get("/api/admin/verify").json().get("ok").asBoolean())
                .as("self-check")
                .isTrue();
    }

    /**
     * Hot products that run out, cold ones that are barely touched, multi-line orders naming them
     * in any order, receipts arriving meanwhile, and keyed purchases sent to both instances at once.
     */
    @Test
    void buyersSpreadOverBothInstancesKeepEveryProductsBooksStraight() throws Exception {
        Map<String, Long> initial = new HashMap<>();
        for (int h = 0; h < 3; h++) {
            initial.put("HOT-" + h, 40L);
        }
        for (int c = 0; c < 30; c++) {
            initial.put("COLD-" + c, 6L);
        }
        initial.forEach((sku, stock) -> assertThat(
                        one.post("/api/products", product(sku, stock, 5)).status())
                .isEqualTo(201));
        List<String> skus = new ArrayList<>(initial.keySet());
        Map<String, Long> receipts = new java.util.concurrent.ConcurrentHashMap<>();

        int requests = 360;
        List<Api.Response> answers = allAtOnce(requests, i -> () -> {
            Random random = new Random(i);
            Api instance = random.nextBoolean() ? one : two;
            if (i % 40 == 0) {
                String sku = "HOT-" + random.nextInt(3);
                Api.Response r =
                        instance.post("/api/products/" + sku + "/receipts", "{\"quantity\":5,\"note\":\"restock\"}");
                if (r.status() == 201) {
                    receipts.merge(sku, 5L, Long::sum);
                }
                return r;
            }
            if (i % 10 == 1) {
                // The same keyed purchase sent to both instances at once: applied at most once.
                String body = line("HOT-" + random.nextInt(3), 1);
                Map<String, String> key = Map.of("Idempotency-Key", "order-" + i);
                Api.Response other = (instance == one ? two : one).post("/api/purchases", body, key);
                Api.Response mine = instance.post("/api/purchases", body, key);
                if (other.status() == 201 && mine.status() == 201) {
                    assertThat(mine.json().get("id").asString())
                            .isEqualTo(other.json().get("id").asString());
                }
                return mine.status() == 201 ? mine : other;
            }
            StringBuilder body = new StringBuilder("{\"lines\":[");
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                String sku =
                        random.nextInt(3) == 0 ? skus.get(random.nextInt(skus.size())) : "HOT-" + random.nextInt(3);
                body.append(l == 0 ? "" : ",")
                        .append("{\"sku\":\"")
                        .append(sku)
                        .append("\",\"quantity\":")
                        .append(1 + random.nextInt(2))
                        .append('}');
            }
            return instance.post("/api/purchases", body.append("]}").toString());
        });

        assertThat(answers)
                .extracting(Api.Response::status)
                .allMatch(s -> s == 201 || s == 409, "201 or 409, never 5xx");
        List<Api.Response> purchases = answers.stream()
                .filter(a -> a.status() == 201 && a.json().has("lines"))
                .toList();
        assertThat(purchases).as("some purchases succeeded").isNotEmpty();
        assertThat(answers).as("the hot products ran out for some buyers").anyMatch(a -> a.status() == 409);
        assertBooksBalance(initial, receipts, idsOf(purchases));
    }

    /** For every product: never below zero, stock + sold = initial + receipts, the ledger sums to the stock, one open alert where needed. */
    private static void assertBooksBalance(
            Map<String, Long> initial, Map<String, Long> receipts, Set<String> acknowledged) {
        Set<String> recorded = new HashSet<>(
                jdbc.sql("SELECT id FROM purchase").query(String.class).list());
        assertThat(recorded)
                .as("exactly the acknowledged purchases are recorded")
                .isEqualTo(acknowledged);
        for (Map.Entry<String, Long> entry : initial.entrySet()) {
            String sku = entry.getKey();
            Map<String, Object> row = jdbc.sql(
                            "SELECT stock, units_sold, reorder_threshold FROM product WHERE sku = :sku")
                    .param("sku", sku)
                    .query()
                    .singleRow();
            long stock = ((Number) row.get("stock")).longValue();
            long sold = ((Number) row.get("units_sold")).longValue();
            long threshold = ((Number) row.get("reorder_threshold")).longValue();
            assertThat(stock).as(sku + " stock").isGreaterThanOrEqualTo(0);
            assertThat(stock + sold)
                    .as(sku + " stock + sold")
                    .isEqualTo(entry.getValue() + receipts.getOrDefault(sku, 0L));
            assertThat(sum("SELECT COALESCE(SUM(delta), 0) FROM stock_movement WHERE sku = :sku", sku))
                    .as(sku + " ledger")
                    .isEqualTo(stock);
            assertThat(sum("SELECT COALESCE(SUM(quantity), 0) FROM purchase_line WHERE sku = :sku", sku))
                    .as(sku + " lines")
                    .isEqualTo(sold);
            assertThat(sum("SELECT COUNT(*) FROM restock_alert WHERE sku = :sku AND resolved_at IS NULL", sku))
                    .as(sku + " open alerts")
                    .isEqualTo(stock <= threshold ? 1 : 0);
        }
    }

    private static Set<String> idsOf(List<Api.Response> answers) {
        Set<String> ids = new HashSet<>();
        answers.stream()
                .filter(a -> a.status() == 201 && a.json().has("lines"))
                .forEach(a -> ids.add(a.json().get("id").asString()));
        return ids;
    }

    private static long sum(String sql, String sku) {
        return jdbc.sql(sql).param("sku", sku).query(Long.class).single();
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Web sessions live in the database: the cookie a browser got from one instance is good on the other. */
    @Test
    void aUserSignedInOnOneInstanceIsSignedInOnTheOther() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base1 = "http://127.0.0.1:" + port(first);
        String base2 = "http://127.0.0.1:" + port(second);
        HttpResponse<String> form = client.send(
                HttpRequest.newBuilder(URI.create(base1 + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        String session = sessionCookie(form, null);
        HttpResponse<String> signedIn = client.send(
                HttpRequest.newBuilder(URI.create(base1 + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "JSESSIONID=" + session)
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                                + URLEncoder.encode(ApiTestSupport.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        session = sessionCookie(signedIn, session);

        HttpResponse<String> elsewhere = client.send(
                HttpRequest.newBuilder(URI.create(base2 + "/products"))
                        .header("Accept", "text/html")
                        .header("Cookie", "JSESSIONID=" + session)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode())
                .as("the second instance knows the session: "
                        + elsewhere.headers().map())
                .isEqualTo(200);
        HttpResponse<String> stranger = client.send(
                HttpRequest.newBuilder(URI.create(base2 + "/products"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).isEqualTo(302);
    }

    private static String sessionCookie(HttpResponse<?> response, String current) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith("JSESSIONID=")) {
                int end = header.indexOf(';');
                return header.substring("JSESSIONID=".length(), end < 0 ? header.length() : end);
            }
        }
        return current;
    }

    private static String product(String sku, long stock, long threshold) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + sku + "\",\"price\":2.50,\"stock\":" + stock
                + ",\"reorderThreshold\":" + threshold + "}";
    }

    private static String line(String sku, long quantity) {
        return "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
    }

    private static List<Api.Response> allAtOnce(
            int count, java.util.function.IntFunction<Callable<Api.Response>> request) throws Exception {
        // On SQLite every writer of both instances queues for the one file lock; fewer buyers at once
        // keep each one's wait within the client's timeout on a slow machine.
        return AllAtOnce.send(count, PostgresTestDatabase.active() ? 32 : 16, request);
    }
}

package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/**
 * Every endpoint the application serves, as anonymous and as each role, answers as the role
 * allows: 401 (API) or a redirect to sign-in (pages) without credentials, 403 for a role too low,
 * and neither for a role high enough. The endpoints are read from Spring's own handler mappings,
 * so a new endpoint without a line in {@link #NEEDS} fails this test instead of going unchecked.
 */
class AccessMatrixTests extends ApiTestSupport {

    /** Who may call an endpoint. */
    enum Need {
        PUBLIC,
        VIEWER,
        STAFF,
        OWNER,
        /** Only the middle of a two-factor sign-in: nobody fully signed in may use it. */
        SIGN_IN_CODE,
        /** Open to everyone, credentials or not, but refused (401) without the platform's webhook signature. */
        SIGNATURE
    }

    private static final Map<String, Need> NEEDS = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/products", Need.VIEWER),
            Map.entry("POST /api/products", Need.STAFF),
            Map.entry("GET /api/products/{sku}", Need.VIEWER),
            Map.entry("GET /api/products/by-barcode/{code}", Need.VIEWER),
            Map.entry("POST /api/products/bulk", Need.STAFF),
            Map.entry("PATCH /api/products/{sku}", Need.STAFF),
            Map.entry("DELETE /api/products/{sku}", Need.STAFF),
            Map.entry("POST /api/products/{sku}/restore", Need.STAFF),
            Map.entry("POST /api/products/{sku}/receipts", Need.STAFF),
            Map.entry("GET /api/products/{sku}/movements", Need.VIEWER),
            Map.entry("POST /api/products/{sku}/adjustments", Need.STAFF),
            Map.entry("GET /api/exports/movements", Need.VIEWER),
            Map.entry("GET /api/admin/verify", Need.OWNER),
            Map.entry("POST /api/purchases", Need.STAFF),
            Map.entry("POST /api/reservations", Need.STAFF),
            Map.entry("GET /api/reservations", Need.VIEWER),
            Map.entry("GET /api/reservations/{id}", Need.VIEWER),
            Map.entry("POST /api/reservations/{id}/commit", Need.STAFF),
            Map.entry("DELETE /api/reservations/{id}", Need.STAFF),
            Map.entry("GET /api/backorders", Need.VIEWER),
            Map.entry("GET /api/backorders/{id}", Need.VIEWER),
            Map.entry("POST /api/backorders/{id}/cancel", Need.STAFF),
            Map.entry("GET /api/purchases", Need.VIEWER),
            Map.entry("GET /api/purchases/{id}", Need.VIEWER),
            Map.entry("POST /api/purchases/{id}/returns", Need.STAFF),
            Map.entry("GET /api/purchases/{id}/returns", Need.VIEWER),
            Map.entry("GET /api/alerts", Need.VIEWER),
            Map.entry("POST /api/alerts/{id}/acknowledge", Need.STAFF),
            Map.entry("GET /api/reports/sales", Need.VIEWER),
            Map.entry("GET /api/reports/sales/daily", Need.VIEWER),
            Map.entry("GET /api/reports/slow", Need.VIEWER),
            Map.entry("GET /api/reports/valuation", Need.VIEWER),
            Map.entry("GET /api/reports/reorder", Need.VIEWER),
            Map.entry("POST /api/imports", Need.STAFF),
            Map.entry("GET /api/imports/{id}", Need.VIEWER),
            Map.entry("POST /api/imports/{id}/undo", Need.STAFF),
            Map.entry("GET /api/exports/products", Need.VIEWER),
            Map.entry("GET /api/exports/inventory", Need.VIEWER),
            Map.entry("POST /api/webhooks", Need.OWNER),
            Map.entry("POST /settings/webhooks", Need.OWNER),
            Map.entry("GET /settings/webhooks/{id}", Need.OWNER),
            Map.entry("POST /settings/webhooks/{id}/delete", Need.OWNER),
            Map.entry("POST /settings/webhooks/{id}/enable", Need.OWNER),
            Map.entry("POST /settings/webhooks/{id}/test", Need.OWNER),
            Map.entry("GET /api/webhooks", Need.OWNER),
            Map.entry("GET /api/webhooks/{id}", Need.OWNER),
            Map.entry("DELETE /api/webhooks/{id}", Need.OWNER),
            Map.entry("GET /api/webhooks/{id}/deliveries", Need.OWNER),
            Map.entry("POST /api/webhooks/{id}/test", Need.OWNER),
            Map.entry("POST /api/webhooks/{id}/enable", Need.OWNER),
            Map.entry("POST /api/channels", Need.OWNER),
            Map.entry("GET /api/channels", Need.OWNER),
            Map.entry("GET /api/channels/{id}", Need.OWNER),
            Map.entry("DELETE /api/channels/{id}", Need.OWNER),
            Map.entry("POST /api/channels/{id}/sync", Need.OWNER),
            Map.entry("GET /api/channels/{id}/sync-log", Need.OWNER),
            Map.entry("GET /api/channels/{id}/orders", Need.OWNER),
            // Authenticated by the platform's signature, not by Stockroom credentials: anyone gets a 401 without one.
            Map.entry("POST /api/channels/{id}/webhooks", Need.SIGNATURE),
            Map.entry("GET /settings/channels", Need.OWNER),
            Map.entry("POST /settings/channels", Need.OWNER),
            Map.entry("GET /settings/channels/{id}", Need.OWNER),
            Map.entry("POST /settings/channels/{id}/sync", Need.OWNER),
            Map.entry("POST /settings/channels/{id}/disconnect", Need.OWNER),
            Map.entry("POST /api/users", Need.OWNER),
            Map.entry("GET /api/users", Need.OWNER),
            Map.entry("PATCH /api/users/{username}", Need.OWNER),
            Map.entry("POST /api/tokens", Need.OWNER),
            Map.entry("GET /api/tokens", Need.OWNER),
            Map.entry("DELETE /api/tokens/{id}", Need.OWNER),
            Map.entry("GET /api/audit", Need.OWNER),
            Map.entry("GET /api/lockouts", Need.OWNER),
            Map.entry("POST /api/suppliers", Need.STAFF),
            Map.entry("GET /api/suppliers", Need.VIEWER),
            Map.entry("GET /api/suppliers/{id}", Need.VIEWER),
            Map.entry("PATCH /api/suppliers/{id}", Need.STAFF),
            Map.entry("POST /api/purchase-orders", Need.STAFF),
            Map.entry("GET /api/purchase-orders", Need.VIEWER),
            Map.entry("POST /api/purchase-orders/from-reorder", Need.STAFF),
            Map.entry("GET /api/purchase-orders/{id}", Need.VIEWER),
            Map.entry("PATCH /api/purchase-orders/{id}", Need.STAFF),
            Map.entry("POST /api/purchase-orders/{id}/send", Need.STAFF),
            Map.entry("POST /api/purchase-orders/{id}/receipts", Need.STAFF),
            Map.entry("POST /api/purchase-orders/{id}/cancel", Need.STAFF),
            Map.entry("GET /api/purchase-orders/{id}/pdf", Need.VIEWER),
            Map.entry("GET /api/purchase-orders/{id}/csv", Need.VIEWER),
            Map.entry("GET /login", Need.PUBLIC),
            Map.entry("GET /login/code", Need.SIGN_IN_CODE),
            Map.entry("POST /login/code", Need.SIGN_IN_CODE),
            Map.entry("GET /account/two-factor", Need.VIEWER),
            Map.entry("POST /account/two-factor", Need.VIEWER),
            Map.entry("GET /", Need.VIEWER),
            Map.entry("GET /products", Need.VIEWER),
            Map.entry("GET /products/new", Need.VIEWER),
            Map.entry("POST /products", Need.STAFF),
            Map.entry("GET /products/{sku}", Need.VIEWER),
            Map.entry("GET /products/{sku}/edit", Need.VIEWER),
            Map.entry("POST /products/{sku}", Need.STAFF),
            Map.entry("POST /products/{sku}/archive", Need.STAFF),
            Map.entry("POST /products/{sku}/restore", Need.STAFF),
            Map.entry("POST /products/{sku}/receipts", Need.STAFF),
            Map.entry("POST /products/{sku}/adjustments", Need.STAFF),
            Map.entry("GET /products/{sku}/adjustments", Need.VIEWER),
            Map.entry("POST /products/{sku}/count", Need.STAFF),
            Map.entry("GET /products/{sku}/receipts", Need.VIEWER),
            Map.entry("GET /products/{sku}/row", Need.VIEWER),
            Map.entry("POST /products/bulk/edit", Need.STAFF),
            Map.entry("GET /sales", Need.VIEWER),
            Map.entry("GET /reservations", Need.VIEWER),
            Map.entry("POST /reservations", Need.STAFF),
            Map.entry("POST /reservations/{id}/commit", Need.STAFF),
            Map.entry("POST /reservations/{id}/release", Need.STAFF),
            Map.entry("GET /sales/new", Need.VIEWER),
            Map.entry("GET /sales/choices", Need.VIEWER),
            Map.entry("GET /sales/{id}", Need.VIEWER),
            Map.entry("POST /sales", Need.STAFF),
            Map.entry("POST /sales/quote", Need.STAFF),
            Map.entry("POST /sales/{id}/returns", Need.STAFF),
            Map.entry("GET /sales/{id}/returns", Need.VIEWER),
            Map.entry("GET /alerts", Need.VIEWER),
            Map.entry("POST /alerts/{id}/acknowledge", Need.STAFF),
            Map.entry("GET /api/alerts/stream", Need.VIEWER),
            Map.entry("GET /reports", Need.VIEWER),
            Map.entry("GET /reports/sales.csv", Need.VIEWER),
            Map.entry("GET /reports/valuation", Need.VIEWER),
            Map.entry("GET /reports/valuation.csv", Need.VIEWER),
            Map.entry("GET /reports/reorder", Need.VIEWER),
            Map.entry("GET /reports/reorder.csv", Need.VIEWER),
            Map.entry("GET /reports/purchase-list.csv", Need.VIEWER),
            Map.entry("GET /reports/slow", Need.VIEWER),
            Map.entry("GET /reports/slow.csv", Need.VIEWER),
            Map.entry("GET /settings", Need.OWNER),
            Map.entry("POST /settings", Need.OWNER),
            Map.entry("GET /imports", Need.VIEWER),
            Map.entry("GET /purchase-orders", Need.VIEWER),
            Map.entry("POST /purchase-orders", Need.STAFF),
            Map.entry("POST /purchase-orders/from-reorder", Need.STAFF),
            Map.entry("GET /purchase-orders/choices", Need.VIEWER),
            Map.entry("GET /purchase-orders/{id}", Need.VIEWER),
            Map.entry("POST /purchase-orders/{id}/lines", Need.STAFF),
            Map.entry("POST /purchase-orders/{id}/lines/{sku}/remove", Need.STAFF),
            Map.entry("POST /purchase-orders/{id}/send", Need.STAFF),
            Map.entry("POST /purchase-orders/{id}/receipts", Need.STAFF),
            Map.entry("POST /purchase-orders/{id}/cancel", Need.STAFF),
            Map.entry("GET /purchase-orders/{id}/print", Need.VIEWER),
            Map.entry("GET /purchase-orders/{id}/pdf", Need.VIEWER),
            Map.entry("GET /purchase-orders/{id}/csv", Need.VIEWER),
            Map.entry("GET /suppliers", Need.VIEWER),
            Map.entry("POST /suppliers", Need.STAFF),
            Map.entry("GET /suppliers/{id}", Need.VIEWER),
            Map.entry("POST /suppliers/{id}", Need.STAFF),
            Map.entry("POST /imports", Need.STAFF),
            Map.entry("POST /imports/{id}/undo", Need.STAFF),
            Map.entry("GET /admin/users", Need.OWNER),
            Map.entry("POST /admin/users", Need.OWNER),
            Map.entry("POST /admin/users/{username}", Need.OWNER),
            Map.entry("GET /admin/tokens", Need.OWNER),
            Map.entry("POST /admin/tokens", Need.OWNER),
            Map.entry("POST /admin/tokens/{id}/revoke", Need.OWNER),
            Map.entry("GET /admin/audit", Need.OWNER),
            Map.entry("GET /error", Need.PUBLIC),
            Map.entry("GET /v3/api-docs", Need.VIEWER),
            Map.entry("GET /v3/api-docs.yaml", Need.VIEWER),
            Map.entry("GET /v3/api-docs/swagger-config", Need.VIEWER),
            Map.entry("GET /swagger-ui.html", Need.VIEWER),
            Map.entry("GET /actuator", Need.OWNER),
            Map.entry("GET /actuator/health", Need.PUBLIC),
            Map.entry("GET /actuator/health/**", Need.PUBLIC),
            Map.entry("GET /actuator/info", Need.OWNER),
            Map.entry("GET /actuator/prometheus", Need.OWNER),
            Map.entry("GET /actuator/metrics", Need.OWNER),
            Map.entry("GET /actuator/metrics/{requiredMetricName}", Need.OWNER)));

    /** Values for path variables: a product that exists, and ids that need not. */
    private static final Map<String, String> PATH_VALUES =
            Map.of("sku", "MATRIX-1", "requiredMetricName", "jvm.memory.used", "username", "matrix-nobody");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final List<String> ROLES = List.of("VIEWER", "STAFF", "OWNER");

    @Autowired
    List<RequestMappingInfoHandlerMapping> mappings;

    @Test
    void everyEndpointHasAnExpectation() {
        TreeSet<String> missing = endpoints();
        missing.removeAll(NEEDS.keySet());
        assertThat(missing)
                .as("endpoints without an expected access (add them to NEEDS)")
                .isEmpty();
    }

    @Test
    void everyEndpointAnswersEachRoleAsItsExpectationSays() {
        api.post("/api/products", product("MATRIX-1", "10.00", 100, 1));
        Map<String, Browser> browsers = new TreeMap<>();
        Map<String, String> basic = new TreeMap<>();
        for (String role : ROLES) {
            String username = "matrix-" + role.toLowerCase();
            as(username, role);
            Browser browser = new Browser(port);
            browser.signIn(username, USER_PASSWORD);
            browser.get("/account/two-factor");
            browsers.put(role, browser);
            basic.put(role, Api.basic(username, USER_PASSWORD));
        }
        List<String> wrong = new ArrayList<>();
        TreeSet<String> endpoints = endpoints();
        endpoints.retainAll(NEEDS.keySet());
        for (String endpoint : endpoints) {
            Need need = NEEDS.get(endpoint);
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            boolean api = path.startsWith("/api/") || path.startsWith("/actuator");

            Browser stranger = new Browser(port);
            stranger.get("/login");
            int anonymous = api ? send(method, path, null, null) : send(method, path, null, stranger);
            String label = endpoint.equals("GET /error") ? "error page" : endpoint;
            check(
                    wrong,
                    label,
                    "anonymous",
                    anonymous,
                    need == Need.PUBLIC ? Outcome.ALLOWED : api ? Outcome.UNAUTHORIZED : Outcome.SIGN_IN);
            if (need == Need.SIGNATURE) {
                for (String role : ROLES) {
                    check(wrong, label, role, send(method, path, basic.get(role), null), Outcome.UNAUTHORIZED);
                }
                continue;
            }

            for (String role : ROLES) {
                int status =
                        api ? send(method, path, basic.get(role), null) : send(method, path, null, browsers.get(role));
                check(
                        wrong,
                        label,
                        role,
                        status,
                        allows(need, Role.valueOf(role)) ? Outcome.ALLOWED : Outcome.FORBIDDEN);
            }
        }
        assertThat(wrong)
                .as("endpoints that answered against their expectation")
                .isEmpty();
    }

    private enum Outcome {
        ALLOWED,
        UNAUTHORIZED,
        SIGN_IN,
        FORBIDDEN
    }

    private static void check(List<String> wrong, String endpoint, String who, int status, Outcome expected) {
        boolean ok = switch (expected) {
            // The error page answers the status of the error it shows (500 when called directly).
            case ALLOWED ->
                status != 401 && status != 403 && status != -302 && (status < 500 || endpoint.equals("error page"));
            case UNAUTHORIZED -> status == 401;
            case SIGN_IN -> status == -302;
            case FORBIDDEN -> status == 403;
        };
        if (!ok) {
            wrong.add(endpoint + " as " + who + ": " + (status == -302 ? "redirect to sign-in" : status) + ", expected "
                    + expected);
        }
    }

    private static boolean allows(Need need, Role role) {
        return switch (need) {
            case PUBLIC -> true;
            case VIEWER -> role.includes(Role.VIEWER);
            case STAFF -> role.includes(Role.STAFF);
            case OWNER -> role.includes(Role.OWNER);
            case SIGN_IN_CODE, SIGNATURE -> false;
        };
    }

    /** "METHOD /pattern" of every handler method; a mapping without methods answers GET. */
    private TreeSet<String> endpoints() {
        TreeSet<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : mappings) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                var methods = info.getMethodsCondition().getMethods();
                List<String> names = methods.isEmpty()
                        ? List.of("GET")
                        : methods.stream().map(RequestMethod::name).toList();
                for (String pattern : info.getPatternValues()) {
                    names.forEach(m -> endpoints.add(m + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    private static String concrete(String pattern) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(pattern.replace("/**", "/liveness"));
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, PATH_VALUES.getOrDefault(m.group(1), "1"));
        }
        m.appendTail(path);
        return path.toString();
    }

    /**
     * The status of one request (-302 for a redirect to the sign-in page). Only the head of the
     * answer is read, so a stream that never ends (server-sent events) does not hold the test.
     */
    private int send(String method, String path, String authorization, Browser browser) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        boolean page = browser != null;
        if (page) {
            request.header("Accept", "text/html");
            if (!browser.cookies.isEmpty()) {
                request.header("Cookie", browser.cookieHeader());
            }
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (page) {
            String csrf = browser.csrf() == null
                    ? ""
                    : "_csrf=" + java.net.URLEncoder.encode(browser.csrf(), StandardCharsets.UTF_8);
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(csrf));
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        try {
            HttpResponse<InputStream> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            if (response.statusCode() == 302
                    && response.headers().firstValue("Location").orElse("").endsWith("/login")) {
                return -302;
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

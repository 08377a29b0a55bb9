package org.stockroom.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client for the JSON API over real HTTP, as a storefront would call it. Default headers (for
 * example credentials) apply to every request made through this instance.
 */
public final class Api {

    public record Response(int status, Map<String, java.util.List<String>> headers, String text) {
        /** Decimals stay exact, so a test can check that money keeps its scale ({@code 700.00}, not {@code 700.0}). */
        private static final JsonMapper JSON = JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();

        public JsonNode json() {
            return JSON.readTree(text);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(30);

    public Api(int port) {
        this("http://localhost:" + port);
    }

    public Api(String base) {
        this.base = base;
    }

    public Api withHeader(String name, String value) {
        Api copy = copy();
        copy.defaultHeaders.put(name, value);
        return copy;
    }

    private Api copy() {
        Api copy = new Api(base);
        copy.timeout = timeout;
        copy.defaultHeaders.putAll(defaultHeaders);
        return copy;
    }

    /**
     * This client waiting up to {@code timeout} for an answer: for requests whose work grows with
     * the data (a whole catalog), which must not fail a test for the machine being busy.
     */
    public Api withTimeout(Duration timeout) {
        Api copy = copy();
        copy.timeout = timeout;
        return copy;
    }

    /** This client signing in with HTTP Basic as {@code username}. */
    public Api withBasic(String username, String password) {
        return withHeader("Authorization", basic(username, password));
    }

    /** The {@code Authorization} header value of HTTP Basic for {@code username}. */
    public static String basic(String username, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** This client presenting an API token. */
    public Api withToken(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    /** Posts {@code csv} as the multipart field {@code file} (catalog.csv), as a browser uploads a file. */
    public Response uploadCsv(String path, String csv) {
        String boundary = "----stockroom" + java.util.UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"catalog.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n";
        return send("POST", path, body, Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, String json) {
        return send("POST", path, json, Map.of());
    }

    public Response post(String path, String json, Map<String, String> headers) {
        return send("POST", path, json, headers);
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        // setHeader, so a test's own Content-Type replaces the default instead of being sent as a second one.
        defaultHeaders.forEach(request::setHeader);
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

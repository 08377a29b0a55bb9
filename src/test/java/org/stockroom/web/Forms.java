package org.stockroom.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/**
 * Submits HTML forms as a browser without JavaScript does: url-encoded fields, redirects not
 * followed, signed in as the administrator through the sign-in form, with the session's CSRF token.
 */
final class Forms {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CSRF =
            Pattern.compile("name=\"(?:_csrf|csrf-token)\"[^>]*(?:value|content)=\"([^\"]+)\"");

    private final String base;
    private String session;
    private String csrf;

    Forms(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Fields in order; a name may repeat, as with the sale form's rows. */
    Api.Response post(String path, List<Map.Entry<String, String>> fields) {
        if (session == null) {
            signIn();
        }
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf));
        return send(path, all);
    }

    private void signIn() {
        csrfFrom(get("/login"));
        Api.Response signedIn = send(
                "/login",
                List.of(
                        Map.entry("username", "admin"),
                        Map.entry("password", ApiTestSupport.ADMIN_PASSWORD),
                        Map.entry("_csrf", csrf)));
        if (signedIn.status() != 302 || signedIn.header("Location").contains("error")) {
            throw new IllegalStateException("Cannot sign in: " + signedIn);
        }
        csrfFrom(get("/"));
    }

    private void csrfFrom(Api.Response page) {
        Matcher m = CSRF.matcher(page.text());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the page: " + page);
        }
        csrf = m.group(1);
    }

    private Api.Response get(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .GET());
    }

    private Api.Response send(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return exchange(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Api.Response exchange(HttpRequest.Builder request) {
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                if (cookie.startsWith("JSESSIONID=")) {
                    session = cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
                }
            }
            return new Api.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map.Entry<String, String> field(String name, String value) {
        return Map.entry(name, value);
    }
}

package org.stockroom.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.stockroom.testing.ApiTestSupport;

class AlertStreamTests extends ApiTestSupport {

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aConnectedBrowserHearsOfAnAlertOnceThePurchaseThatRaisedItCommits() throws Exception {
        api.post("/api/products", product("MUG", "4.00", 5, 2));
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/alerts/stream"))
                        .header("Authorization", adminAuthorization())
                        .header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");

        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            List<String> hello = nextEvent(reader);
            assertThat(hello).contains("event:hello").anyMatch(l -> l.contains("\"openAlerts\":0"));

            assertThat(api.post("/api/purchases", purchase("MUG", 4)).status()).isEqualTo(201);

            List<String> alert = nextEvent(reader);
            assertThat(alert).contains("event:alert");
            String data = alert.stream()
                    .filter(l -> l.startsWith("data:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(data)
                    .contains("\"type\":\"alert.raised\"")
                    .contains("\"sku\":\"MUG\"")
                    .contains("\"level\":\"LOW\"")
                    .contains("\"stock\":1")
                    .contains("\"openAlerts\":1");
        }
    }

    @Test
    void aRefusedPurchaseIsNeverAnnounced() throws Exception {
        api.post("/api/products", product("MUG", "4.00", 5, 2));
        api.post("/api/products", product("CAP", "4.00", 1, 0));
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/alerts/stream"))
                        .header("Authorization", adminAuthorization())
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());

        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            nextEvent(reader);
            // MUG would raise an alert, but CAP is short, so the whole purchase rolls back.
            String both = "{\"lines\":[{\"sku\":\"MUG\",\"quantity\":4},{\"sku\":\"CAP\",\"quantity\":2}]}";
            assertThat(api.post("/api/purchases", both).status()).isEqualTo(409);
            assertThat(api.post("/api/purchases", purchase("CAP", 1)).status()).isEqualTo(201);

            String data = nextEvent(reader).stream()
                    .filter(l -> l.startsWith("data:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(data).contains("\"sku\":\"CAP\"").doesNotContain("MUG");
        }
    }

    @Test
    void anAlertRaisedByAnotherInstanceReachesBrowsersHereToo() throws Exception {
        api.post("/api/products", product("MUG", "4.00", 5, 2));
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/alerts/stream"))
                        .header("Authorization", adminAuthorization())
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());

        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            nextEvent(reader);
            events.publishEvent(new RemoteAlertChange(
                    new AlertChange(AlertChange.Type.ESCALATED, 77, "MUG", "Mug", AlertLevel.OUT, 0, 2)));

            String data = nextEvent(reader).stream()
                    .filter(l -> l.startsWith("data:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(data)
                    .contains("\"type\":\"alert.escalated\"")
                    .contains("\"alertId\":77")
                    .contains("\"level\":\"OUT\"");
        }
    }

    /** The lines of the next event, skipping keep-alive comments. */
    private static List<String> nextEvent(BufferedReader reader) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (!lines.isEmpty()) {
                    return lines;
                }
            } else if (!line.startsWith(":")) {
                lines.add(line);
            }
        }
        throw new AssertionError("the stream ended before the next event");
    }
}

package org.stockroom.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Sends one signed webhook request. Redirects are not followed (a 3xx is a failure the owner must
 * fix, not a hop to somewhere unchecked), and both connecting and answering are short.
 */
@Component
class WebhookSender {

    /** What the receiver answered: a status code, or no code and the reason the request failed. */
    record Outcome(Integer status, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        boolean gone() {
            return status != null && status == 410;
        }

        String describe() {
            return status != null ? "HTTP " + status : error;
        }
    }

    private final HttpClient client;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookSender(WebhookProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Outcome send(String url, String secret, String messageId, String body) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Stockroom-Webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return new Outcome(
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (IOException e) {
            return new Outcome(
                    null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted while sending");
        }
    }
}

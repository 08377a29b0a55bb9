package org.stockroom.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's health check: exit 0 when {@code /actuator/health/readiness} answers 200. The
 * image has no shell or curl to spare, and Jib images carry no HEALTHCHECK, so the runtime calls
 * {@code java -cp @/app/jib-classpath-file org.stockroom.cli.HealthProbe} (docs/operations.md).
 */
public final class HealthProbe {

    private HealthProbe() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:" + port + "/actuator/health/readiness";
        try {
            HttpResponse<Void> answer = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            System.exit(answer.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.exit(1);
        }
    }
}
